/**
 * ISO dates (`YYYY-MM-DD`) for rules. Ordering is plain string comparison, which is exact for this
 * format; day arithmetic goes through UTC so that no local time zone leaks in. One implementation of
 * "a real date" for the whole tool (checks/core/dates.ts).
 */
export { isRealDate as isIsoDate, todayUtc } from '../../checks/core/dates';

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be ISO dates. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
