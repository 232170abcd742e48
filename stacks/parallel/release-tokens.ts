/**
 * cdktf keeps every token it ever registers in one process-wide map (`globalThis.__cdktfTokenMap`,
 * tokens/private/token-map.js), never cleared. A token holds what it resolves from (a Lazy holds
 * its producer's closure, so its construct), so a process that synthesizes several stacks one
 * after another kept every earlier stack's construct tree alive: memory grew with the number of
 * stacks a process had built, not with the largest one.
 *
 * `releaseTokensSince(mark)` drops the tokens registered since `tokenMark()` (the ones a finished
 * stack's construction and synthesis created). The counter is never reset, so no later token can
 * reuse a released key; and a stale reference to a released token cannot go unnoticed: cdktf throws
 * `Unrecognized token key` (or an unknown number token) when it meets one. Tokens registered before
 * the mark (at module load) stay.
 */
interface TokenMapInternals {
  stringTokenMap: Map<string, unknown>;
  numberTokenMap: Map<number, unknown>;
  tokenCounter: number;
}

function tokenMap(): TokenMapInternals | undefined {
  const map = (globalThis as { __cdktfTokenMap?: Partial<TokenMapInternals> }).__cdktfTokenMap;
  if (!map || !(map.stringTokenMap instanceof Map) || !(map.numberTokenMap instanceof Map) || typeof map.tokenCounter !== 'number') return undefined;
  return map as TokenMapInternals;
}

/** The token counter now (0 before cdktf registered any token). */
export function tokenMark(): number {
  return tokenMap()?.tokenCounter ?? 0;
}

/** A string key is `<display hint>.<counter>` (TokenMap.registerStringKey). */
function counterOf(key: string): number {
  return Number(key.slice(key.lastIndexOf('.') + 1));
}

export function releaseTokensSince(mark: number): void {
  const map = tokenMap();
  if (!map) return;
  for (const key of map.stringTokenMap.keys()) if (counterOf(key) >= mark) map.stringTokenMap.delete(key);
  for (const key of map.numberTokenMap.keys()) if (key >= mark) map.numberTokenMap.delete(key);
}
