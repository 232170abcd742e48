/**
 * `readSpreadsheet(file)`: a CSV or an XLSX workbook into plain cells, refusing before anything is
 * expanded what is not one (a `.xls`, a binary file, a damaged or foreign ZIP) or what is too big:
 * the file itself within the input limit (`--max-input-size`, default that of a YAML document — the
 * filing becomes one), and an XLSX's expanded parts within four times that (a zip bomb).
 */
import ExcelJS from 'exceljs';
import { InputError } from '../../core/errors';
import { inputLimit, readInputBytes } from '../../core/input-file';
import { parseCsv } from './csv';
import { looksLikeZip, zipBombProblem } from './zip';

/** One cell as read: its kind decides how a field may take it (a date cell, a number, text). */
export type ReadCell =
  | { kind: 'empty' }
  | { kind: 'text'; value: string }
  /** `date1904`: the workbook counts date serials from 1904 (Excel for Mac's old date system). */
  | { kind: 'number'; value: number; date1904?: true }
  | { kind: 'boolean'; value: boolean }
  /** An Excel date cell, as `YYYY-MM-DD`; `time`: it carries a time of day too. */
  | { kind: 'date'; value: string; time: boolean }
  /** A formula: its cached result may be stale, so it is never taken as a value. */
  | { kind: 'formula' }
  /** An error value such as #REF!. */
  | { kind: 'error' };

export interface ReadSheet {
  /** The sheet's name; for a CSV, the file's name. */
  name: string;
  /** Row r (1-based) is rows[r - 1]; cell c (1-based) is rows[r - 1][c - 1]. */
  rows: ReadCell[][];
  /** Merged ranges (`B2:C3`): a merged cell has no value of its own, so they are refused by the caller. */
  merges: string[];
  /** The line each CSV record starts on (rows[i] starts on lines[i]); absent for XLSX. */
  lines?: number[];
}

/** An expanded workbook may be this many times the input limit. */
const EXPANSION_FACTOR = 4;
const XLS_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function fail(file: string, message: string): never {
  throw new InputError([{ file, message }]);
}

export async function readSpreadsheet(abs: string, shown: string): Promise<{ format: 'csv' | 'xlsx'; sheets: ReadSheet[] }> {
  const read = readInputBytes(abs, shown, 'yaml');
  if (read.problem) throw new InputError([read.problem]);
  const bytes = read.bytes;
  if (XLS_MAGIC.every((b, i) => bytes[i] === b)) fail(shown, 'an Excel 97-2003 (.xls) workbook is not read: save it as .xlsx (Excel 工作簿) or .csv (UTF-8)');
  if (looksLikeZip(bytes)) return { format: 'xlsx', sheets: await readXlsx(bytes, shown) };
  if (/\.xlsx$/i.test(shown)) fail(shown, 'not an XLSX workbook (an .xlsx file is a ZIP archive; this one is not)');
  return { format: 'csv', sheets: [readCsv(bytes, shown)] };
}

function readCsv(bytes: Buffer, shown: string): ReadSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(shown, 'not a spreadsheet: neither an XLSX workbook nor UTF-8 CSV text (save the sheet as "CSV UTF-8")');
  }
  if (text.includes('\u0000')) fail(shown, 'not a spreadsheet: binary content (NUL bytes) — neither an XLSX workbook nor CSV text');
  const parsed = parseCsv(text);
  if (parsed.problem) throw new InputError([{ file: shown, line: parsed.problem.line, message: parsed.problem.message }]);
  const rows = parsed.records.map((r) => r.fields.map((f): ReadCell => (f === '' ? { kind: 'empty' } : { kind: 'text', value: f })));
  return { name: shown.split('/').pop() ?? shown, rows, merges: [], lines: parsed.records.map((r) => r.line) };
}

async function readXlsx(bytes: Buffer, shown: string): Promise<ReadSheet[]> {
  const limit = inputLimit('yaml') * EXPANSION_FACTOR;
  const bomb = zipBombProblem(bytes, limit);
  if (bomb !== undefined) fail(shown, bomb);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    // exceljs's message may quote the file's content: not echoed.
    return fail(shown, 'not an XLSX workbook: the ZIP archive holds no readable workbook');
  }
  const sheets: ReadSheet[] = [];
  const date1904 = (wb.properties as { date1904?: boolean }).date1904 === true;
  wb.eachSheet((ws) => {
    const rows: ReadCell[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      const cells: ReadCell[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const read = readCell(cell.value);
        cells[c - 1] = read.kind === 'number' && date1904 ? { ...read, date1904: true } : read;
      });
      for (let c = 0; c < cells.length; c++) cells[c] ??= { kind: 'empty' };
      rows[r - 1] = cells;
    });
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const merges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
    sheets.push({ name: ws.name, rows, merges });
  });
  return sheets;
}

function readCell(v: ExcelJS.CellValue): ReadCell {
  if (v === null || v === undefined) return { kind: 'empty' };
  if (typeof v === 'string') return v === '' ? { kind: 'empty' } : { kind: 'text', value: v };
  if (typeof v === 'number') return { kind: 'number', value: v };
  if (typeof v === 'boolean') return { kind: 'boolean', value: v };
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { kind: 'error' };
    // exceljs reads a date serial as that day at UTC midnight (plus the fraction for a time of day).
    return { kind: 'date', value: v.toISOString().slice(0, 10), time: v.getTime() % 86_400_000 !== 0 };
  }
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { kind: 'formula' };
    if ('error' in v) return { kind: 'error' };
    if ('richText' in v) {
      const text = v.richText.map((p) => p.text).join('');
      return text === '' ? { kind: 'empty' } : { kind: 'text', value: text };
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') {
      const text = (v as { text: string }).text;
      return text === '' ? { kind: 'empty' } : { kind: 'text', value: text };
    }
  }
  return { kind: 'error' };
}
