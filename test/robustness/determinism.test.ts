/**
 * Determinism: the same inputs give byte-identical JSON, SARIF and synthesized Terraform across
 * runs, and a stack synthesized alone (`--stack X`) is byte-identical to X synthesized with all.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtPackage, runBatched, spawnNode, type CliRun } from './support/built-cli';
import { miniCopy } from './support/envs';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-determinism-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const AS_OF = '2018-07-01';

function synth(args: string[]): Promise<CliRun> {
  return spawnNode([path.join(builtPackage(), 'bin', 'btyun.js'), 'synth', '--env', 'env', ...args], tmpRoot);
}

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('determinism', () => {
  beforeAll(() => {
    miniCopy(path.join(tmpRoot, 'env'));
  });

  it('synth twice: byte-identical output; --stack X alone: X identical to the full synth', async () => {
    for (const [out, extra] of [['all-1', []], ['all-2', []], ['one', ['--stack', 'corps-dr-shihezi']]] as const) {
      const r = await synth(['--out', out, ...extra]);
      expect(r.code, r.stderr).toBe(0);
    }
    const a = files(path.join(tmpRoot, 'all-1'));
    expect(Object.keys(a).filter((f) => f.endsWith('cdk.tf.json')).length).toBe(4);
    expect(files(path.join(tmpRoot, 'all-2'))).toEqual(a);
    const one = files(path.join(tmpRoot, 'one'));
    expect(Object.keys(one).filter((f) => f.endsWith('cdk.tf.json'))).toEqual([path.join('stacks', 'corps-dr-shihezi', 'cdk.tf.json')]);
    expect(one[path.join('stacks', 'corps-dr-shihezi', 'cdk.tf.json')]).toBe(a[path.join('stacks', 'corps-dr-shihezi', 'cdk.tf.json')]);
    // No temporary path, timestamp or absolute folder leaks into the Terraform JSON.
    for (const [f, text] of Object.entries(a)) if (f.endsWith('cdk.tf.json')) expect(text).not.toContain(tmpRoot);
  });

  it('check: JSON and SARIF byte-identical across runs (synthesized in a temporary folder each time)', async () => {
    const jobs = ['json', 'json', 'sarif', 'sarif'].map((format) => ({ args: ['check', '--env', 'env', '--as-of', AS_OF, '--format', format, '--fail-on', 'info'], cwd: tmpRoot }));
    // Two processes: runs 0/2 in one, 1/3 in the other — across processes and within one.
    const [json1, json2, sarif1, sarif2] = await runBatched(jobs, 2, tmpRoot);
    expect(json1.code, json1.stderr).toBe(1); // --fail-on info: the mini environment's low findings fail
    expect((JSON.parse(json1.stdout) as { findings: unknown[] }).findings.length).toBeGreaterThan(0);
    expect(json2.stdout).toBe(json1.stdout);
    expect(sarif2.stdout).toBe(sarif1.stdout);
    expect(sarif1.stdout).not.toContain(os.tmpdir());
    expect(json1.stdout).not.toContain(os.tmpdir());
  });
});
