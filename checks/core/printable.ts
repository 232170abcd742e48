/**
 * Input text echoed in messages is made printable: control characters (ANSI escapes, CR, ...)
 * from a hostile file must not rewrite the user's terminal or forge extra output lines.
 */
import type { InputProblem } from './errors';

export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function printableProblem(p: InputProblem): InputProblem {
  return { ...p, file: printable(p.file), message: printable(p.message), ...(p.path !== undefined ? { path: printable(p.path) } : {}) };
}
