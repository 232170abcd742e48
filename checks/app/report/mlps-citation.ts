/**
 * How the reporters show what a finding cites: the judged MLPS level with that level's clause, the
 * GB/T 28448 test items (测评单元) of its controls; and, for the catalogue and rule descriptors, a
 * rule's clause at every level it applies to (checks/engine/citation.ts writes them).
 */
import { citation } from '../../engine/citation';
import type { MlpsControl } from '../../engine/controls';
import type { Finding, MlpsLevel, Rule } from '../../engine/types';

/** `level 等级 3: GB/T 22239-2019 8.1.4.9 b 数据备份恢复 (…)`, or the clause alone when no level is known. */
export function findingClauseText(f: Pick<Finding, 'clause' | 'level'>): string {
  return f.level === undefined ? f.clause : `level 等级 ${f.level}: ${f.clause}`;
}

/** The test items of the controls, each once, in order. */
export function testItemsOf(controls: readonly MlpsControl[] | undefined): string[] {
  return [...new Set((controls ?? []).flatMap((c) => c.testItems))];
}

/** A rule's clause per level it applies to; empty for a rule without per-level controls. */
export function levelClauses(rule: Rule): { level: MlpsLevel; clause: string; testItems: string[] }[] {
  if (rule.controls === undefined) return [];
  return rule.levels.map((level) => {
    const c = citation(rule, level);
    return { level, clause: c.clause, testItems: testItemsOf(c.controls) };
  });
}

/** The controls of a finding as JSON writes them (fixed key order). */
export function controlJson(c: MlpsControl): Record<string, unknown> {
  return {
    clause: c.clause,
    ...(c.item !== undefined ? { item: c.item } : {}),
    part: c.part ?? 'general',
    name: { zh: c.name.zh, en: c.name.en },
    testItems: [...c.testItems],
    verified: c.verified,
  };
}
