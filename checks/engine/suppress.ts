/**
 * Suppressions (policy.yaml `suppressions`): an approved, dated exception for one rule on one
 * target. A complete, unexpired suppression marks matching findings `suppressed` (they stay in
 * the output, with reason, approver and expiry, and do not count toward the exit status).
 * An incomplete or expired one suppresses nothing; EXC-001 reports it. One that suppresses
 * nothing although it is valid is stale; EXC-002 reports it.
 */
import { POLICY_DEFAULTS } from '../core/defaults';
import { isBlankToReader } from '../core/reader-text';
import type { Suppression } from '../core/types';
import { approvalProblems, type ExceptionProblem } from './exception-approval';
import type { Finding } from './types';

/** The shape of a rule id; which ids exist is the catalogue's to say (knownRuleIds). */
const RULE_ID = /^[A-Z][A-Z0-9]*-\d{3}$/;

/**
 * Findings of the EXC rules are about exceptions themselves: a suppression cannot silence the
 * report that it (or a policy exception) is invalid, stale or missing.
 */
export const UNSUPPRESSIBLE = new Set(['EXC-001', 'EXC-002', 'EXC-003']);

export type SuppressionProblem = ExceptionProblem;

/**
 * What is wrong with a suppression as of `asOf`: missing fields (blank to a reader counts as
 * missing), a bad date, expiry, an expiry beyond the horizon, and — when the catalogue's ids are
 * given — a rule id that names no rule. Empty = valid.
 */
export function suppressionProblems(
  s: Suppression,
  asOf: string,
  knownRuleIds?: ReadonlySet<string>,
  horizonDays: number = POLICY_DEFAULTS.exceptionHorizonDays,
): SuppressionProblem[] {
  const problems: SuppressionProblem[] = [];
  if (isBlankToReader(s.rule)) problems.push({ path: '/rule', en: 'names no rule', zh: '未指明规则' });
  else if (!RULE_ID.test(s.rule!)) problems.push({ path: '/rule', en: `rule id '${s.rule}' is not a rule id (PACK-NNN)`, zh: `规则编号 '${s.rule}' 不是有效的规则编号` });
  else if (knownRuleIds !== undefined && !knownRuleIds.has(s.rule!)) {
    problems.push({ path: '/rule', en: `names rule ${s.rule}, which is not in the catalogue (btyun rules)`, zh: `规则 ${s.rule} 不在规则目录中（btyun rules）` });
  }
  const t = s.target;
  if (!t || (isBlankToReader(t.system) && isBlankToReader(t.stack) && isBlankToReader(t.resource))) {
    problems.push({ path: '/target', en: 'names no target (system, stack or resource)', zh: '未指明对象（系统、栈或资源）' });
  }
  problems.push(...approvalProblems(s, asOf, horizonDays));
  return problems;
}

/** Whether a suppression's target covers a finding. Every field given must match. */
export function targetMatches(s: Suppression, f: Pick<Finding, 'stack' | 'address' | 'system'>): boolean {
  const t = s.target;
  if (!t) return false;
  let any = false;
  if (!isBlankToReader(t.system)) {
    if (f.system !== t.system) return false;
    any = true;
  }
  if (!isBlankToReader(t.stack)) {
    if (f.stack !== t.stack) return false;
    any = true;
  }
  if (!isBlankToReader(t.resource)) {
    const r = t.resource!;
    const slash = r.indexOf('/');
    const ok = f.address !== undefined && (slash >= 0 ? f.stack === r.slice(0, slash) && f.address === r.slice(slash + 1) : f.address === r);
    if (!ok) return false;
    any = true;
  }
  return any;
}

/** The stack a suppression's target names (`stack`, or the `stack/` prefix of `resource`), if any. */
export function targetStack(s: Suppression): string | undefined {
  const t = s.target;
  if (!t) return undefined;
  if (!isBlankToReader(t.stack)) return t.stack;
  const slash = isBlankToReader(t.resource) ? -1 : t.resource!.indexOf('/');
  return slash > 0 ? t.resource!.slice(0, slash) : undefined;
}

/** Whether a suppression silenced at least one of `findings` (the engine's output after suppressions). */
export function suppressesAny(s: Suppression, findings: readonly Finding[]): boolean {
  return findings.some((f) => f.suppressed && f.ruleId === s.rule && targetMatches(s, f));
}

/** Marks findings covered by a valid suppression (first matching one in policy order). */
export function applySuppressions(
  findings: Finding[],
  suppressions: readonly Suppression[],
  asOf: string,
  horizonDays: number = POLICY_DEFAULTS.exceptionHorizonDays,
): Finding[] {
  const valid = suppressions.filter((s) => suppressionProblems(s, asOf, undefined, horizonDays).length === 0);
  return findings.map((f) => {
    if (UNSUPPRESSIBLE.has(f.ruleId)) return f;
    const s = valid.find((x) => x.rule === f.ruleId && targetMatches(x, f));
    if (!s) return f;
    return { ...f, suppressed: true, suppression: { reason: s.reason!, approvedBy: s.approvedBy!, expires: s.expires! } };
  });
}
