/**
 * A name written both as an argument and as a block in one HCL body
 * (`security_context = { privileged = false }` beside `security_context { privileged = true }`):
 * hcl2json keeps the argument and drops the block without a word, so the JSON the rules read
 * never shows the block. Only the text tells, so this scans it.
 *
 * The text is valid HCL (hcl2json accepted it before this runs), so the scanner is lenient: it
 * knows bodies, arguments, blocks with labels, strings with `${…}` / `%{…}` templates, heredocs,
 * comments and brackets — enough to find where each argument's expression ends.
 */
import type { PathStep } from '../judged-fields';

export interface ShadowedBlock {
  /** The resource the body is in. */
  readonly type: string;
  readonly name: string;
  /** Path from the resource body to the body holding both (blocks with their index). */
  readonly path: readonly PathStep[];
  /** The name written both ways. */
  readonly field: string;
  /** Line of the (dropped) block. */
  readonly line: number;
}

class Scanner {
  i = 0;
  line = 1;
  constructor(readonly text: string) {}

  get c(): string {
    return this.text[this.i] ?? '';
  }

  advance(): void {
    if (this.text[this.i] === '\n') this.line++;
    this.i++;
  }

  /** Spaces, comments, and (when `newlines`) line ends. */
  skipBlank(newlines: boolean): void {
    for (;;) {
      const c = this.c;
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.advance();
      else if (c === '#' || (c === '/' && this.text[this.i + 1] === '/')) while (this.i < this.text.length && this.c !== '\n') this.advance();
      else if (c === '/' && this.text[this.i + 1] === '*') {
        this.advance();
        this.advance();
        while (this.i < this.text.length && !(this.c === '*' && this.text[this.i + 1] === '/')) this.advance();
        this.advance();
        this.advance();
      } else return;
    }
  }

  identifier(): string | undefined {
    const m = /^[A-Za-z_][\w-]*/.exec(this.text.slice(this.i, this.i + 256));
    if (!m) return undefined;
    this.i += m[0].length;
    return m[0];
  }

  /** A quoted string (the opening quote is current); templates inside may nest strings. */
  quoted(): string {
    const start = this.i;
    this.advance();
    while (this.i < this.text.length && this.c !== '"') {
      if (this.c === '\\') this.advance();
      else if ((this.c === '$' || this.c === '%') && this.text[this.i + 1] === this.c && this.text[this.i + 2] === '{') {
        this.advance(); // `$${` / `%%{`: an escape, literal text
        this.advance();
      } else if ((this.c === '$' || this.c === '%') && this.text[this.i + 1] === '{') {
        this.advance();
        this.skipBracketed();
        continue;
      }
      this.advance();
    }
    this.advance();
    return this.text.slice(start + 1, this.i - 1);
  }

  /** `<<EOF` / `<<-EOF` … `EOF` (current is the first `<`). */
  heredoc(): void {
    const m = /^<<-?([A-Za-z_][\w-]*)[ \t]*\r?\n/.exec(this.text.slice(this.i, this.i + 300));
    if (!m) {
      this.advance();
      return;
    }
    for (let k = 0; k < m[0].length; k++) this.advance();
    while (this.i < this.text.length) {
      const end = this.text.indexOf('\n', this.i);
      const lineText = this.text.slice(this.i, end < 0 ? this.text.length : end);
      const last = lineText.trim() === m[1];
      while (this.i < this.text.length && this.c !== '\n') this.advance();
      if (last) return;
      this.advance();
    }
  }

  /** From an opening bracket to its match, through strings, heredocs and comments. */
  skipBracketed(): void {
    let depth = 0;
    while (this.i < this.text.length) {
      const c = this.c;
      if (c === '"') {
        this.quoted();
        continue;
      }
      if (c === '<' && this.text[this.i + 1] === '<') {
        this.heredoc();
        continue;
      }
      if (c === '#' || (c === '/' && (this.text[this.i + 1] === '/' || this.text[this.i + 1] === '*'))) {
        this.skipBlank(false);
        continue;
      }
      if (c === '{' || c === '[' || c === '(') depth++;
      if (c === '}' || c === ']' || c === ')') depth--;
      this.advance();
      if (depth === 0) return;
    }
  }

  /** An argument's expression: up to the end of its line (or the `}` closing a one-line block). */
  skipExpression(): void {
    while (this.i < this.text.length) {
      const c = this.c;
      if (c === '\n' || c === '}') return;
      if (c === '"') this.quoted();
      else if (c === '<' && this.text[this.i + 1] === '<') this.heredoc();
      else if (c === '{' || c === '[' || c === '(') this.skipBracketed();
      else if (c === '#' || (c === '/' && (this.text[this.i + 1] === '/' || this.text[this.i + 1] === '*'))) this.skipBlank(false);
      else this.advance();
    }
  }
}

interface Context {
  resource?: { type: string; name: string };
  path: PathStep[];
}

/** Reads one body up to its closing `}` (consumed) or the end; reports names written both ways. */
function body(s: Scanner, ctx: Context, out: ShadowedBlock[]): void {
  const args = new Set<string>();
  const blockCounts = new Map<string, number>();
  const blockLines = new Map<string, number>();
  for (;;) {
    s.skipBlank(true);
    if (s.i >= s.text.length) break;
    if (s.c === '}') {
      s.advance();
      break;
    }
    const name = s.identifier();
    if (name === undefined) {
      s.advance(); // not expected in valid HCL: step over it
      continue;
    }
    s.skipBlank(false);
    if (s.c === '=' && s.text[s.i + 1] !== '=') {
      s.advance();
      s.skipExpression();
      args.add(name);
      continue;
    }
    const line = s.line;
    const labels: string[] = [];
    while (s.c === '"' || /[A-Za-z_]/.test(s.c)) {
      labels.push(s.c === '"' ? s.quoted() : (s.identifier() ?? ''));
      s.skipBlank(false);
    }
    if (s.c !== '{') {
      s.skipExpression();
      continue;
    }
    s.advance();
    const index = blockCounts.get(name) ?? 0;
    blockCounts.set(name, index + 1);
    if (!blockLines.has(name)) blockLines.set(name, line);
    if (ctx.resource === undefined && ctx.path.length === 0 && name === 'resource' && labels.length === 2) {
      body(s, { resource: { type: labels[0], name: labels[1] }, path: [] }, out);
    } else {
      const step: PathStep = { name: labels.length > 0 ? `${name} "${labels.join('" "')}"` : name, index };
      body(s, { resource: ctx.resource, path: [...ctx.path, step] }, out);
    }
  }
  if (ctx.resource === undefined) return;
  for (const name of [...args].filter((a) => blockCounts.has(a)).sort()) {
    out.push({ type: ctx.resource.type, name: ctx.resource.name, path: ctx.path, field: name, line: blockLines.get(name)! });
  }
}

/** Every name in a resource body of this HCL text written both as an argument and as a block. */
export function findShadowedBlocks(text: string): ShadowedBlock[] {
  const out: ShadowedBlock[] = [];
  body(new Scanner(text), { path: [] }, out);
  return out;
}
