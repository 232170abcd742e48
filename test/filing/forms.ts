/** Filing forms for the tests: a valid base row, written as CSV text or as an XLSX workbook with exceljs. */
import * as fs from 'node:fs';
import ExcelJS from 'exceljs';
import { writeCsv } from '../../checks/app/sheets';

/** A valid system of department rsj, filed into production, by Chinese header. */
export const BASE_ROW: Readonly<Record<string, string>> = {
  系统标识: 'rsj-filing-test',
  名称: '备案测试系统',
  功能: '测试备案导入',
  部门: 'rsj',
  分类: '淘汰',
  使用范围: '兵团级',
  使用频度: '很少',
  审批部门: '兵团发展改革委',
  审批时间: '2016-05-18',
  经费来源: '兵团本级财政资金',
  运维经费: '取消',
  部署位置: '部门机房',
  机房: '人社局三楼机房',
};

export const HEADERS = Object.keys(BASE_ROW);

/** Column letter of a header in the base form. */
export function col(headerText: string): string {
  return String.fromCharCode(65 + HEADERS.indexOf(headerText));
}

/** CSV text of the base header and rows (each row: overrides of the base row; `null` removes a cell's value). */
export function csvForm(rows: Record<string, string | null>[], headers: string[] = HEADERS, bom = true): string {
  const text = writeCsv([headers, ...rows.map((r) => headers.map((h) => (h in r ? r[h] : BASE_ROW[h]) ?? ''))]);
  return bom ? text : text.slice(1);
}

/** An XLSX workbook with the sheet 备案 filing: the base header, then rows; `edit` may change cells. */
export async function xlsxForm(file: string, rows: Record<string, ExcelJS.CellValue>[], edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void, sheetName = '备案 filing'): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(HEADERS.map((h) => (h in r ? r[h] : BASE_ROW[h])));
  edit?.(ws, wb);
  fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}
