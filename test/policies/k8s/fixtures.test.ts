/**
 * What the K8S fixtures must show beyond the shared runner (test/rules/fixtures.test.ts, which
 * checks each case against its own rule): every rule has pass and fail cases, every pass case is a
 * fully hardened workload (no finding of ANY K8S rule), and every finding of a fail case names its
 * resource in both languages.
 */
import { describe, expect, it } from 'vitest';
import { K8S_RULES } from '../../../policies/k8s';
import { discoverCases, prepareCase } from '../../helpers/fixture-case';

const cases = discoverCases().filter((c) => c.ruleId.startsWith('K8S-'));

describe('K8S fixtures', () => {
  it('every K8S rule has a pass and a fail case', () => {
    for (const { id } of K8S_RULES) {
      expect(cases.some((c) => c.ruleId === id && c.expectation === 'pass'), `${id} pass`).toBe(true);
      expect(cases.some((c) => c.ruleId === id && c.expectation === 'fail'), `${id} fail`).toBe(true);
    }
  });

  /**
   * Pass cases that cannot be hardened against every rule by their nature, and the rules they
   * knowingly break: K8S-017 pulls Always by default only for `:latest` or untagged images, which
   * K8S-015 (and K8S-016) report.
   */
  const KNOWINGLY_BROKEN: Readonly<Record<string, readonly string[]>> = {
    'K8S-017/pass-omitted-latest': ['K8S-015', 'K8S-016'],
  };

  const passCases = cases.filter((c) => c.expectation === 'pass');
  it.each(passCases.map((c) => [`${c.ruleId}/${c.name}`, c] as const))('%s passes the whole pack', async (_label, c) => {
    const { ctx } = await prepareCase(c);
    expect(ctx.resources.all.length).toBeGreaterThan(0);
    const broken = KNOWINGLY_BROKEN[`${c.ruleId}/${c.name}`] ?? [];
    const findings = K8S_RULES.filter((r) => !broken.includes(r.id)).flatMap((r) => r.check(ctx).map((f) => `${r.id} ${f.message.en}`));
    expect(findings).toEqual([]);
  });

  const failCases = cases.filter((c) => c.expectation === 'fail');
  it.each(failCases.map((c) => [`${c.ruleId}/${c.name}`, c] as const))('%s names the resource in both languages', async (_label, c) => {
    const { ctx } = await prepareCase(c);
    const findings = K8S_RULES.find((r) => r.id === c.ruleId)!.check(ctx);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(f.message.en.startsWith(`${f.resource!.address}: `)).toBe(true);
      expect(f.message.zh.startsWith(`${f.resource!.address}：`)).toBe(true);
      expect(f.message.zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('K8S-016 raises the level-4 fixture to high and leaves the level-3 one at the rule severity', async () => {
    const severities = async (name: string) => {
      const { ctx } = await prepareCase(cases.find((c) => c.ruleId === 'K8S-016' && c.name === name)!);
      return K8S_RULES.find((r) => r.id === 'K8S-016')!.check(ctx).map((f) => f.severity);
    };
    expect(await severities('fail-level-4')).toEqual(['high']);
    expect(await severities('fail')).toEqual([undefined]);
  });
});
