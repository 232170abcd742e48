/**
 * A key written twice in one JSON object (`"container": {…}, "container": {…}`): JSON.parse keeps
 * the last and drops the other without a word, so a block written first is never seen by a rule.
 * One pass over the text (known to be valid JSON), like json-lines.ts.
 */

export interface DuplicateKey {
  /** Keys and list indices from the document root to the object holding the key. */
  readonly path: readonly (string | number)[];
  readonly key: string;
  /** 1-based line of the second occurrence. */
  readonly line: number;
}

interface Frame {
  readonly isObject: boolean;
  /** Object: the first key, then (from the second key on) every key seen — most objects have one key or few. */
  first?: string;
  keys?: Set<string>;
  /** Object: the key whose value is being read. Array: the index of the current item. */
  at: string | number;
  expectKey: boolean;
}

function keyText(raw: string): string {
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

/** Index of the quote closing the string opened at `open` (valid JSON: no raw line break inside). */
function closingQuote(text: string, open: number): number {
  for (let j = text.indexOf('"', open + 1); j >= 0; j = text.indexOf('"', j + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(j - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
  return text.length;
}

export function findDuplicateKeys(text: string): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Frame[] = [];
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 0x22 /* " */) {
      const start = i;
      i = closingQuote(text, i);
      const top = stack[stack.length - 1];
      if (top?.isObject && top.expectKey) {
        const key = keyText(text.slice(start, i + 1));
        if (top.first === undefined) top.first = key;
        else {
          top.keys ??= new Set([top.first]);
          if (top.keys.has(key)) out.push({ path: stack.slice(0, -1).map((f) => f.at), key, line });
          top.keys.add(key);
        }
        top.at = key;
        top.expectKey = false;
      }
      continue;
    }
    if (c === 0x7b /* { */) stack.push({ isObject: true, at: '', expectKey: true });
    else if (c === 0x5b /* [ */) stack.push({ isObject: false, at: 0, expectKey: false });
    else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.isObject) top.expectKey = true;
      else if (top) top.at = (top.at as number) + 1;
    }
  }
  return out;
}
