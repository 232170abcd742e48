/** JSON values as the readers meet them. */

/** A JSON object (a map): not null, not a list. */
export function isJsonObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
