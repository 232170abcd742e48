/**
 * The rule-fixture runner (docs/ARCHITECTURE.md, "Rule fixtures"): every
 * `test/rules/<RULE-ID>/<pass…|fail…>/` folder runs ONLY its rule on the mini environment + its
 * patch + its configuration. pass → the rule judged at least one resource or model entry and gave
 * no finding; fail → at least one finding (exactly
 * `expect` when case.yaml gives it).
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, ruleById } from '../../policies/index';
import { discoverCases, prepareCase, strayCaseFolders } from '../helpers/fixture-case';
import { loadMiniEnv } from '../helpers/mini-env';
import { buildRuleContext, DEFAULT_AS_OF } from '../helpers/rule-context';

const cases = discoverCases();

describe('rule fixtures: the base environment', () => {
  it('the mini environment loads and validates', () => {
    const env = loadMiniEnv();
    expect(env.topology.centers.map((c) => c.role).sort()).toEqual(['corps-dr', 'corps-dr', 'corps-primary', 'division']);
    expect(env.inventory.systems.length).toBeGreaterThanOrEqual(5);
  });

  // The base must be clean, or a fail case could pass for the wrong reason.
  it('the mini environment gives no finding of any rule (no configuration)', () => {
    const ctx = buildRuleContext(loadMiniEnv(), [], DEFAULT_AS_OF, false);
    const findings = ALL_RULES.flatMap((r) => r.check(ctx).map((f) => `${r.id} ${f.path ?? ''}: ${f.message.en}`));
    expect(findings).toEqual([]);
  });

  it('every case folder is named pass… or fail…', () => {
    expect(strayCaseFolders()).toEqual([]);
  });
});

describe('rule fixtures: test/rules/<RULE-ID>/<case>/', () => {
  for (const c of cases) {
    it(`${c.ruleId}/${c.name} ${c.expectation === 'pass' ? 'judges something and gives no finding' : 'gives findings'}`, async () => {
      const rule = ruleById(c.ruleId);
      if (!rule) throw new Error(`test/rules/${c.ruleId}: no rule ${c.ruleId} in the catalogue (policies/index.ts)`);
      if (!rule.evaluate) throw new Error(`${c.ruleId} is not made by defineRule / defineResourceRule`);
      const { spec, ctx } = await prepareCase(c);
      const { findings, evaluated } = rule.evaluate(ctx);
      const shown = findings.map((f) => `${f.resource?.address ?? f.path ?? ''}: ${f.message.en}`);
      if (c.expectation === 'pass') {
        expect(shown, `${c.ruleId}/${c.name} should pass`).toEqual([]);
        // A pass that judged nothing proves nothing (a wrong kind, a level filter, a missing input).
        expect(evaluated, `${c.ruleId}/${c.name} should judge at least one resource or model entry`).toBeGreaterThan(0);
      }
      else if (spec.expect !== undefined) expect(shown, `${c.ruleId}/${c.name} should give exactly ${spec.expect}`).toHaveLength(spec.expect);
      else expect(findings.length, `${c.ruleId}/${c.name} should give at least one finding`).toBeGreaterThan(0);
      // A message says what is wrong and where; the clause and the fix are the rule's metadata.
      for (const f of findings) {
        for (const text of [f.message.en, f.message.zh]) {
          expect(text, `${c.ruleId}/${c.name}: the message repeats the clause`).not.toContain(rule.clause);
          expect(text, `${c.ruleId}/${c.name}: the message repeats the remediation`).not.toContain(rule.remediation.en);
          expect(text, `${c.ruleId}/${c.name}: the message repeats the remediation`).not.toContain(rule.remediation.zh);
        }
      }
    });
  }
});
