/** The scorecard in text, JSON, markdown, CSV and XLSX. Pure: same scorecard, same bytes. */
import { VERSION } from '../../core/version';
import { printable } from '../../core/printable';
import type { Scorecard } from '../../plan/scorecard/scorecard';
import { writeCsv, writeXlsx } from '../sheets';
import { TASK_LABEL } from './labels';
import { escapeMarkdown } from '../report/labels';
import { scorecardTable } from './table';
import { TASK_IDS } from '../../plan/scorecard/scorecard';

export const SCORECARD_FORMATS = ['text', 'json', 'markdown', 'csv', 'xlsx'] as const;
export type ScorecardFormat = (typeof SCORECARD_FORMATS)[number];

function deadlinesLine(card: Scorecard): string {
  const first = card.total.tasks;
  return TASK_IDS.map((t, i) => `${TASK_LABEL[t]} ${first[i].deadline}`).join('; ');
}

/** Width of text in a terminal: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
}

export function renderScorecardText(card: Scorecard): string {
  const table = scorecardTable(card).map((r) => r.map((c) => printable(String(c))));
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => width(r[c]))));
  const line = (r: string[]): string => r.map((cell, c) => cell + ' '.repeat(widths[c] - width(cell))).join('  ').trimEnd();
  const out = [`评估 scorecard — ${card.environment}, as of ${card.asOf}, by ${card.by}`, `deadlines: ${deadlinesLine(card)}`, '', line(table[0]), ...table.slice(1).map(line), '', 'Definitions: docs/scorecard.md'];
  return out.join('\n') + '\n';
}

export function renderScorecardJson(card: Scorecard): string {
  return JSON.stringify({ tool: 'btyun scorecard', version: VERSION, ...card }, null, 2) + '\n';
}


export function renderScorecardMarkdown(card: Scorecard): string {
  const table = scorecardTable(card);
  const row = (r: readonly (string | number)[]): string => `| ${r.map((c) => escapeMarkdown(String(c))).join(' | ')} |`;
  const out = [`## 评估 scorecard — ${escapeMarkdown(card.environment)} (as of ${card.asOf}, by ${card.by})`, '', `Deadlines: ${escapeMarkdown(deadlinesLine(card))}.`, '', row(table[0]), `|${table[0].map(() => ' --- ').join('|')}|`, ...table.slice(1).map(row), '', 'Definitions: docs/scorecard.md'];
  return out.join('\n') + '\n';
}

export function renderScorecardCsv(card: Scorecard): string {
  return writeCsv(scorecardTable(card));
}

export function renderScorecardXlsx(card: Scorecard): Promise<Buffer> {
  return writeXlsx([{ name: `评估 scorecard ${card.by}`.slice(0, 31), rows: scorecardTable(card) }]);
}
