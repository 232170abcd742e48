/**
 * Parses JSON text, turning a syntax error into an InputError with file, line and column.
 * V8's messages do not always carry a position (and some echo the input, which may hold a
 * secret), so the position comes from a small scanner and the message is our own.
 */
import { InputError } from '../../core/errors';

export function parseJsonText(text: string, file: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // tolerate a BOM
  try {
    return JSON.parse(body);
  } catch {
    const { offset, message } = scanJsonError(body);
    const { line, column } = lineColumn(body, offset);
    throw new InputError([{ file, line, column, message: `invalid JSON: ${message}` }]);
  }
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.max(1, offset - lineStart + 1) };
}

class ScanError extends Error {
  constructor(readonly offset: number, message: string) {
    super(message);
  }
}

/** Finds the offset of the first JSON syntax error (the text is known to be invalid). */
export function scanJsonError(text: string): { offset: number; message: string } {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const fail = (what: string): never => {
    throw new ScanError(i, i >= text.length ? `unexpected end of input, expected ${what}` : `unexpected character, expected ${what}`);
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('a value');
  };
  const string = (): void => {
    i++; // opening quote
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail('a closing quote (control character in string)');
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail('four hex digits');
          i += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail('an escape character');
      }
      i++;
    }
    if (i >= text.length) fail('a closing quote');
    i++;
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') fail('a number');
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) fail('less nesting');
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a double-quoted property name');
        string();
        ws();
        if (text[i] !== ':') fail("':'");
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        fail("',' or '}'");
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        fail("',' or ']'");
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail('a value');
  };
  try {
    value(0);
    ws();
    if (i < text.length) fail('end of input');
    return { offset: text.length, message: 'not valid JSON' };
  } catch (e) {
    if (e instanceof ScanError) return { offset: e.offset, message: e.message };
    throw e;
  }
}
