/**
 * Pieces of MLPS finding messages. A message says what is wrong and where; the clause and the
 * remediation are the rule's metadata, which every reporter prints beside it.
 */

/** `stack/TYPE.NAME` — where a resource is, for messages. */
export function where(r: { stack: string; address: string }): string {
  return `${r.stack}/${r.address}`;
}

/** Stable, de-duplicated, sorted list for messages and iteration. */
export function sortedUnique(items: Iterable<string>): string[] {
  return [...new Set(items)].sort();
}
