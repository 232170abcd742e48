/**
 * Which deadline applies to a system (新兵办发〔2017〕187号, and §二(九) after it): the plan's dates
 * for systems filed before them; for a system approved later, its approval date plus the policy's
 * grace (`newSystemGraceDays`, default 180) — it is born on 兵团云 or moves there soon after, and a
 * 2018 date it could never have met does not apply to it.
 */
import { graceDaysOf } from '../core/defaults';
import { isRealDate } from '../core/dates';
import type { InfoSystem, IsoDate, Policy } from '../core/types';

/** `iso` + `days` calendar days, in UTC (no local time zone leaks in). */
export function addDays(iso: IsoDate, days: number): IsoDate {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The system's approval date (审批时间) when it is a real date. */
export function approvalDateOf(system: Pick<InfoSystem, 'approval'>): IsoDate | undefined {
  const date = system.approval?.date;
  return isRealDate(date) ? date : undefined;
}

/** Approved after `planDeadline`: the plan's date does not apply, its own grace does. */
export function approvedAfter(system: Pick<InfoSystem, 'approval'>, planDeadline: IsoDate): boolean {
  const approved = approvalDateOf(system);
  return approved !== undefined && approved > planDeadline;
}

/**
 * The deadline of one duty of a system whose plan date is `planDeadline`: that date, or — approved
 * after it — the approval date plus the grace.
 */
export function deadlineFor(system: Pick<InfoSystem, 'approval'>, planDeadline: IsoDate, policy: Pick<Policy, 'newSystemGraceDays'>): IsoDate {
  const approved = approvalDateOf(system);
  return approved !== undefined && approved > planDeadline ? addDays(approved, graceDaysOf(policy)) : planDeadline;
}
