/**
 * Where an unclosed quote opened. A quoted YAML scalar may run over several lines, so the parser
 * notices a missing closing quote only lines later ("deficient indentation" at the next key, or
 * the end of the file); people need the line of the opening quote. Used only to place a syntax
 * error, never to read a document.
 */

function isBlank(c: string | undefined): boolean {
  return c === undefined || c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

/** The end (index of the closing quote) of the quoted scalar opening at `i`, or -1 if it does not close before `limit`. */
function closingQuote(text: string, i: number, limit: number): number {
  const quote = text[i];
  for (let j = i + 1; j < limit; j++) {
    const c = text[j];
    if (quote === '"' && c === '\\') j++;
    else if (c === quote) {
      if (quote === "'" && text[j + 1] === "'") j++;
      else return j;
    }
  }
  return -1;
}

/**
 * The offset of a quote that opens a scalar on a line before `offset`'s line and is still open at
 * `offset`; undefined when there is none. Quotes count only where a scalar can start (after
 * indentation, `: `, `- `, `? `, `[`, `{` or `,`), so an apostrophe inside plain text is no quote.
 */
export function unclosedQuoteBefore(text: string, offset: number): number | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let canStart = true;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      canStart = true;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      // whitespace keeps what came before
    } else if (c === '#' && (i === 0 || isBlank(text[i - 1]))) {
      const end = text.indexOf('\n', i);
      if (end === -1) return undefined;
      i = end - 1;
    } else if (canStart && (c === '"' || c === "'")) {
      const end = closingQuote(text, i, offset);
      if (end === -1) return i < lineStart ? i : undefined;
      i = end;
      canStart = false;
    } else if (c === '[' || c === '{' || c === ',') {
      canStart = true;
    } else if ((c === ':' || c === '-' || c === '?') && isBlank(text[i + 1])) {
      canStart = true;
    } else {
      canStart = false;
    }
  }
  return undefined;
}
