/**
 * ISO dates (`YYYY-MM-DD`). Ordering is plain string comparison, which is exact for this format;
 * day arithmetic goes through UTC so that no local time zone leaks in.
 */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A well-formed `YYYY-MM-DD` string naming a real calendar day. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !ISO_DATE.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be ISO dates. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
