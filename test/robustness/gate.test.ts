/**
 * The gate holds: a blocking finding stops `cdktf synth` (the real cdktf CLI, and the app entry
 * checks/app/cdktf-app.ts it runs) with no deployable output; an expired suppression, or one for another
 * rule or target, silences nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPackage, crashSigns, runBatched, spawnNode, type CliRun } from './support/built-cli';
import { blockingPolicy, miniCopy, suppression, unapprovedImageInventory } from './support/envs';

const AS_OF = '2018-07-01';
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const SYSTEM = 'hrss-social-insurance';
const blockingEnv = (name: string, suppressions = ''): string =>
  miniCopy(path.join(tmpRoot, name), { inventory: unapprovedImageInventory(), policy: blockingPolicy(suppressions) });

/** Runs the cdktf app entry (dist/checks/app/cdktf-app.js) as the cdktf CLI does: CDKTF_OUTDIR set. */
function runApp(env: string, outDir: string, extra: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return spawnNode([path.join(builtPackage(), 'dist', 'checks', 'app', 'cdktf-app.js')], tmpRoot, { BTYUN_ENV: env, CDKTF_OUTDIR: outDir, ...extra });
}

function stackFiles(outDir: string): string[] {
  const stacks = path.join(outDir, 'stacks');
  return fs.existsSync(stacks) ? fs.readdirSync(stacks).filter((s) => fs.existsSync(path.join(stacks, s, 'cdk.tf.json'))).sort() : [];
}

describe('the policy gate', () => {
  it('`cdktf synth` (the cdktf CLI running checks/app/cdktf-app.ts) refuses a blocking finding and writes no stack', async () => {
    const env = blockingEnv('cli-blocking');
    const out = path.join(tmpRoot, 'cli-out');
    const cli = path.join(builtPackage(), 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
    // cdktf.json of the package: app `node dist/checks/app/cdktf-app.js`, run with CDKTF_OUTDIR = --output.
    const run = await spawnNode([cli, 'synth', '--output', out], builtPackage(), { CHECKPOINT_DISABLE: '1', BTYUN_ENV: env, CI: '1' });
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('K8S-027');
    expect(run.stdout + run.stderr).toContain('policy gate refused');
    expect(stackFiles(out)).toEqual([]);
  });

  it('the app entry: refuses (exit 1, findings printed, no output) with the finding, writes every stack without it', async () => {
    const refused = await runApp(blockingEnv('app-blocking'), path.join(tmpRoot, 'app-blocking-out'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/K8S-027/);
    expect(refused.stderr).toMatch(/policy gate refused/);
    expect(crashSigns(refused.stderr)).toEqual([]);
    expect(fs.existsSync(path.join(tmpRoot, 'app-blocking-out'))).toBe(false);

    // Control: the same environment with an approved image synthesizes every center.
    const ok = await runApp(miniCopy(path.join(tmpRoot, 'app-ok')), path.join(tmpRoot, 'app-ok-out'));
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(stackFiles(path.join(tmpRoot, 'app-ok-out'))).toEqual(['corps-dr-shihezi', 'corps-dr-urumqi', 'corps-primary', 'div-8']);
  });

  it('an expired suppression does not open the gate', async () => {
    const env = blockingEnv('app-expired', `suppressions:\n${suppression('K8S-027', `{ system: ${SYSTEM} }`, '2018-06-30')}`);
    const run = await runApp(env, path.join(tmpRoot, 'app-expired-out'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/K8S-027/);
    expect(fs.existsSync(path.join(tmpRoot, 'app-expired-out'))).toBe(false);
  });
});

describe('suppressions cannot be slipped (btyun check)', () => {
  type Json = { summary: { suppressed: number }; findings: { ruleId: string; suppressed: boolean; system?: string; path?: string }[] };
  const cases = {
    // Valid and matching: the control that shows a suppression can work at all. Valid expiries are
    // within the one-year horizon of AS_OF (EXC-001), so the others fail for their own reason only.
    matching: suppression('K8S-027', `{ system: ${SYSTEM} }`, '2019-06-30'),
    expired: suppression('K8S-027', `{ system: ${SYSTEM} }`, '2018-06-30'),
    otherRule: suppression('K8S-015', `{ system: ${SYSTEM} }`, '2019-06-30'),
    otherSystem: suppression('K8S-027', '{ system: police-case-records }', '2019-06-30'),
    otherStack: suppression('K8S-027', '{ system: hrss-social-insurance, stack: div-8 }', '2019-06-30'),
    incomplete: '  - rule: K8S-027\n    target: { system: hrss-social-insurance }\n    expires: 2019-06-30\n',
  };
  const results = new Map<string, CliRun>();
  beforeAll(async () => {
    const names = Object.keys(cases) as (keyof typeof cases)[];
    const jobs = names.map((n) => {
      blockingEnv(`sup-${n}`, `suppressions:\n${cases[n]}`);
      return { args: ['check', '--env', `sup-${n}`, '--as-of', AS_OF, '--format', 'json'], cwd: tmpRoot };
    });
    (await runBatched(jobs, 2, tmpRoot)).forEach((r, i) => results.set(names[i], r));
  }, 600_000);

  const k8s027 = (n: string): Json['findings'] => (JSON.parse(results.get(n)!.stdout) as Json).findings.filter((f) => f.ruleId === 'K8S-027');

  it('control: a valid suppression for this rule and target suppresses it (exit 0)', () => {
    expect(results.get('matching')!.code).toBe(0);
    expect(k8s027('matching').length).toBeGreaterThan(0);
    expect(k8s027('matching').every((f) => f.suppressed)).toBe(true);
  });

  it.each(['expired', 'otherRule', 'otherSystem', 'otherStack', 'incomplete'])('%s: suppresses nothing, the run still fails (exit 1)', (n) => {
    const r = results.get(n)!;
    expect(r.code, r.stderr).toBe(1);
    expect(k8s027(n).length).toBeGreaterThan(0);
    expect(k8s027(n).some((f) => !f.suppressed)).toBe(true);
  });

  it('an expired or incomplete suppression is itself a finding (EXC-001), which cannot be suppressed', () => {
    for (const n of ['expired', 'incomplete']) {
      const exc = (JSON.parse(results.get(n)!.stdout) as Json).findings.filter((f) => f.ruleId === 'EXC-001');
      expect(exc.length, n).toBeGreaterThan(0);
      expect(exc.every((f) => !f.suppressed)).toBe(true);
    }
  });
});
