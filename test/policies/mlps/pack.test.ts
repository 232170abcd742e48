import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MLPS_RULES } from '../../../policies/mlps';
import { ruleById } from '../../../policies/index';
import { discoverCases, prepareCase } from '../../helpers/fixture-case';
import { MLPS_001 } from '../../../policies/mlps/mlps-001-namespace-zone';
import { MLPS_007 } from '../../../policies/mlps/mlps-007-separation-of-duties';
import { MLPS_012 } from '../../../policies/mlps/mlps-012-local-backup';
import { MLPS_018 } from '../../../policies/mlps/mlps-018-namespace-isolation';
import { MLPS_019 } from '../../../policies/mlps/mlps-019-personal-information';
import { ctx, meta, miniEnv } from './support';

/** The MLPS rows of RULES.md: id → severity, levels, clause (the contract). */
function catalogue(): Map<string, { severity: string; levels: string; clause: string }> {
  // The contract, kept in the repository (docs/contract/, a copy of the project's spec).
  const file = path.join(__dirname, '..', '..', '..', 'docs', 'contract', 'RULES.md');
  const rows = new Map<string, { severity: string; levels: string; clause: string }>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (/^MLPS-\d{3}$/.test(cells[1] ?? '')) rows.set(cells[1], { severity: cells[2], levels: cells[3], clause: cells[4] });
  }
  return rows;
}

function levelsText(levels: readonly number[]): string {
  if (levels.length === 4) return 'all';
  if (levels.length === 1) return String(levels[0]);
  return `${levels[0]}+`;
}

describe('the MLPS pack', () => {
  const rows = catalogue();
  it('has MLPS-001 … MLPS-019 in id order, all in the catalogue', () => {
    expect(MLPS_RULES.map((r) => r.id)).toEqual(Array.from({ length: 19 }, (_, i) => `MLPS-${String(i + 1).padStart(3, '0')}`));
    for (const r of MLPS_RULES) expect(ruleById(r.id)).toBe(r);
  });
  it('matches RULES.md severity, levels and clause', () => {
    expect(rows.size).toBe(19);
    for (const r of MLPS_RULES) {
      const row = rows.get(r.id)!;
      expect(r.severity, r.id).toBe(row.severity);
      expect(levelsText(r.levels), r.id).toBe(row.levels);
      expect(r.clause, r.id).toContain(row.clause);
      expect(r.clause.startsWith('GB/T 22239-2019 '), r.id).toBe(true);
    }
  });

  // Reporters print the rule's clause and remediation beside every finding: a message says what is
  // wrong and where, and repeats neither.
  it('messages repeat neither the clause nor the remediation (every MLPS fail fixture)', async () => {
    const cases = discoverCases().filter((c) => c.ruleId.startsWith('MLPS-') && c.expectation === 'fail');
    expect(cases.length).toBeGreaterThanOrEqual(19);
    for (const c of cases) {
      const rule = ruleById(c.ruleId)!;
      const { ctx } = await prepareCase(c);
      const findings = rule.check(ctx);
      expect(findings.length, `${c.ruleId}/${c.name}`).toBeGreaterThan(0);
      for (const f of findings) {
        for (const text of [f.message.zh, f.message.en]) {
          expect(text, `${c.ruleId}/${c.name}`).not.toContain('GB/T 22239');
          expect(text, `${c.ruleId}/${c.name}`).not.toContain(rule.remediation.zh);
          expect(text, `${c.ruleId}/${c.name}`).not.toContain(rule.remediation.en);
        }
      }
    }
  });
});

describe('what MLPS rules count as judged (evaluate().evaluated)', () => {
  const SYS = 'hrss-social-insurance'; // level 3, persistent data filed
  const ns = (name: string, labels: Record<string, string>) => ({ metadata: meta(name, undefined, labels) });
  it('a resource rule: every resource of its kinds at its levels (the engine counts)', () => {
    const stacks = { p: { kubernetes_namespace_v1: { a: ns(SYS, { system: SYS, zone: 'extranet-dedicated' }), b: ns('low', { system: 'x', 'mlps-level': '1' }) } } };
    expect(MLPS_001.evaluate!(ctx(stacks)).evaluated).toBe(1);
    expect(MLPS_001.evaluate!(ctx(undefined)).evaluated).toBe(0);
  });
  it('model rules: centers and center stacks (MLPS-007), systems (MLPS-012, MLPS-019), namespaces (MLPS-018)', () => {
    const env = miniEnv();
    const atLevel3 = env.topology.centers.filter((c) => c.mlpsLevel >= 3).length;
    expect(MLPS_007.evaluate!(ctx(undefined)).evaluated).toBe(atLevel3);
    expect(MLPS_007.evaluate!(ctx({ 'corps-primary': { kubernetes_namespace_v1: { o: ns('btyun-ops', {}) } }, scratch: { kubernetes_namespace_v1: { o: ns('btyun-ops', {}) } } })).evaluated).toBe(atLevel3 + 1);
    expect(MLPS_012.evaluate!(ctx({ p: { kubernetes_namespace_v1: { a: ns(SYS, { system: SYS }) } } })).evaluated).toBe(1);
    expect(MLPS_019.evaluate!(ctx(undefined)).evaluated).toBe(env.inventory.systems.filter((s) => (s.mlps?.level ?? env.policy.defaultMlpsLevel) >= 2).length);
    expect(MLPS_018.evaluate!(ctx({ p: { kubernetes_namespace_v1: { a: ns(SYS, { system: SYS }), b: ns('other', { system: 'other' }) } } })).evaluated).toBe(2);
  });
});
