/**
 * Credentials inside text, found in linear time and without any regular expression built from or
 * backtracking over input: `scheme://user:password@host` (postgres://, jdbc:mysql://, https://…)
 * and PEM private keys. A hand-written scan, because the obvious regex
 * `[a-z][a-z0-9+.-]*:\/\/…` retries its scheme at every position: a 200 KB value of `a…a://`
 * cost 40 s of CPU.
 */

const isSchemeChar = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2e || c === 0x2d;
const isLetter = (c: number): boolean => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
/** Whitespace as `\s` would see it (the ASCII and common Unicode spaces). */
const isSpace = (c: number): boolean =>
  c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** The password parts (`[start, end)`) of every `scheme://user:password@` in `text`, left to right. */
export function urlPasswordSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (let at = text.indexOf('://', from); at !== -1; at = text.indexOf('://', from)) {
    from = at + 3;
    // A scheme before `://`: a run of scheme characters holding a letter (`jdbc:mysql` ends in `mysql`).
    let hasScheme = false;
    for (let i = at - 1; i >= 0 && isSchemeChar(text.charCodeAt(i)); i--) if (isLetter(text.charCodeAt(i))) {
      hasScheme = true;
      break;
    }
    if (!hasScheme) continue;
    // user: anything but whitespace, `:`, `/`, `@`; then `:`.
    let i = at + 3;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x3a || c === 0x2f || c === 0x40 || isSpace(c)) break;
    }
    if (text.charCodeAt(i) !== 0x3a) continue;
    // password: anything but whitespace, `@`, `/`; then `@`.
    const start = i + 1;
    let j = start;
    for (; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c === 0x40 || c === 0x2f || isSpace(c)) break;
    }
    if (j > start && text.charCodeAt(j) === 0x40) {
      spans.push([start, j]);
      from = j + 1;
    }
  }
  return spans;
}

/** Whether `text` holds a URL with a password (`postgres://admin:pw@db`, `jdbc:mysql://root:pw@h`). */
export function hasUrlPassword(text: string): boolean {
  return text.includes('://') && urlPasswordSpans(text).length > 0;
}

const NONE: readonly string[] = Object.freeze([]);

/** The passwords of the URLs in `text` (asked of every string of a configuration: nothing allocated for the many without a URL). */
export function urlPasswords(text: string): readonly string[] {
  return text.includes('://') ? urlPasswordSpans(text).map(([a, b]) => text.slice(a, b)) : NONE;
}

/** `text` with every URL password replaced by `mask`. */
export function maskUrlPasswords(text: string, mask: string): string {
  if (!text.includes('://')) return text;
  const spans = urlPasswordSpans(text);
  if (spans.length === 0) return text;
  let out = '';
  let last = 0;
  for (const [a, b] of spans) {
    out += text.slice(last, a) + mask;
    last = b;
  }
  return out + text.slice(last);
}

/** Whether `text` holds a PEM private key (`-----BEGIN [RSA |EC |OPENSSH |ENCRYPTED ]PRIVATE KEY-----`). */
export function hasPemPrivateKey(text: string): boolean {
  for (let at = text.indexOf('-----BEGIN '); at !== -1; at = text.indexOf('-----BEGIN ', at + 1)) {
    const end = text.indexOf('-----', at + 11);
    if (end !== -1 && end - at < 80 && text.slice(at + 11, end).endsWith('PRIVATE KEY')) return true;
  }
  return false;
}

/** `--password=S3cr3t` → `{ name: 'password', value: 'S3cr3t' }`; undefined when `arg` is not `-name=value`. */
export function flagAssignment(arg: string): { name: string; value: string } | undefined {
  if (!arg.startsWith('-')) return undefined;
  const eq = arg.indexOf('=');
  if (eq <= 1) return undefined;
  const name = arg.slice(arg.charCodeAt(1) === 0x2d ? 2 : 1, eq);
  return name === '' ? undefined : { name, value: arg.slice(eq + 1) };
}
