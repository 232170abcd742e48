/**
 * Whether text says anything to a person reading it. A reason, an approver or a target that is
 * only whitespace, zero-width characters (U+200B–U+200D, U+2060, U+FEFF …), control characters
 * (C0, DEL, C1) or bidi controls looks filled in to a program (`trim()` keeps them) but is blank to
 * the reviewer who reads policy.yaml: it must count as missing. The one implementation, used by
 * suppressions, policy exceptions and anything else that asks "was this given?".
 */

/**
 * Characters that render as nothing: Unicode White_Space, controls (Cc: C0, DEL, C1), and
 * Default_Ignorable_Code_Point — zero-width spaces and joiners, word joiner, BOM, soft hyphen,
 * bidi marks, embeddings, overrides and isolates (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C),
 * Hangul fillers, variation selectors, tag characters. U+2800 (braille blank) is drawn as an empty
 * cell, so it is included too.
 */
const INVISIBLE_ONLY = /^[\p{White_Space}\p{Cc}\p{Default_Ignorable_Code_Point}\u2800]*$/u;

/** True for a non-string (absent) value and for a string with nothing visible in it. */
export function isBlankToReader(value: unknown): boolean {
  return typeof value !== 'string' || INVISIBLE_ONLY.test(value);
}
