/**
 * The pg state backend for real: the shipped `production` environment is synthesized, each stack's
 * `terraform.backend` block is taken alone into an empty configuration, and Terraform (no provider
 * needed) initializes and applies it against a real PostgreSQL database with PG_CONN_STR set. Then
 * the state lock: Terraform's pg backend locks a workspace with `pg_try_advisory_lock(<state row
 * id>)` (plus `-1` while a workspace is created), so
 *  - a second `terraform apply -lock-timeout=0s` of a stack is refused while a first apply of the
 *    same stack is held inside its run (a provisioner that waits for a file we create — no timing);
 *  - holding `pg_advisory_lock(<row id>)` from a psql session stops Terraform the same way.
 *
 * The database: BTYUN_TEST_PG_URL (`.ci/run` starts a throw-away cluster), else a throw-away cluster
 * started here when the PostgreSQL binaries exist (test/deploy/support/pg-cluster.ts). Without
 * terraform or PostgreSQL the one test says so in its name ("… not run") — nothing is skipped silently.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deployPreflight } from '../../checks/app/gate/preflight';
import { loadEnvironment } from '../../checks/core/load';
import type { Environment } from '../../checks/core/types';
import { synthEnvironment, UNGATED_TEMPORARY_OUTPUT } from '../../stacks/synth';
import { findPgTools, holdAdvisoryLock, missingPgTools, pgServer, sql, withDatabase, type PgServer } from './support/pg-cluster';
import { onPath, userIds } from './support/processes';
import { explain, workdir, type Workdir } from './support/terraform';

const TITLE = 'pg state backend of the production stacks: real Terraform, real PostgreSQL';
const terraformBin = onPath('terraform');
const pgTools = findPgTools();
const startsOwnServer = !process.env.BTYUN_TEST_PG_URL;
const notRun = [
  terraformBin ? undefined : 'terraform not on PATH',
  missingPgTools(pgTools, startsOwnServer),
  startsOwnServer && process.getuid?.() === 0 && !userIds('postgres') ? 'running as root with no postgres user for initdb' : undefined,
].filter((r): r is string => r !== undefined);

interface StackBackend {
  id: string;
  backend: { pg: { schema_name: string } & Record<string, unknown> };
}

/** The advisory-lock key Terraform's pg backend takes for a workspace: its state row id. */
const STATE_ROW = (schema: string) => `SELECT id FROM "${schema}".states WHERE name = 'default'`;
const LOCK_HELD = (id: number) =>
  `SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) ` +
  `AND classid = ${Math.floor(id / 2 ** 32)} AND objid = ${id % 2 ** 32} AND objsubid = 1`;

