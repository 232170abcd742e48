/**
 * `writeXlsx(sheets)`: a workbook of plain tables through exceljs — header row bold and frozen,
 * columns sized to their text, every cell a value (never a formula). The workbook's creation time
 * and every ZIP entry's time are fixed, so the same sheets give the same bytes in any time zone.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetSpec } from './cell';
import { withFixedTimes } from './zip';

/** The one date the workbook carries (docProps/core.xml): fixed, so output does not depend on the clock. */
const FIXED_TIME = new Date(Date.UTC(2017, 10, 27));

/** Width of text in Excel's character units: CJK characters count double. */
function textWidth(v: CellValue): number {
  let w = 0;
  for (const ch of v === null || v === undefined ? '' : String(v)) w += ch.codePointAt(0)! > 0x2e7f ? 2 : 1;
  return w;
}

export async function writeXlsx(sheets: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'btyun';
  wb.created = FIXED_TIME;
  wb.modified = FIXED_TIME;
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of spec.rows) ws.addRow(row.map((v) => (v === undefined ? null : v)));
    if (spec.rows.length > 0) ws.getRow(1).font = { bold: true };
    const columns = Math.max(0, ...spec.rows.map((r) => r.length));
    for (let c = 1; c <= columns; c++) {
      const widest = Math.max(...spec.rows.map((r) => textWidth(r[c - 1])));
      ws.getColumn(c).width = Math.min(60, Math.max(8, widest + 2));
    }
  }
  const out = Buffer.from(await wb.xlsx.writeBuffer());
  return withFixedTimes(out);
}
