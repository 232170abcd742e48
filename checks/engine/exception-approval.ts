/**
 * What every exception must carry to take effect — a suppression (`suppressions`, EXC-001) and an
 * approved weakening of the policy (`policyExceptions`, EXC-003) alike: a reason and an approver a
 * reader can see, and an expiry date that has not passed and is no further ahead than the horizon
 * (policy.exceptionHorizonDays, default one year) — so that no exception is granted for good.
 */
import { isRealDate } from '../core/dates';
import { isBlankToReader } from '../core/reader-text';

/** One thing wrong with an exception. */
export interface ExceptionProblem {
  /** JSON pointer below the entry, e.g. `/reason`, or '' for the whole entry. */
  path: string;
  en: string;
  zh: string;
}

/** The approval part of an exception. */
export interface ApprovalFields {
  reason?: string;
  approvedBy?: string;
  expires?: string;
}

/** `date` (YYYY-MM-DD, a real date) plus `days`, in UTC. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What keeps the approval from taking effect as of `asOf`. Empty = in force. */
export function approvalProblems(a: ApprovalFields, asOf: string, horizonDays: number): ExceptionProblem[] {
  const problems: ExceptionProblem[] = [];
  if (isBlankToReader(a.reason)) problems.push({ path: '/reason', en: 'gives no reason', zh: '未说明理由' });
  if (isBlankToReader(a.approvedBy)) problems.push({ path: '/approvedBy', en: 'names no approver', zh: '未注明审批人' });
  const expires = a.expires;
  if (isBlankToReader(expires)) problems.push({ path: '/expires', en: 'has no expiry date', zh: '未设到期日' });
  else if (!isRealDate(expires!)) problems.push({ path: '/expires', en: `expiry '${expires}' is not a date (YYYY-MM-DD)`, zh: `到期日 '${expires}' 不是有效日期` });
  else if (expires! < asOf) problems.push({ path: '/expires', en: `expired on ${expires} (check date ${asOf})`, zh: `已于 ${expires} 到期（检查日期 ${asOf}）` });
  else if (expires! > addDays(asOf, horizonDays)) {
    problems.push({
      path: '/expires',
      en: `expires on ${expires}, more than ${horizonDays} days after the check date ${asOf} (policy.exceptionHorizonDays): an exception is renewed, not granted for good`,
      zh: `到期日 ${expires} 超出检查日期 ${asOf} 后 ${horizonDays} 天（policy.exceptionHorizonDays）：例外须定期重新审批，不得长期有效`,
    });
  }
  return problems;
}