if (notRun.length > 0) {
  describe(TITLE, () => {
    it(`pg backend: terraform init, apply and the state lock (${notRun.join('; ')}: not run)`, () => {
      console.warn(`test/deploy/pg-backend.test.ts NOT RUN here: ${notRun.join('; ')}. Install Terraform ≥ 1.6 and PostgreSQL (or set BTYUN_TEST_PG_URL) to run it.`);
      expect(notRun.length).toBeGreaterThan(0);
    });
  });
} else {
  const terraform = terraformBin!;
  const psql = pgTools.psql!;

  describe(TITLE, () => {
    let server: PgServer | undefined;
    let database: string | undefined;
    let url = '';
    let work = '';
    let env: Environment;
    let stacks: StackBackend[] = [];
    const tf = (name: string, config: unknown): Workdir => workdir(terraform, work, name, config);
    const pgEnv = () => ({ PG_CONN_STR: url });

    beforeAll(async () => {
      const t0 = Date.now();
      work = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-pg-backend-'));
      server = await pgServer(pgTools);
      database = `btyun_pg_test_${process.pid}_${Date.now().toString(36)}`;
      await sql(psql, server.url, `CREATE DATABASE ${database}`);
      url = withDatabase(server.url, database);
      const t1 = Date.now();
      env = loadEnvironment('production');
      const out = path.join(work, 'cdktf.out');
      // Only the backend blocks are read back (as test/stacks/synth.test.ts does, not gated: the gate's
      // findings do not change a backend block).
      const result = synthEnvironment(env, { outDir: out, gate: UNGATED_TEMPORARY_OUTPUT });
      stacks = result.stacks.map((id) => {
        const json = JSON.parse(fs.readFileSync(path.join(out, 'stacks', id, 'cdk.tf.json'), 'utf8'));
        return { id, backend: json.terraform.backend };
      });
      console.log(`pg-backend: database from ${server.origin}; server ${t1 - t0} ms, synth of ${stacks.length} stacks ${Date.now() - t1} ms`);
    }, 120_000);

    afterAll(async () => {
      try {
        if (server && database) await sql(psql, server.url, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await server?.stop();
        if (work) fs.rmSync(work, { recursive: true, force: true });
      }
    }, 60_000);

    it('every synthesized stack has a pg backend with its own schema and no conn_str (the secret stays out)', () => {
      expect(stacks.map((s) => s.id)).toEqual(env.topology.centers.map((c) => c.id));
      const schemas = new Set<string>();
      for (const s of stacks) {
        expect(Object.keys(s.backend), s.id).toEqual(['pg']);
        expect(s.backend.pg, s.id).not.toHaveProperty('conn_str');
        expect(s.backend.pg.schema_name, s.id).toMatch(/^btyun_/);
        schemas.add(s.backend.pg.schema_name);
      }
      expect(schemas.size).toBe(stacks.length);
    });

    it('terraform init + apply of each backend block alone, PG_CONN_STR set: the state lands in the stack\'s schema', async () => {
      const t0 = Date.now();
      for (const s of stacks) {
        const dir = tf(`apply-${s.id}`, { terraform: { backend: s.backend } });
        const init = await dir.terraform(['init', '-input=false', '-no-color'], pgEnv());
        expect(init.code, `${s.id}: terraform init ${explain(init)}`).toBe(0);
        const apply = await dir.terraform(['apply', '-auto-approve', '-input=false', '-no-color'], pgEnv());
        expect(apply.code, `${s.id}: terraform apply ${explain(apply)}`).toBe(0);
        expect(apply.stdout).toContain('Apply complete!');
      }
      console.log(`pg-backend: init + apply of ${stacks.length} stacks ${Date.now() - t0} ms`);
      const ids = new Set<number>();
      for (const s of stacks) {
        // One JSON object per row (the state text has newlines of its own).
        const rows = (await sql(psql, url, `SELECT json_build_object('id', id, 'name', name, 'data', data) FROM "${s.backend.pg.schema_name}".states ORDER BY id`))
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as { id: number; name: string; data: string });
        expect(rows, s.id).toHaveLength(1);
        const { id, name, data } = rows[0];
        expect(name, s.id).toBe('default');
        const state = JSON.parse(data);
        expect(state, s.id).toMatchObject({ version: 4, serial: expect.any(Number), resources: [] });
        expect(state.terraform_version, s.id).toMatch(/^1\./);
        ids.add(id);
      }
      // One global id sequence across schemas: two centers never share a lock key.
      expect(ids.size).toBe(stacks.length);
    });

    it('a second apply of the same stack is refused by the state lock while the first apply holds it', async () => {
      const s = stacks.find((x) => x.id === 'corps-primary')!;
      const release = path.join(work, 'release-corps-primary');
      // The first apply stays inside its run (holding the lock) until the release file exists; at most 60 s.
      const held = {
        terraform: { backend: s.backend },
        resource: {
          terraform_data: {
            hold: { provisioner: [{ 'local-exec': { command: `i=0; while [ ! -e '${release}' ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i+1)); done` } }] },
          },
        },
      };
      const first = tf('lock-first', held);
      const second = tf('lock-second', held);
      for (const d of [first, second]) {
        const init = await d.terraform(['init', '-input=false', '-no-color'], pgEnv());
        expect(init.code, `terraform init ${explain(init)}`).toBe(0);
      }
      const id = Number(await sql(psql, url, STATE_ROW(s.backend.pg.schema_name)));
      expect(id).toBeGreaterThan(0);
      expect(Number(await sql(psql, url, LOCK_HELD(id)))).toBe(0);

      let firstDone = false;
      const firstRun = first.terraform(['apply', '-auto-approve', '-input=false', '-no-color'], pgEnv()).finally(() => (firstDone = true));
      try {
        // Deterministic: wait until the first apply holds the advisory lock on the state row.
        const deadline = Date.now() + 30_000;
        while (Number(await sql(psql, url, LOCK_HELD(id))) === 0) {
          if (firstDone) throw new Error(`the first apply ended before taking the lock: ${explain(await firstRun)}`);
          if (Date.now() > deadline) throw new Error('the first apply did not take the state lock within 30 s');
          await new Promise((r) => setTimeout(r, 100));
        }
        const refused = await second.terraform(['apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=0s'], pgEnv());
        expect(refused.code, explain(refused)).toBe(1);
        expect(refused.stderr).toContain('Error acquiring the state lock');
        expect(refused.stderr).toContain('Workspace is already locked: default');
        expect(firstDone).toBe(false);
      } finally {
        fs.writeFileSync(release, '');
      }
      const firstResult = await firstRun;
      expect(firstResult.code, `first apply ${explain(firstResult)}`).toBe(0);
      expect(firstResult.stdout).toContain('Resources: 1 added');
      expect(Number(await sql(psql, url, LOCK_HELD(id)))).toBe(0);
      // Lock released: the same second apply now runs (nothing left to change).
      const after = await second.terraform(['apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=0s'], pgEnv());
      expect(after.code, explain(after)).toBe(0);
      expect(after.stdout).toContain('Resources: 0 added, 0 changed, 0 destroyed');
      const data = await sql(psql, url, `SELECT data FROM "${s.backend.pg.schema_name}".states WHERE name = 'default'`);
      expect(JSON.parse(data).resources).toMatchObject([{ type: 'terraform_data', name: 'hold' }]);
    });

    it('the lock key is the state row id: pg_advisory_lock(<id>) held in another session stops terraform', async () => {
      const s = stacks.find((x) => x.id === 'div-8')!;
      const dir = tf('lock-psql', { terraform: { backend: s.backend } });
      const init = await dir.terraform(['init', '-input=false', '-no-color'], pgEnv());
      expect(init.code, `terraform init ${explain(init)}`).toBe(0);
      const id = Number(await sql(psql, url, STATE_ROW(s.backend.pg.schema_name)));
      const lock = await holdAdvisoryLock(psql, url, id);
      let refused;
      try {
        expect(Number(await sql(psql, url, LOCK_HELD(id)))).toBe(1);
        refused = await dir.terraform(['apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=0s'], pgEnv());
      } finally {
        await lock.release();
      }
      expect(refused.code, explain(refused)).toBe(1);
      expect(refused.stderr).toContain('Workspace is already locked: default');
      const after = await dir.terraform(['apply', '-auto-approve', '-input=false', '-no-color', '-lock-timeout=0s'], pgEnv());
      expect(after.code, explain(after)).toBe(0);
    });

    it('the deploy pre-flight passes with the PG_CONN_STR Terraform used, and names every stack without it', () => {
      const ids = stacks.map((s) => s.id);
      expect(deployPreflight(env, ids, pgEnv())).toEqual([]);
      const lines = deployPreflight(env, ids, {});
      expect(lines.map((l) => l.split(':')[1].trim())).toEqual(ids.map((id) => `stack ${id}`));
      for (const l of lines) expect(l).not.toContain(url);
    });
  });
}
