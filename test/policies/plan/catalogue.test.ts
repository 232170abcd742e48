import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PACKAGE_ROOT } from '../../../checks/core/version';
import { TOPO_RULES } from '../../../policies/topo';
import { NET_RULES } from '../../../policies/net';
import { INV_RULES } from '../../../policies/inv';
import { daysBetween, isIsoDate } from '../../../policies/sdk/dates';
import { selectorMatches } from '../../../policies/sdk/selectors';
import { PLAN_DOCUMENT } from '../../../policies/sdk/plan-clause';

describe('plan rule packs', () => {
  const packs = { topo: TOPO_RULES, net: NET_RULES, inv: INV_RULES };
  // The contract's ids of each pack, in order (docs/contract/RULES.md: ids are a contract).
  const contract = fs.readFileSync(path.join(PACKAGE_ROOT, 'docs/contract/RULES.md'), 'utf8');
  const contractIds = (prefix: string): string[] => [...new Set([...contract.matchAll(new RegExp(`^\\| (${prefix}-\\d{3}) \\|`, 'gm'))].map((m) => m[1]))];

  for (const [pack, rules] of Object.entries(packs)) {
    it(`${pack}: every catalogue id, in order, citing the plan`, () => {
      const ids = rules.map((r) => r.id);
      const prefix = pack.toUpperCase();
      const expected = contractIds(prefix);
      expect(expected.length).toBeGreaterThan(4);
      expect(ids).toEqual(expected);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => `${prefix}-${String(i + 1).padStart(3, '0')}`));
      for (const r of rules) {
        expect(r.pack).toBe(pack);
        expect(r.clause.startsWith(PLAN_DOCUMENT)).toBe(true);
        expect(r.inputs.length).toBeGreaterThan(0);
      }
    });
  }
});

describe('plan rule helpers', () => {
  const day = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('daysBetween agrees with string order and adds up', () => {
    fc.assert(
      fc.property(day, day, day, (a, b, c) => {
        expect(Math.sign(daysBetween(a, b))).toBe(a < b ? 1 : a > b ? -1 : 0);
        expect(daysBetween(a, b) + daysBetween(b, c)).toBe(daysBetween(a, c));
      }),
    );
  });

  it('isIsoDate accepts only real calendar days', () => {
    expect(['2018-02-28', '2016-02-29'].every(isIsoDate)).toBe(true);
    expect(['2018-02-29', '2018-13-01', '2018-6-30', '20180630', '', undefined].some(isIsoDate)).toBe(false);
  });

  it('selectorMatches follows Kubernetes label-selector semantics', () => {
    const labels = { a: '1', b: '2' };
    expect(selectorMatches(undefined, labels)).toBe(true);
    expect(selectorMatches({}, labels)).toBe(true);
    expect(selectorMatches({ match_labels: { a: '1' } }, labels)).toBe(true);
    expect(selectorMatches({ match_labels: { a: '2' } }, labels)).toBe(false);
    expect(selectorMatches({ match_expressions: [{ key: 'b', operator: 'In', values: ['2', '3'] }] }, labels)).toBe(true);
    expect(selectorMatches({ match_expressions: { key: 'b', operator: 'NotIn', values: ['2'] } }, labels)).toBe(false);
    expect(selectorMatches({ match_expressions: { key: 'c', operator: 'DoesNotExist' } }, labels)).toBe(true);
    expect(selectorMatches({ match_expressions: { key: 'c', operator: 'Exists' } }, labels)).toBe(false);
    expect(selectorMatches({ match_expressions: { key: 'a', operator: 'Gt', values: ['0'] } }, labels)).toBe(false);
  });
});
