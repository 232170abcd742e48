/**
 * Input text echoed in messages and reports is made printable: control characters (C0, DEL, C1:
 * ANSI / OSC escape sequences, CR, ...) from a hostile file must not rewrite the user's terminal or
 * forge extra output lines; bidirectional overrides and isolates (U+202E "RIGHT-TO-LEFT OVERRIDE",
 * Trojan Source) and zero-width characters must not make text read differently from what it is.
 * Each is shown as `\uXXXX`. The one helper for every place that prints input text.
 */
import type { InputProblem } from './errors';

/**
 * Invisible or reordering characters besides the controls: ALM U+061C, Mongolian vowel separator
 * U+180E, zero-width space / non-joiner / joiner U+200B–U+200D, LRM / RLM U+200E–U+200F, line and
 * paragraph separators U+2028–U+2029, embeddings and overrides U+202A–U+202E, word joiner and
 * invisible operators U+2060–U+2064, isolates U+2066–U+2069, deprecated format controls
 * U+206A–U+206F, the BOM / zero-width no-break space U+FEFF, interlinear annotation U+FFF9–U+FFFB.
 */
const INVISIBLE = '\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb';
const UNSAFE = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'g');
/** The same, but line breaks and tabs kept: for multi-line text of a page (HTML), where they are harmless. */
const UNSAFE_IN_PAGE = new RegExp(`[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f${INVISIBLE}]`, 'g');

const escape = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of text, safe for a terminal: every control, bidi and zero-width character shown as `\uXXXX`. */
export function printable(s: string): string {
  return s.replace(UNSAFE, escape);
}

/** Text for a page (HTML, Markdown blocks): as printable, but tabs and line breaks kept. */
export function printableInPage(s: string): string {
  return s.replace(UNSAFE_IN_PAGE, escape);
}

export function printableProblem(p: InputProblem): InputProblem {
  return { ...p, file: printable(p.file), message: printable(p.message), ...(p.path !== undefined ? { path: printable(p.path) } : {}) };
}
