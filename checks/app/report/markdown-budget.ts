/**
 * A markdown document that fits in one pull-request comment: GitHub refuses a comment body over
 * 65,536 characters. What must be read comes first and is always kept (the summary, the blocking
 * findings while they fit); everything else is added while it fits and counted when it does not.
 * Lengths are counted in UTF-16 code units, which is never less than the characters GitHub counts.
 */
export const PR_COMMENT_LIMIT = 65_536;

export class MarkdownBudget {
  private readonly out: string[] = [];
  private used = 0;

  /** `reserve`: what is kept free for the closing lines (counts, closing tags). */
  constructor(
    private readonly limit = PR_COMMENT_LIMIT,
    private readonly reserve = 1_024,
  ) {}

  /** Whether `lines` fit, keeping the reserve free. */
  fits(lines: readonly string[]): boolean {
    return this.used + cost(lines) + this.reserve <= this.limit;
  }

  /** Adds lines that must be there (the summary, closing tags): the reserve pays for them. */
  push(...lines: string[]): void {
    this.out.push(...lines);
    this.used += cost(lines);
  }

  /** Adds lines only if they fit; says whether they did. */
  tryPush(...lines: string[]): boolean {
    if (!this.fits(lines)) return false;
    this.push(...lines);
    return true;
  }

  /**
   * A table: the header and as many rows as fit (in order), then one line counting the rows left
   * out. Returns how many rows were left out.
   */
  table(header: readonly string[], rows: readonly string[], leftOut: (n: number) => string): number {
    if (rows.length === 0) return 0;
    let shown = 0;
    if (this.fits([...header, rows[0]])) {
      this.push(...header);
      for (const r of rows) {
        if (!this.tryPush(r)) break;
        shown++;
      }
    }
    const rest = rows.length - shown;
    if (rest > 0) this.push('', leftOut(rest));
    return rest;
  }

  /** List lines (`- …`): as many as fit, then one line counting the rest. Returns how many were left out. */
  list(items: readonly string[], leftOut: (n: number) => string): number {
    let shown = 0;
    for (const item of items) {
      if (!this.tryPush(item)) break;
      shown++;
    }
    const rest = items.length - shown;
    if (rest > 0) this.push(leftOut(rest));
    return rest;
  }

  /** A folded section: `<details>` with a summary line; `body` fills it while it fits. */
  details(summary: string, body: (b: MarkdownBudget) => void): void {
    this.push('', `<details><summary>${summary}</summary>`, '');
    body(this);
    this.push('', '</details>');
  }

  get length(): number {
    return this.used;
  }

  text(): string {
    return this.out.join('\n') + '\n';
  }
}

function cost(lines: readonly string[]): number {
  let n = 0;
  for (const l of lines) n += l.length + 1;
  return n;
}

/**
 * Renders with a budget until the text fits `limit`: the lines a renderer always keeps (headings,
 * counts) are paid from the reserve; should they overrun it, the optional rows get less room.
 */
export function fitToLimit(render: (budget: number) => string, limit = PR_COMMENT_LIMIT): string {
  let budget = limit;
  let text = render(budget);
  for (let i = 0; i < 16 && text.length > limit && budget > 0; i++) {
    budget = Math.max(0, budget - (text.length - limit) - 512);
    text = render(budget);
  }
  return text;
}
