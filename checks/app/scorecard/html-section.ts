/**
 * `scorecardSection(card)`: the scorecard as a self-contained HTML fragment for the report — a
 * table and an inline-SVG bar chart of 系统联通率 per unit. No script, no external resource; its
 * CSS classes are prefixed `sc-` and its own small <style> comes with it. Every input string is
 * escaped. Pure: same scorecard, same bytes.
 */
import type { Scorecard, ScorecardRow } from '../../plan/scorecard/scorecard';
import { escapeHtml } from '../report/labels';
import { METRIC_LABEL, UNIT_LABEL } from './labels';
import { rateText, scorecardTable } from './table';

const STYLE = `<style>
.sc-section{margin:1.5em 0}
.sc-table{border-collapse:collapse;font-size:.9em}
.sc-table th,.sc-table td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
.sc-table th{background:#f3f3f3}
.sc-table tr.sc-total td{font-weight:bold;border-top:2px solid #888}
.sc-late{color:#b00020}
.sc-done{color:#1b5e20}
.sc-chart text{font-size:12px;font-family:sans-serif}
</style>`;

const BAR_HEIGHT = 16;
const GAP = 6;
const LABEL_WIDTH = 220;
const BAR_WIDTH = 300;

function statusClass(cell: string): string {
  if (cell.startsWith('逾期')) return ' class="sc-late"';
  if (cell.startsWith('完成')) return ' class="sc-done"';
  return '';
}

function chart(card: Scorecard): string {
  const rows = card.rows.filter((r) => r.connectionRate !== null);
  const height = rows.length * (BAR_HEIGHT + GAP) + GAP;
  const bars = rows.map((r: ScorecardRow, i) => {
    const y = GAP + i * (BAR_HEIGHT + GAP);
    const w = Math.round((r.connectionRate ?? 0) * BAR_WIDTH);
    const label = escapeHtml(`${r.name} (${r.unit})`);
    return `<g><text x="${LABEL_WIDTH - 6}" y="${y + BAR_HEIGHT - 4}" text-anchor="end">${label}</text><rect x="${LABEL_WIDTH}" y="${y}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" fill="#eee"/><rect x="${LABEL_WIDTH}" y="${y}" width="${w}" height="${BAR_HEIGHT}" fill="#2e7d32"/><text x="${LABEL_WIDTH + BAR_WIDTH + 6}" y="${y + BAR_HEIGHT - 4}">${escapeHtml(rateText(r))}</text></g>`;
  });
  const title = escapeHtml(`${METRIC_LABEL.connectionRate} per ${UNIT_LABEL[card.by]}`);
  return `<svg class="sc-chart" xmlns="http://www.w3.org/2000/svg" width="${LABEL_WIDTH + BAR_WIDTH + 140}" height="${height}" role="img" aria-label="${title}"><title>${title}</title>${bars.join('')}</svg>`;
}

export function scorecardSection(card: Scorecard): string {
  const [head, ...body] = scorecardTable(card);
  const th = head.map((h) => `<th>${escapeHtml(String(h))}</th>`).join('');
  const trs = body.map((r, i) => {
    const total = i === body.length - 1 ? ' class="sc-total"' : '';
    return `<tr${total}>${r.map((c) => `<td${statusClass(String(c))}>${escapeHtml(String(c))}</td>`).join('')}</tr>`;
  });
  return [
    `<section class="sc-section" id="scorecard">`,
    STYLE,
    `<h2>评估 Scorecard (§三(三)) — ${escapeHtml(card.environment)}, as of ${escapeHtml(card.asOf)}, by ${escapeHtml(card.by)}</h2>`,
    `<table class="sc-table"><thead><tr>${th}</tr></thead><tbody>${trs.join('')}</tbody></table>`,
    chart(card),
    `</section>`,
  ].join('\n') + '\n';
}
