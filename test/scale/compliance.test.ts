/**
 * A generated environment is compliant: synthesized by the project's stacks and checked with every
 * shipped rule, it has no finding at or above high (the policy's failOn) — at a small N.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../checks/engine/types';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { ALL_RULES } from '../../policies';
import { cli, tempDir } from './support';

const work = tempDir('btyun-compliance-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));
const AS_OF = '2026-11-01';

function synth(): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'btyun.js'), 'synth', '--env', 'env', '--out', 'out'], {
      cwd: work,
      env: { ...process.env },
      stdio: 'ignore',
    });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

describe('a generated environment', () => {
  it('passes every shipped rule: no finding at or above high', async () => {
    expect((await cli(['gen', '--systems', '40', '--seed', '2017', '--out', 'env'], work)).code).toBe(0);
    expect(await synth()).toBe(0);
    const run = await cli(['check', '--env', 'env', '--synth', 'out', '--format', 'json', '--as-of', AS_OF], work);
    const report = JSON.parse(run.stdout) as { summary: Record<string, number>; findings: Finding[] };
    const blocking = report.findings.filter((f) => f.severity === 'critical' || f.severity === 'high');
    expect(blocking.map((f) => `${f.ruleId} ${f.address ?? f.path}: ${f.message}`)).toEqual([]);
    expect(run.code).toBe(0);
    expect(report.summary.rulesEvaluated).toBe(ALL_RULES.length);
    // Every system was deployed: each one's namespace is among the checked resources.
    expect(report.summary.resources).toBeGreaterThan(40 * 10);
    const cdk = fs.readFileSync(path.join(work, 'out', 'stacks', 'corps-primary', 'cdk.tf.json'), 'utf8');
    expect(cdk).toContain('"xjbt.gov.cn/mlps-level": "4"');
  });
});
