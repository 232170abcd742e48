/**
 * Spreadsheet output and input, one place for every command: `writeCsv(rows)` (UTF-8 with BOM),
 * `writeXlsx(sheets)` (exceljs, byte-stable), `readSpreadsheet(file)` (CSV or XLSX into plain cells).
 */
export { columnLetters, type CellValue, type SheetSpec } from './cell';
export { writeCsv, parseCsv } from './csv';
export { writeXlsx } from './xlsx-write';
export { readSpreadsheet, type ReadCell, type ReadSheet } from './read';
