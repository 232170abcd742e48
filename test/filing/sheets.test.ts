/** The spreadsheet helpers of checks/app/sheets: CSV written and read back, byte-stable workbooks, the ZIP guards. */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { columnLetters, parseCsv, writeCsv, writeXlsx } from '../../checks/app/sheets';
import { zipBombProblem, zipEntries } from '../../checks/app/sheets/zip';

describe('writeCsv / parseCsv', () => {
  it('round-trip commas, quotes, line breaks, spaces and Chinese text, with a BOM and CRLF', () => {
    const rows = [
      ['名称 name', 'a,b', 'say "hi"'],
      ['line\nbreak', ' padded ', ''],
      [1, true, null],
    ];
    const text = writeCsv(rows);
    expect(text.startsWith('\ufeff名称 name,"a,b","say ""hi"""\r\n')).toBe(true);
    const back = parseCsv(text).records;
    expect(back.map((r) => r.fields)).toEqual([
      ['名称 name', 'a,b', 'say "hi"'],
      ['line\nbreak', ' padded ', ''],
      ['1', 'true', ''],
    ]);
    expect(back.map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('writes text Excel would run as a formula with its text mark, and reads it back unchanged', () => {
    const text = writeCsv([['=HYPERLINK("x")', '+1', '-', '@a', 'a=b', -3]]);
    expect(text).toBe('\ufeff"\'=HYPERLINK(""x"")",\'+1,\'-,\'@a,a=b,-3\r\n');
    expect(parseCsv(text).records[0].fields).toEqual(['=HYPERLINK("x")', '+1', '-', '@a', 'a=b', '-3']);
  });

  it('reads LF and CR line ends and text without a BOM', () => {
    expect(parseCsv('a,b\nc,d\re,f').records.map((r) => r.fields)).toEqual([['a', 'b'], ['c', 'd'], ['e', 'f']]);
  });

  it('tells text after a closing quote', () => {
    expect(parseCsv('a\n"x"y,b').problem).toEqual({ line: 2, message: 'text after a closing quote (quote the whole field, double the " inside)' });
  });
});

describe('writeXlsx', () => {
  it('writes a workbook exceljs reads back, values not formulas, header bold', async () => {
    const bytes = await writeXlsx([{ name: '表 sheet', rows: [['名称 name', 'n'], ['=1+1', 3.5]] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('表 sheet')!;
    expect(ws.getCell('A2').value).toBe('=1+1');
    expect(ws.getCell('B2').value).toBe(3.5);
    expect(ws.getRow(1).font?.bold).toBe(true);
  });

  it('gives the same bytes on every call: fixed creation time and ZIP entry times', async () => {
    const sheets = [{ name: 's', rows: [['a'], ['b']] }];
    const a = await writeXlsx(sheets);
    await new Promise((r) => setTimeout(r, 2100)); // DOS times have a two-second resolution
    const b = await writeXlsx(sheets);
    expect(a.equals(b)).toBe(true);
    for (const e of zipEntries(a).entries!) expect(a.readUInt16LE(e.centralOffset + 2)).toBe(0x21);
  });
});

describe('zipBombProblem', () => {
  it('accepts a workbook within the limit and refuses one declared past it', async () => {
    const bytes = await writeXlsx([{ name: 's', rows: [['x'.repeat(1000)]] }]);
    expect(zipBombProblem(bytes, 10 * 1024 * 1024)).toBeUndefined();
    expect(zipBombProblem(bytes, 1000)).toMatch(/expands to more than 1000 bytes/);
  });

  it('refuses more parts than allowed', async () => {
    const bytes = await writeXlsx([{ name: 's', rows: [['x']] }]);
    expect(zipBombProblem(bytes, 1e9, 3)).toMatch(/^the workbook has \d+ parts \(at most 3 are read\)$/);
  });
});

describe('columnLetters', () => {
  it('names columns as Excel does', () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
