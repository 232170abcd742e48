/**
 * The control matrix as CSV for the assessor's own workbook, through the app's one CSV writer
 * (checks/app/sheets: UTF-8 with a byte-order mark, CRLF, quoting and formula-injection guard).
 */
import { writeCsv } from '../sheets';
import { matrixTable, MATRIX_COLUMNS, type ControlMatrix } from './control-matrix';

export function renderMatrixCsv(matrix: ControlMatrix): string {
  return writeCsv([MATRIX_COLUMNS, ...matrixTable(matrix)]);
}
