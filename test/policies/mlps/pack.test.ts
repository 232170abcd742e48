import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MLPS_RULES } from '../../../policies/mlps';
import { ruleById } from '../../../policies/index';

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
});
