/**
 * A filing sheet (or the data-resources sheet) into records: the header row is matched against the
 * fields (Chinese, English or both: `审批时间`, `approval.date`, `审批时间 approval.date`), each
 * non-empty data row is read cell by cell. Every problem names the sheet, the row, the column and
 * the field; nothing is half taken (the caller writes nothing when any problem is found).
 */
import { didYouMean } from '../cli/args';
import { columnLetters, type ReadCell, type ReadSheet } from '../sheets';
import { header, type Field } from './fields';
import { setPath } from './model-path';
import { toAsciiForms } from './normalize';
import { readCell } from './read-cell';

/** A place in a sheet, for people: `sheet 备案 filing, row 5, column L (审批时间 approval.date)`. */
export interface SheetPlace {
  sheet: string;
  row: number;
  column?: number;
  field?: Field;
  /** For a CSV: the line the row starts on, when it differs from the row (a quoted line break). */
  line?: number;
  csv: boolean;
}

export interface SheetProblem {
  place: SheetPlace;
  message: string;
}

export function placeText(p: SheetPlace): string {
  const parts = [p.csv ? `row ${p.row}${p.line !== undefined && p.line !== p.row ? ` (line ${p.line})` : ''}` : `sheet ${p.sheet}, row ${p.row}`];
  if (p.column !== undefined) parts.push(`column ${columnLetters(p.column)}${p.field ? ` (${header(p.field)})` : ''}`);
  else if (p.field) parts.push(`field ${header(p.field)}`);
  return parts.join(', ');
}

export interface FormRow {
  row: number;
  record: Record<string, unknown>;
  /** The column (1-based) of each field path present in the sheet. */
  columns: ReadonlyMap<string, number>;
}

/** At most this many rows are read from a sheet (an inventory of 10,000 systems fits ten times over). */
export const MAX_ROWS = 100_000;

function isEmpty(c: ReadCell | undefined): boolean {
  return c === undefined || c.kind === 'empty' || (c.kind === 'text' && c.value.trim() === '');
}

function headerKey(s: string): string {
  return toAsciiForms(s).trim().replace(/\s+/g, ' ').replace(/\s*\(\s*/g, ' (').replace(/\s*\)$/, ')');
}

/** The field a header names, if any. */
export function fieldOfHeader(fields: readonly Field[], text: string): Field | undefined {
  const h = headerKey(text);
  return fields.find((f) => {
    const zh = headerKey(f.zh);
    return h === zh || h.toLowerCase() === f.path.toLowerCase() || h === `${zh} ${f.path}` || h === `${zh} (${f.path})`;
  });
}

export function readForm(sheet: ReadSheet, fields: readonly Field[], csv: boolean): { rows: FormRow[]; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const at = (row: number, column?: number, field?: Field): SheetPlace => ({ sheet: sheet.name, row, column, field, csv, ...(sheet.lines ? { line: sheet.lines[row - 1] } : {}) });
  for (const range of sheet.merges) {
    const m = /^([A-Z]+)(\d+)/.exec(range);
    const column = m ? m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) : undefined;
    problems.push({ place: at(m ? Number(m[2]) : 1, column), message: `merged cells ${range} (合并单元格): a merged range holds one value for several cells; unmerge it and fill every cell` });
  }
  let last = sheet.rows.length - 1;
  while (last >= 0 && !sheet.rows[last].some((c) => !isEmpty(c))) last--;
  if (last < 0) return { rows: [], problems: [...problems, { place: at(1), message: 'the sheet is empty: row 1 must hold the column headers (see docs/filing-template.xlsx)' }] };
  if (last + 1 > MAX_ROWS) return { rows: [], problems: [...problems, { place: at(MAX_ROWS + 1), message: `the sheet has more than ${MAX_ROWS} rows (at most ${MAX_ROWS} are read)` }] };

  const columns = new Map<string, number>();
  const headerRow = sheet.rows[0] ?? [];
  headerRow.forEach((cell, i) => {
    if (isEmpty(cell)) return;
    const text = cell.kind === 'text' ? cell.value : '';
    const field = fieldOfHeader(fields, text);
    if (field === undefined) {
      const hint = didYouMean(headerKey(text), fields.flatMap((f) => [f.zh, f.path]));
      problems.push({ place: at(1, i + 1), message: `unknown column header${hint} — the headers are the filing fields (see docs/filing-template.xlsx)` });
    } else if (columns.has(field.path)) problems.push({ place: at(1, i + 1, field), message: `column ${header(field)} appears twice (first in column ${columnLetters(columns.get(field.path)!)})` });
    else columns.set(field.path, i + 1);
  });
  for (const f of fields) if (f.required && !columns.has(f.path)) problems.push({ place: at(1, undefined, f), message: `missing column ${header(f)} (缺少列)` });
  if (problems.length > 0) return { rows: [], problems };

  const fieldAt = new Map<number, Field>();
  for (const f of fields) if (columns.has(f.path)) fieldAt.set(columns.get(f.path)!, f);
  const rows: FormRow[] = [];
  for (let r = 2; r <= last + 1; r++) {
    const cells = sheet.rows[r - 1] ?? [];
    if (!cells.some((c) => !isEmpty(c))) continue;
    const record: Record<string, unknown> = {};
    cells.forEach((cell, i) => {
      if (isEmpty(cell)) return;
      const field = fieldAt.get(i + 1);
      if (field === undefined) {
        problems.push({ place: at(r, i + 1), message: 'a value in a column without a header' });
        return;
      }
      const read = readCell(field, cell);
      if (read.problem !== undefined) problems.push({ place: at(r, i + 1, field), message: read.problem });
      else setPath(record, field.path, read.value);
    });
    rows.push({ row: r, record, columns });
  }
  return { rows, problems };
}
