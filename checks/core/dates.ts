/** Calendar dates (`YYYY-MM-DD`) as the tool uses them: always UTC, so no local time zone leaks in. */

/** Today in UTC. The gate's date: nothing moves it. */
export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A well-formed `YYYY-MM-DD` naming a real calendar day. Ordering such dates is string comparison. */
export function isRealDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}
