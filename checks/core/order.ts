/**
 * Code-point order: the one comparison of strings wherever output or placement depends on order.
 * `localeCompare` follows the process locale (under da_DK "aa" sorts after "z"; under cs_CZ "ch"
 * after "h"), so the same input could give a different DR center or message order on another
 * machine. JavaScript's `<` compares UTF-16 code units, which differs from code points for
 * characters outside the BMP; this compares code points.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (U+D800–U+DFFF) stand for code points above U+FFFF: they sort after the BMP.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
