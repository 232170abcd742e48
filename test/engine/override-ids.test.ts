import { describe, expect, it } from 'vitest';
import { runChecks } from '../../checks/engine/run';
import { InputError } from '../../checks/core/errors';
import { ALL_RULES } from '../../policies';
import { loadPatchedMiniEnv } from '../helpers/mini-env';

describe('severity overrides', () => {
  const run = (overrides: Record<string, string>) => {
    const env = loadPatchedMiniEnv([{ op: 'add', doc: 'policy', path: '/severityOverrides', value: overrides }]);
    return runChecks({ env, resources: [], hasConfiguration: false, rules: ALL_RULES, asOf: '2018-07-01', knownRuleIds: ALL_RULES.map((r) => r.id) });
  };

  it('names an override of an unknown rule as bad input, with file and path', () => {
    let caught: unknown;
    try {
      run({ 'K8S-999': 'low', 'K8S-017': 'info' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InputError);
    const problems = (caught as InputError).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0].path).toBe('/severityOverrides/K8S-999');
    expect(problems[0].file).toMatch(/policy\.yaml$/);
    expect(problems[0].message).toContain("unknown rule id 'K8S-999'");
  });

  it('accepts overrides of catalogue rules', () => {
    expect(run({ 'K8S-017': 'info' }).summary.rulesEvaluated).toBe(ALL_RULES.length);
  });
});
