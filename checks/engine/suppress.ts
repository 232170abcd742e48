/**
 * Suppressions (policy.yaml `suppressions`): an approved, dated exception for one rule on one
 * target. A complete, unexpired suppression marks matching findings `suppressed` (they stay in
 * the output, with reason, approver and expiry, and do not count toward the exit status).
 * An incomplete or expired one suppresses nothing; EXC-001 reports it.
 */
import { isRealDate } from '../cli/args';
import type { Suppression } from '../model/types';
import type { Finding } from './types';

const RULE_ID = /^(TOPO|NET|INV|MIG|MLPS|K8S|CFG|EXC)-\d{3}$/;

/** Findings of EXC-001 are about suppressions themselves: they cannot be suppressed. */
export const UNSUPPRESSIBLE = new Set(['EXC-001']);

export interface SuppressionProblem {
  /** JSON pointer below the suppression, e.g. `/reason`, or '' for the whole entry. */
  path: string;
  en: string;
  zh: string;
}

function blank(v: unknown): boolean {
  return typeof v !== 'string' || v.trim() === '';
}

/**
 * What is wrong with a suppression as of `asOf`: missing fields, a bad date, expiry, and — when the
 * catalogue's ids are given — a rule id that names no rule. Empty = valid.
 */
export function suppressionProblems(s: Suppression, asOf: string, knownRuleIds?: ReadonlySet<string>): SuppressionProblem[] {
  const problems: SuppressionProblem[] = [];
  if (blank(s.rule)) problems.push({ path: '/rule', en: 'names no rule', zh: '未指明规则' });
  else if (!RULE_ID.test(s.rule!)) problems.push({ path: '/rule', en: `rule id '${s.rule}' is not a rule id (PACK-NNN)`, zh: `规则编号 '${s.rule}' 不是有效的规则编号` });
  else if (knownRuleIds !== undefined && !knownRuleIds.has(s.rule!)) {
    problems.push({ path: '/rule', en: `names rule ${s.rule}, which is not in the catalogue (btyun rules)`, zh: `规则 ${s.rule} 不在规则目录中（btyun rules）` });
  }
  const t = s.target;
  if (!t || (blank(t.system) && blank(t.stack) && blank(t.resource))) {
    problems.push({ path: '/target', en: 'names no target (system, stack or resource)', zh: '未指明对象（系统、栈或资源）' });
  }
  if (blank(s.reason)) problems.push({ path: '/reason', en: 'gives no reason', zh: '未说明理由' });
  if (blank(s.approvedBy)) problems.push({ path: '/approvedBy', en: 'names no approver', zh: '未注明审批人' });
  if (blank(s.expires)) problems.push({ path: '/expires', en: 'has no expiry date', zh: '未设到期日' });
  else if (!isRealDate(s.expires!)) problems.push({ path: '/expires', en: `expiry '${s.expires}' is not a date (YYYY-MM-DD)`, zh: `到期日 '${s.expires}' 不是有效日期` });
  else if (s.expires! < asOf) problems.push({ path: '/expires', en: `expired on ${s.expires} (check date ${asOf})`, zh: `已于 ${s.expires} 到期（检查日期 ${asOf}）` });
  return problems;
}

/** Whether a suppression's target covers a finding. Every field given must match. */
export function targetMatches(s: Suppression, f: Pick<Finding, 'stack' | 'address' | 'system'>): boolean {
  const t = s.target;
  if (!t) return false;
  let any = false;
  if (!blank(t.system)) {
    if (f.system !== t.system) return false;
    any = true;
  }
  if (!blank(t.stack)) {
    if (f.stack !== t.stack) return false;
    any = true;
  }
  if (!blank(t.resource)) {
    const r = t.resource!;
    const slash = r.indexOf('/');
    const ok = f.address !== undefined && (slash >= 0 ? f.stack === r.slice(0, slash) && f.address === r.slice(slash + 1) : f.address === r);
    if (!ok) return false;
    any = true;
  }
  return any;
}

/** Marks findings covered by a valid suppression (first matching one in policy order). */
export function applySuppressions(findings: Finding[], suppressions: readonly Suppression[], asOf: string): Finding[] {
  const valid = suppressions.filter((s) => suppressionProblems(s, asOf).length === 0);
  return findings.map((f) => {
    if (UNSUPPRESSIBLE.has(f.ruleId)) return f;
    const s = valid.find((x) => x.rule === f.ruleId && targetMatches(x, f));
    if (!s) return f;
    return { ...f, suppressed: true, suppression: { reason: s.reason!, approvedBy: s.approvedBy!, expires: s.expires! } };
  });
}
