/**
 * The CLI as users run it (`node bin/btyun.js`), compiled from the current sources into a private
 * package copy. Other test files rebuild the shared dist/ while tests run; reading a half-written
 * dist/ file would be a false failure, so the robustness tests run their own build. The build is
 * keyed by a hash of the sources and shared by the robustness test files (built once, renamed
 * into place atomically).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PACKAGE_ROOT } from '../../../checks/core/version';

const SOURCE_DIRS = ['checks', 'policies', 'stacks'];

function sourceFiles(dir: string, out: string[]): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) sourceFiles(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function sourceHash(): string {
  // The copy links this checkout's node_modules/ and environments/: a build for another checkout
  // with the same sources would read that checkout's environments.
  const h = crypto.createHash('sha256').update(PACKAGE_ROOT).update('\0');
  const files = SOURCE_DIRS.flatMap((d) => sourceFiles(path.join(PACKAGE_ROOT, d), [])).sort();
  for (const f of [...files, path.join(PACKAGE_ROOT, 'package.json'), path.join(PACKAGE_ROOT, 'tsconfig.json')]) {
    h.update(path.relative(PACKAGE_ROOT, f)).update('\0').update(fs.readFileSync(f)).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

let built: string | undefined;

/** Root of a package copy whose `bin/btyun.js` runs the current sources. */
export function builtPackage(): string {
  if (built) return built;
  const root = path.join(os.tmpdir(), `btyun-robust-${sourceHash()}`);
  if (!fs.existsSync(path.join(root, 'dist', 'checks', 'app', 'cli', 'main.js'))) {
    const tmp = `${root}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    fs.mkdirSync(path.join(tmp, 'bin'), { recursive: true });
    // tsc emits despite type errors in other helpers' unfinished files.
    spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(PACKAGE_ROOT, 'tsconfig.json'), '--outDir', path.join(tmp, 'dist')], {
      cwd: PACKAGE_ROOT,
      encoding: 'utf8',
    });
    for (const f of ['package.json', 'cdktf.json']) if (fs.existsSync(path.join(PACKAGE_ROOT, f))) fs.copyFileSync(path.join(PACKAGE_ROOT, f), path.join(tmp, f));
    fs.copyFileSync(path.join(PACKAGE_ROOT, 'bin', 'btyun.js'), path.join(tmp, 'bin', 'btyun.js'));
    fs.symlinkSync(path.join(PACKAGE_ROOT, 'node_modules'), path.join(tmp, 'node_modules'));
    fs.symlinkSync(path.join(PACKAGE_ROOT, 'environments'), path.join(tmp, 'environments'));
    if (!fs.existsSync(path.join(tmp, 'dist', 'checks', 'app', 'cli', 'main.js'))) throw new Error('tsc produced no dist/checks/app/cli/main.js');
    try {
      fs.renameSync(tmp, root);
    } catch {
      fs.rmSync(tmp, { recursive: true, force: true }); // another worker won the race: use its build
    }
  }
  built = root;
  return root;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/btyun.js ...args` of the built package in `cwd`. */
export function runBuilt(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return spawnNode([path.join(builtPackage(), 'bin', 'btyun.js'), ...args], cwd, env);
}

/** Runs node with `args` (a script and its arguments). */
export function spawnNode(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

/**
 * Runs many invocations in few processes (see batch-cli.cjs): `jobs` split over `processes`
 * node processes, each running its share one after another.
 */
export async function runBatched(jobs: readonly { args: readonly string[]; cwd: string }[], processes: number, workDir: string): Promise<CliRun[]> {
  const root = builtPackage();
  const driver = path.join(PACKAGE_ROOT, 'test', 'robustness', 'support', 'batch-cli.cjs');
  const shares = Array.from({ length: processes }, (_, p) => jobs.map((j, i) => ({ j, i })).filter(({ i }) => i % processes === p));
  const results: CliRun[] = new Array(jobs.length);
  await Promise.all(
    shares.map(async (share, p) => {
      if (share.length === 0) return;
      const file = path.join(workDir, `jobs-${p}.json`);
      fs.writeFileSync(file, JSON.stringify(share.map(({ j }) => j)));
      const run = await spawnNode([driver, root, file], workDir);
      if (run.code !== 0) throw new Error(`batch driver failed (exit ${run.code}): ${run.stderr}`);
      const out = JSON.parse(run.stdout) as CliRun[];
      share.forEach(({ i }, k) => (results[i] = out[k]));
    }),
  );
  return results;
}

/** Runs tasks with at most `limit` at a time (two cores: spawns must not pile up). */
export async function limited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Signs of a crash rather than a clear error: a stack frame, a Node error class prefix, an internal error. */
export function crashSigns(text: string): string[] {
  const signs: string[] = [];
  if (/^\s+at /m.test(text)) signs.push('stack frame ("    at ...")');
  if (/^(Uncaught )?[A-Za-z]*Error( \[[A-Z_]+\])?:/m.test(text)) signs.push('Node error prefix ("...Error:")');
  if (/internal error/.test(text)) signs.push('internal error');
  if (/node:internal|\.js:\d+:\d+\)?$/m.test(text)) signs.push('Node internals');
  return signs;
}
