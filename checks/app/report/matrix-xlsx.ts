/**
 * The control matrix as an XLSX workbook (exceljs) for the assessor's own workbook: sheet
 * 控制矩阵 Matrix (one row per system and control, header frozen, filter on) and 汇总 Summary (per
 * system, how many controls of each verdict). Cells are strings, never formulas; the workbook's
 * dates are the check date and its ZIP entry times fixed, so that the bytes are the same on every run.
 */
import ExcelJS from 'exceljs';
import { CONTROL_VERDICTS, countVerdicts, matrixTable, MATRIX_COLUMNS, VERDICT_LABEL, type ControlMatrix } from './control-matrix';
import { printable } from '../../core/printable';
import { withFixedTimes } from '../sheets/zip';

const WIDTHS = [28, 24, 8, 14, 22, 26, 16, 18, 10, 18, 34, 60];
/** Only what is wrong is coloured (the report's calm design): 不符合 red, 部分符合 amber. */
const FILL: Record<string, string> = { 不符合: 'FFFBD5D5', 部分符合: 'FFFCEFC7' };
const VERDICT_COLUMN = MATRIX_COLUMNS.indexOf('结论 Verdict') + 1;

function header(sheet: ExcelJS.Worksheet, names: readonly string[], widths: readonly number[]): void {
  sheet.columns = names.map((name, i) => ({ header: name, width: widths[i] ?? 14 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: names.length } };
}

export async function renderMatrixXlsx(matrix: ControlMatrix): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'btyun';
  const date = new Date(`${matrix.asOf}T00:00:00Z`);
  book.created = date;
  book.modified = date;
  book.title = printable(`控制矩阵 Control matrix — ${matrix.environment} — ${matrix.asOf}`);

  const rows = book.addWorksheet('控制矩阵 Matrix');
  header(rows, MATRIX_COLUMNS, WIDTHS);
  for (const values of matrixTable(matrix)) {
    const row = rows.addRow(values);
    row.alignment = { vertical: 'top', wrapText: true };
    const fill = FILL[values[VERDICT_COLUMN - 1]];
    if (fill !== undefined) row.getCell(VERDICT_COLUMN).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  }

  const summary = book.addWorksheet('汇总 Summary');
  const verdictNames = CONTROL_VERDICTS.map((v) => `${VERDICT_LABEL[v].zh} ${VERDICT_LABEL[v].en}`);
  header(summary, ['系统 System', '系统名称 Name', '级别 Level', ...verdictNames], [28, 24, 8, ...verdictNames.map(() => 16)]);
  for (const s of matrix.systems) {
    const counts = countVerdicts(s.rows);
    summary.addRow([printable(s.id), printable(s.name ?? ''), s.level, ...CONTROL_VERDICTS.map((v) => counts[v])]);
  }
  // The ZIP entries' times too: the same matrix gives the same bytes on every run.
  return withFixedTimes(Buffer.from(await book.xlsx.writeBuffer()));
}
