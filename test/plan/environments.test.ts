/** The shipped plans: production is a sound migration plan, the 2017 baseline is not. */
import { describe, expect, it } from 'vitest';
import { blockingFindings, runChecks } from '../../checks/engine/run';
import { loadEnvironment } from '../../checks/core/load';
import { migrationView } from '../../checks/plan/plan';
import { MIG_RULES } from '../../policies/mig';

function migFindings(envName: string, asOf: string) {
  const env = loadEnvironment(envName);
  return runChecks({ env, resources: [], hasConfiguration: false, rules: MIG_RULES, asOf });
}

describe('shipped environments', () => {
  it.each(['2018-07-01', '2026-11-24'])('production has no MIG finding as of %s', (asOf) => {
    const result = migFindings('production', asOf);
    expect(result.ruleErrors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.path}: ${f.message}`)).toEqual([]);
  });

  it('production moves every system that has to move, and overflows no center', () => {
    const view = migrationView(loadEnvironment('production'), '2018-07-01');
    expect(view.waves.length).toBeGreaterThan(0);
    expect(view.systems.filter((s) => s.disposition === 'move' && !s.moved).map((s) => s.id)).toEqual([]);
    const over = view.waves.flatMap((w) => w.capacity.filter((c) => c.cpu.over || c.memoryGiB.over || c.storageGiB.over).map((c) => `${w.id}/${c.center}`));
    expect(over).toEqual([]);
  });

  it('the 2017 baseline fails the MIG pack after the deadline', () => {
    const result = migFindings('baseline-2017', '2018-07-01');
    expect(result.ruleErrors).toEqual([]);
    expect(blockingFindings(result).length).toBeGreaterThan(0);
    // Systems still in machine rooms after the deadline are what the baseline is about.
    expect(new Set(result.findings.map((f) => f.ruleId))).toContain('MIG-006');
  });
});
