/** The few building blocks every section of the HTML report uses: escaping, anchors, sections, tables. */
import { escapeHtml } from '../labels';

export const h = escapeHtml;

/** An element id from a rule or system id: only `[A-Za-z0-9-]`, so an anchor never needs escaping. */
export function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`)}`;
}

/** A numbered section of the report, with the id its table-of-contents entry links to. */
export interface Section {
  readonly id: string;
  readonly title: string;
  readonly body: string;
}

export function renderSection(s: Section): string {
  return `<section id="${s.id}"><h2>${h(s.title)}</h2>\n${s.body}\n</section>`;
}

/** A table that scrolls inside its own box on a narrow screen, never the page. */
export function table(head: readonly string[], rows: readonly string[], cls = ''): string {
  const th = head.map((x) => `<th>${x}</th>`).join('');
  return `<div class="scroll"><table${cls === '' ? '' : ` class="${cls}"`}><thead><tr>${th}</tr></thead><tbody>\n${rows.join('\n')}\n</tbody></table></div>`;
}

/** Chinese and English of one label, the English muted. */
export function bi(zh: string, en: string): string {
  return `${h(zh)} <span class="en">${h(en)}</span>`;
}
