/**
 * The scorecard as one table (header first) — the rows of the text, markdown, CSV and XLSX formats
 * and of the HTML section. Figures are formatted the same way everywhere (a rate to one decimal).
 */
import type { Scorecard, ScorecardRow, TaskProgress } from '../../plan/scorecard/scorecard';
import { TASK_IDS } from '../../plan/scorecard/scorecard';
import { METRIC_LABEL, STATUS_LABEL, TASK_LABEL, UNIT_LABEL } from './labels';

/** `87.5% (7/8)`, or `—` when no system must connect. */
export function rateText(r: Pick<ScorecardRow, 'connectionRate' | 'connected' | 'mustConnect'>): string {
  return r.connectionRate === null ? '—' : `${(r.connectionRate * 100).toFixed(1)}% (${r.connected}/${r.mustConnect})`;
}

/** `完成 done 3/3`, `逾期 late 1/4`, or `—`. */
export function taskText(t: TaskProgress): string {
  return t.status === 'none' ? '—' : `${STATUS_LABEL[t.status]} ${t.done}/${t.total}`;
}

export function scorecardHeader(card: Pick<Scorecard, 'by'>): string[] {
  return [UNIT_LABEL[card.by], '名称 name', METRIC_LABEL.systems, METRIC_LABEL.integrated, METRIC_LABEL.shared, METRIC_LABEL.collaborative, METRIC_LABEL.connectionRate, ...TASK_IDS.map((t) => TASK_LABEL[t])];
}

/** Counts stay numbers (a spreadsheet sums them); the shared count is `shared/resources`. */
export function scorecardCells(r: ScorecardRow): (string | number)[] {
  return [r.unit, r.name, r.systems, r.integrated, `${r.shared}/${r.resources}`, r.collaborative, rateText(r), ...r.tasks.map(taskText)];
}

/** Header, one row per unit, then the total. */
export function scorecardTable(card: Scorecard): (string | number)[][] {
  return [scorecardHeader(card), ...card.rows.map(scorecardCells), scorecardCells(card.total)];
}
