/**
 * A PostgreSQL database for the real-state tests: BTYUN_TEST_PG_URL when set (`.ci/run` starts a
 * throw-away cluster and exports it), otherwise a throw-away cluster of our own — initdb into a
 * temporary folder, trust authentication, listening on 127.0.0.1 and a free port only, run as the
 * `postgres` user when we are root (initdb refuses root) — stopped and removed afterwards. Each test
 * file works in a database of its own, created and dropped here.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { envWithout, onPath, run, userIds } from './processes';

export interface PgTools {
  initdb: string;
  pgCtl: string;
  postgres: string;
  psql: string;
}

/** The server binaries (initdb, pg_ctl, postgres) and psql: from PATH, else the newest /usr/lib/postgresql/<v>/bin. */
export function findPgTools(): Partial<PgTools> {
  const dirs: string[] = [];
  const initdbOnPath = onPath('initdb');
  if (initdbOnPath) dirs.push(path.dirname(fs.realpathSync(initdbOnPath)), path.dirname(initdbOnPath));
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    for (const v of fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))) dirs.push(path.join(debian, v, 'bin'));
  }
  const find = (name: string): string | undefined => {
    for (const d of dirs) {
      const f = path.join(d, name);
      if (fs.existsSync(f)) return f;
    }
    return onPath(name);
  };
  return { initdb: find('initdb'), pgCtl: find('pg_ctl'), postgres: find('postgres'), psql: find('psql') };
}

/** What is missing to run: psql always, the server binaries only when we must start the server. */
export function missingPgTools(t: Partial<PgTools>, needServer: boolean): string | undefined {
  const need: [string, string | undefined][] = [['psql', t.psql]];
  if (needServer) need.push(['initdb', t.initdb], ['pg_ctl', t.pgCtl], ['postgres', t.postgres]);
  const absent = need.filter(([, f]) => f === undefined).map(([n]) => n);
  return absent.length > 0 ? `PostgreSQL ${absent.join(', ')} not on PATH nor in /usr/lib/postgresql/*/bin` : undefined;
}

/** Environment for psql: nothing of the caller's PG* variables; the URL says everything. */
const PSQL_ENV = (): NodeJS.ProcessEnv => envWithout(['PG']);

/** Runs one SQL text through psql (-X: no psqlrc); returns its unaligned, tuples-only output. */
export async function sql(psql: string, url: string, query: string): Promise<string> {
  const r = await run(psql, [url, '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '-c', query], { env: PSQL_ENV(), timeoutMs: 30_000 });
  if (r.code !== 0) throw new Error(`psql failed (${r.code}): ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** `url` with another database name (query parameters such as sslmode kept). */
export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

export interface PgServer {
  /** postgres:// URL of the server's `postgres` database (sslmode=disable when we started it). */
  url: string;
  /** Where it came from, for the test output. */
  origin: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** A throw-away cluster (see the file comment). Throws with initdb's / the server log's words when it cannot start. */
export async function startThrowawayCluster(tools: PgTools): Promise<PgServer> {
  const root = process.getuid?.() === 0;
  let prefix: string[] = [];
  let owner: { uid: number; gid: number } | undefined;
  if (root) {
    const runuser = onPath('runuser') ?? (fs.existsSync('/usr/sbin/runuser') ? '/usr/sbin/runuser' : undefined);
    owner = userIds('postgres');
    if (!runuser || !owner) throw new Error('running as root, and initdb refuses root: need runuser and a postgres user');
    prefix = [runuser, '-u', 'postgres', '--'];
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-pg-'));
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  const as = (file: string, args: string[]) => (prefix.length > 0 ? run(prefix[0], [...prefix.slice(1), file, ...args], { env: PSQL_ENV(), timeoutMs: 60_000 }) : run(file, args, { env: PSQL_ENV(), timeoutMs: 60_000 }));
  const init = await as(tools.initdb, ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  if (init.code !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`initdb failed: ${(init.stderr || init.stdout).trim().split('\n').slice(-3).join(' / ')}`);
  }
  let port = 0;
  let started = false;
  let lastError = '';
  for (let attempt = 0; attempt < 3 && !started; attempt++) {
    port = await freePort();
    const opts = `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    const r = await as(tools.pgCtl, ['-D', data, '-l', log, '-o', opts, '-w', '-t', '30', 'start']);
    started = r.code === 0;
    if (!started) lastError = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n').slice(-2).join(' / ') : r.stderr.trim();
  }
  if (!started) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${lastError}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    origin: `throw-away cluster ${dir} (port ${port}, started by the test)`,
    async stop() {
      await as(tools.pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** BTYUN_TEST_PG_URL when set (not stopped by us), else a cluster of our own. */
export async function pgServer(tools: Partial<PgTools>): Promise<PgServer> {
  const given = process.env.BTYUN_TEST_PG_URL;
  if (given) return { url: given, origin: 'BTYUN_TEST_PG_URL', stop: async () => {} };
  const missing = missingPgTools(tools, true);
  if (missing) throw new Error(`no BTYUN_TEST_PG_URL, and ${missing}`);
  return startThrowawayCluster(tools as PgTools);
}

/**
 * Holds `pg_advisory_lock(key)` in a psql session of its own until `release()` — the lock
 * Terraform's pg backend takes on a workspace (the state row's id). Resolves once the lock is held.
 */
export async function holdAdvisoryLock(psql: string, url: string, key: number): Promise<{ release(): Promise<void> }> {
  const child = spawn(psql, [url, '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1'], { env: PSQL_ENV(), stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
  const closed = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`psql did not take the advisory lock ${key} within 30 s: ${stderr.trim()}`));
    }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString('utf8');
      if (out.includes('locked')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`psql exited (${code}) before taking the advisory lock ${key}: ${stderr.trim()}`));
    });
    child.stdin.write(`SELECT 'locked' FROM pg_advisory_lock(${key});\n`);
  });
  return {
    release: async () => {
      child.stdin.end(`SELECT pg_advisory_unlock(${key});\n\\q\n`);
      await closed;
    },
  };
}
