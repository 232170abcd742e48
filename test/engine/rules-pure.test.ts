/**
 * Rules only read what they are given. The normalizer no longer deep-freezes the resources
 * (normalize/value.ts: freezing 63,682 resources cost seconds, and frozen dictionaries slowed every
 * read), so this is what guards them: every rule of the catalogue, run by the engine over every
 * rule fixture's environment and configuration, leaves every resource exactly as it was.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../checks/engine/run';
import type { Resource } from '../../checks/engine/types';
import { ALL_RULES } from '../../policies/index';
import { discoverCases, prepareCase } from '../helpers/fixture-case';

/** A hash of everything a rule could change: every own key (`__proto__` too), value and prototype, in order. */
function structuralHash(resources: readonly Resource[]): string {
  const h = createHash('sha256');
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null) {
      h.update(`${typeof v}:${String(v)};`);
      return;
    }
    if (seen.has(v)) {
      h.update('seen;');
      return;
    }
    seen.add(v);
    const proto = Object.getPrototypeOf(v);
    h.update(Array.isArray(v) ? `[${v.length}` : `{${proto === Object.prototype ? 'O' : proto === null ? 'N' : 'X'}`);
    for (const k of Reflect.ownKeys(v)) {
      h.update(`${String(k)}=`);
      visit((v as Record<string | symbol, unknown>)[k]);
    }
    h.update(Array.isArray(v) ? ']' : '}');
  };
  visit(resources);
  return h.digest('hex');
}

describe('rules are pure', () => {
  it('every rule, over every fixture, leaves the resources unchanged', async () => {
    let judged = 0;
    for (const c of discoverCases()) {
      const { env, ctx, spec } = await prepareCase(c);
      const resources = ctx.resources.all;
      if (resources.length === 0) continue;
      const before = structuralHash(resources);
      const result = runChecks({ env, resources, configurationProblems: ctx.configurationProblems, hasConfiguration: ctx.hasConfiguration, rules: ALL_RULES, asOf: spec.asOf, catalogue: ALL_RULES });
      expect(result.ruleErrors, `${c.ruleId}/${c.name}`).toEqual([]);
      expect(structuralHash(resources), `${c.ruleId}/${c.name}: a rule changed a resource`).toBe(before);
      judged++;
    }
    expect(judged).toBeGreaterThan(100);
  });

  it('the hash sees a change anywhere in a resource', async () => {
    const [c] = discoverCases().filter((x) => x.ruleId === 'K8S-001');
    const { ctx } = await prepareCase(c);
    const before = structuralHash(ctx.resources.all);
    const attrs = ctx.resources.all[0].attrs as Record<string, unknown>;
    const deepest = (o: Record<string, unknown>): Record<string, unknown> => {
      for (const v of Object.values(o)) if (typeof v === 'object' && v !== null && !Array.isArray(v)) return deepest(v as Record<string, unknown>);
      return o;
    };
    const leaf = deepest(attrs);
    leaf['added-by-test'] = true;
    expect(structuralHash(ctx.resources.all)).not.toBe(before);
    delete leaf['added-by-test'];
    expect(structuralHash(ctx.resources.all)).toBe(before);
  });
});
