/**
 * `defineRule` — the one way to declare a rule (cdk-nag/Checkov shape): metadata + a pure function.
 * It checks the metadata once at load, so a malformed rule fails the build's tests, not a user's run.
 */
import type { Rule } from '../checks/engine/types';

const ID = /^(TOPO|NET|INV|MIG|MLPS|K8S|CFG|EXC)-\d{3}$/;

export function defineRule(rule: Rule): Rule {
  if (!ID.test(rule.id)) throw new Error(`rule id ${rule.id} does not follow PACK-NNN`);
  if (rule.id.split('-')[0].toLowerCase() !== rule.pack) throw new Error(`rule ${rule.id} is not in pack ${rule.pack}`);
  if (!rule.title.zh || !rule.title.en || !rule.remediation.zh || !rule.remediation.en || !rule.clause) {
    throw new Error(`rule ${rule.id} lacks a title, remediation or clause`);
  }
  if (rule.levels.length === 0) throw new Error(`rule ${rule.id} applies to no MLPS level`);
  return Object.freeze(rule);
}

/** Levels helpers for readability: `levels(3)` → [3, 4]; `ALL_LEVELS` → [1, 2, 3, 4]. */
export const ALL_LEVELS = [1, 2, 3, 4] as const;
export function fromLevel(min: 1 | 2 | 3 | 4): (1 | 2 | 3 | 4)[] {
  return ALL_LEVELS.filter((l) => l >= min);
}
