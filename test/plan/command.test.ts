/**
 * `btyun migration` as CI runs it: spawns the built CLI (compiled by the global setup, test/support/build-once.ts).
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { loadEnvironment } from '../../checks/core/load';
import { migrationView } from '../../checks/plan/plan';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { applyPatch, type PatchOp } from '../helpers/patch';
import { addSystem, addWave, keptSystem, MINI_DIR, miniDocuments, move, workload } from './mini';

const ROOT = path.resolve(__dirname, '../..');
let tmp: string;

/** Runs the CLI without blocking the test worker (a blocked worker misses vitest's heartbeats). */
function btyun(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/btyun.js'), 'migration', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? null : 0;
      resolve({ status: code, stdout, stderr });
    });
  });
}

/** Writes the mini environment with `ops` applied to a folder under the temp dir. */
function writeEnv(name: string, ops: PatchOp[]): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  const docs = applyPatch(miniDocuments(), ops);
  for (const d of DOCUMENT_NAMES) fs.writeFileSync(path.join(dir, `${d}.yaml`), stringify(docs[d]));
  return dir;
}

/** div-8 takes 8 cores in wave-2 and 100 more in wave-3: over its 102.4-core limit after wave-3. */
const OVERFLOW: PatchOp[] = [
  addSystem(keptSystem('div8-small', { kind: 'division-room', division: 'div-8' }, { workload: workload(2, '4', '8Gi', 100) })),
  addSystem(keptSystem('div8-big', { kind: 'division-room', division: 'div-8' }, { workload: workload(4, '25', '16Gi', 1000) })),
  addWave('wave-2', '2018-05-31', [move('div8-small', { kind: 'division-room', division: 'div-8' }, 'div-8')], 'division-consolidation'),
  addWave('wave-3', '2018-06-30', [move('div8-big', { kind: 'division-room', division: 'div-8' }, 'div-8')], 'division-consolidation'),
];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-migration-'));
  if (!fs.existsSync(path.join(ROOT, 'dist/checks/app/cli/commands/migration.js'))) throw new Error('dist/ is missing: the global setup (test/support/build-once.ts) compiles it');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('btyun migration', () => {
  it('prints the waves with their systems and capacity, and exits 0 on a sound plan', async () => {
    const r = await btyun('--env', MINI_DIR, '--as-of', '2018-07-01');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1. wave-1 ');
    expect(r.stdout).toMatch(/hrss-social-insurance 社会保险信息系统: 部门机房 department-room 人社局三楼机房 → corps-primary\s+已完成 done 2018-03-10/);
    expect(r.stdout).toMatch(/corps-primary\s+4\/512 \(0\.8%\) left 余 405\.6/);
    expect(r.stdout).toContain('hrss-legacy-payroll 旧版工资发放系统: 部门机房 department-room 人社局三楼机房 — 淘汰 retired');
    expect(r.stdout).toContain('PASS 通过');
  });

  it('gives in JSON the numbers of the planning model, the same bytes every run', async () => {
    const dir = writeEnv('overflow', OVERFLOW);
    const r = await btyun('--env', dir, '--as-of', '2018-05-01', '--format', 'json');
    expect(r.status).toBe(1); // MIG-004 is high, the default failOn; before any deadline, nothing is late
    const report = JSON.parse(r.stdout);
    const view = migrationView(loadEnvironment(dir), '2018-05-01');
    expect(report.waves.map((w: { id: string }) => w.id)).toEqual(view.waves.map((w) => w.id));
    view.waves.forEach((w, i) => {
      expect(report.waves[i].capacity).toEqual(JSON.parse(JSON.stringify(w.capacity)));
    });
    const div8 = report.waves[2].capacity.find((c: { center: string }) => c.center === 'div-8');
    expect(div8.cpu).toEqual({ committed: 108, capacity: 128, limit: 102.4, left: -5.6, percent: 84.4, over: true });
    expect(report.summary).toMatchObject({ waves: 3, moves: 5, done: 3, blocking: 1, pass: false });
    expect(report.left.map((l: { system: string; reason: string }) => `${l.system}:${l.reason}`)).toEqual(['div8-big:pending', 'div8-small:pending']);
    expect(report.findings.map((f: { ruleId: string; path: string }) => `${f.ruleId} ${f.path}`)).toEqual(['MIG-004 /waves/2']); // wave-3 is the third wave in migration.yaml
    expect(report.findings[0]).toMatchObject({ severity: 'high', center: 'div-8', file: expect.stringContaining('migration.yaml'), line: expect.any(Number) });
    expect((await btyun('--env', dir, '--as-of', '2018-05-01', '--format', 'json')).stdout).toBe(r.stdout);
  });

  it('shows what is late as of --as-of, and a severity override in the policy decides the exit status', async () => {
    const dir = writeEnv('late', [
      ...OVERFLOW,
      { op: 'add', doc: 'policy', path: '/severityOverrides', value: { 'MIG-004': 'low' } },
      // Lowering a severity takes effect only with an approval (EXC-003).
      { op: 'add', doc: 'policy', path: '/policyExceptions', value: [{ setting: '/severityOverrides/MIG-004', value: 'low', reason: '扩容已立项 expansion approved', approvedBy: '兵团网信办', expires: '2018-12-31' }] },
    ]);
    const before = await btyun('--env', dir, '--as-of', '2018-05-31');
    expect(before.status).toBe(0);
    expect(before.stdout).not.toContain('逾期 OVERDUE');
    const after = await btyun('--env', dir, '--as-of', '2018-06-01', '--format', 'markdown');
    expect(after.status).toBe(0); // MIG-005 is medium and MIG-004 now low: nothing at or above high
    expect(after.stdout).toContain('## 迁移计划 Migration plan');
    expect(after.stdout).toContain('#### 2. wave-2 wave-2 批次 — **逾期 OVERDUE**');
    expect(after.stdout).toContain('- **wave-2** (deadline 期限 2018-05-31): div8-small');
    expect(after.stdout).toMatch(/\| low 低危, default 默认 high 高危 \| MIG-004 \|/);
  });

  it('exits 2 with one line per problem on bad usage or bad input, never a stack trace', async () => {
    const badFormat = await btyun('--env', MINI_DIR, '--format', 'sarif');
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain('--format must be text, json or markdown');
    const badDate = await btyun('--env', MINI_DIR, '--as-of', '2018-02-30');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain("--as-of '2018-02-30' is not a date");
    const dir = writeEnv('broken', [{ op: 'replace', doc: 'migration', path: '/waves/0/moves/0/to', value: 'no-such-center' }]);
    const broken = await btyun('--env', dir);
    expect(broken.status).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/migration\.yaml:\d+:\d+: \/waves\/0\/moves\/0\/to:/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('btyun migration on the shipped environments', () => {
  it('exits 0 on production and 1 on the 2017 baseline', async () => {
    const prod = await btyun('--env', 'production', '--as-of', '2018-07-01', '--format', 'markdown');
    expect(prod.status).toBe(0);
    expect(prod.stdout).toContain('**PASS 通过**');
    const base = await btyun('--env', 'baseline-2017', '--as-of', '2018-07-01');
    expect(base.status).toBe(1);
    expect(base.stdout).toContain('FAIL 不通过');
  });
});
