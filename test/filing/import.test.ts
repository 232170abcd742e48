/**
 * `btyun import filing`: good forms import (CSV with and without BOM, XLSX, the accepted cell
 * forms), bad ones give exit 2 with one line naming sheet, row, column and field, and nothing is
 * written. Run in process against the shipped production environment.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { MINI_ENV_DIR } from '../helpers/mini-env';
import { tmpFiles } from '../helpers/tmp-files';
import { col, csvForm, HEADERS, xlsxForm } from './forms';
import { run } from './run';

const { dir, write } = tmpFiles('btyun-import-');
let n = 0;
/** A fresh output name for each import. */
const outName = (): string => `out-${++n}.yaml`;

async function importOk(file: string): Promise<Record<string, unknown>[]> {
  const out = outName();
  const r = await run(dir, 'import', 'filing', path.basename(file), '--out', out);
  expect(r.stderr).toMatch(/systems written/);
  expect(r.code).toBe(0);
  return parse(fs.readFileSync(path.join(dir, out), 'utf8')).systems;
}

/** Imports a bad form: exit 2, the problems on stderr, no output file. */
async function importBad(file: string, ...extra: string[]): Promise<string[]> {
  const out = outName();
  const r = await run(dir, 'import', 'filing', path.basename(file), '--out', out, ...extra);
  expect(r.code).toBe(2);
  expect(fs.existsSync(path.join(dir, out))).toBe(false);
  expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  return r.stderr.trim().split('\n');
}

describe('good forms', () => {
  it('reads a CSV with a BOM and the same CSV without one alike', async () => {
    const withBom = await importOk(write('bom.csv', csvForm([{}])));
    const without = await importOk(write('nobom.csv', csvForm([{}], HEADERS, false)));
    expect(without).toEqual(withBom);
    expect(withBom).toEqual([
      {
        id: 'rsj-filing-test',
        name: '备案测试系统',
        function: '测试备案导入',
        department: 'rsj',
        class: 'retire',
        scope: { level: 'corps' },
        usageFrequency: 'rarely',
        approval: { department: '兵团发展改革委', date: '2016-05-18' },
        funding: { source: '兵团本级财政资金', omStatus: 'cancelled' },
        location: { kind: 'department-room', site: '人社局三楼机房' },
      },
    ]);
  });

  it('accepts English headers and bilingual headers and values', async () => {
    const english = ['id', 'name', 'function', 'department', 'class', 'scope.level', 'usageFrequency', 'approval.department', 'approval.date', 'funding.source', 'funding.omStatus', 'location.kind', 'location.site'];
    const text = csvForm([{}]).split('\r\n');
    text[0] = '\ufeff' + english.join(',');
    const en = await importOk(write('english.csv', text.join('\r\n')));
    const bilingual = csvForm([{ 分类: '淘汰 retire', 使用范围: 'corps' }]).split('\r\n');
    bilingual[0] = '\ufeff' + HEADERS.map((h, i) => `${h} ${english[i]}`).join(',');
    const both = await importOk(write('both.csv', bilingual.join('\r\n')));
    expect(en[0].class).toBe('retire');
    expect(both).toEqual(en);
  });

  it('drops spaces around values and reads full-width digits and punctuation in machine fields as ASCII', async () => {
    const [s] = await importOk(write('spaces.csv', csvForm([{ 部门: ' rsj ', 审批时间: '２０１６－０５－１８ ', 名称: '  备案测试系统\u3000' }])));
    expect(s.department).toBe('rsj');
    expect((s.approval as { date: string }).date).toBe('2016-05-18');
    expect(s.name).toBe('备案测试系统');
  });

  it('reads year-first text dates and Excel serial numbers; an Excel date cell too', async () => {
    for (const [given, want] of [
      ['2018/6/30', '2018-06-30'],
      ['2018.6.30', '2018-06-30'],
      ['2018年6月30日', '2018-06-30'],
      ['43281', '2018-06-30'],
    ]) {
      const [s] = await importOk(write(`date-${n}.csv`, csvForm([{ 审批时间: given }])));
      expect((s.approval as { date: string }).date).toBe(want);
    }
    const serial = await importOk(await xlsxForm(path.join(dir, 'serial.xlsx'), [{ 审批时间: 43281 }]));
    expect((serial[0].approval as { date: string }).date).toBe('2018-06-30');
    const mac = await importOk(await xlsxForm(path.join(dir, 'serial1904.xlsx'), [{ 审批时间: 41819 }], (_ws, wb) => (wb.properties.date1904 = true)));
    expect((mac[0].approval as { date: string }).date).toBe('2018-06-30');
    const dateCell = await importOk(await xlsxForm(path.join(dir, 'datecell.xlsx'), [{ 审批时间: new Date(Date.UTC(2018, 5, 30)) }]));
    expect((dateCell[0].approval as { date: string }).date).toBe('2018-06-30');
  });

  it('reads several rows, skipping empty ones', async () => {
    const systems = await importOk(write('two.csv', csvForm([{}, { 系统标识: null, 名称: null, 功能: null, 部门: null, 分类: null, 使用范围: null, 使用频度: null, 审批部门: null, 审批时间: null, 经费来源: null, 运维经费: null, 部署位置: null, 机房: null }, { 系统标识: 'rsj-filing-test-2' }])));
    expect(systems.map((s) => s.id)).toEqual(['rsj-filing-test', 'rsj-filing-test-2']);
  });
});

describe('bad forms: exit 2, the place named, nothing written', () => {
  it('a missing column', async () => {
    const headers = HEADERS.filter((h) => h !== '部门');
    const lines = await importBad(write('missing.csv', csvForm([{}], headers)));
    expect(lines).toEqual(['missing.csv: row 1, field 部门 department: missing column 部门 department (缺少列)']);
  });

  it('an unknown column header, with a did-you-mean', async () => {
    const headers = HEADERS.map((h) => (h === '功能' ? 'functoin' : h));
    const lines = await importBad(write('unknown.csv', csvForm([{}], headers)));
    expect(lines).toEqual([`unknown.csv: row 1, column ${col('功能')}: unknown column header (did you mean function?) — the headers are the filing fields (see docs/filing-template.xlsx)`, 'unknown.csv: row 1, field 功能 function: missing column 功能 function (缺少列)']);
  });

  it('an ambiguous text date (month-first) and a date that is no day', async () => {
    const lines = await importBad(write('ambiguous.csv', csvForm([{ 审批时间: '06/30/2018' }, { 系统标识: 'rsj-filing-test-2', 审批时间: '2018-02-30' }])));
    expect(lines).toEqual([
      `ambiguous.csv: row 2, column ${col('审批时间')} (审批时间 approval.date): not a date: write YYYY-MM-DD (a year-first date; day-first or month-first forms such as 06/30/2018 are ambiguous)`,
      `ambiguous.csv: row 3, column ${col('审批时间')} (审批时间 approval.date): not a real calendar day`,
    ]);
  });

  it('a formula cell', async () => {
    const file = await xlsxForm(path.join(dir, 'formula.xlsx'), [{ 审批时间: { formula: 'TODAY()', result: 43281 } as never }]);
    expect(await importBad(file)).toEqual([`formula.xlsx: sheet 备案 filing, row 2, column ${col('审批时间')} (审批时间 approval.date): a formula (公式): enter the value itself — the result a formula saved may be stale`]);
  });

  it('merged cells', async () => {
    const file = await xlsxForm(path.join(dir, 'merged.xlsx'), [{}, {}], (ws) => ws.mergeCells(`${col('部门')}2:${col('部门')}3`));
    const lines = await importBad(file);
    expect(lines[0]).toBe(`merged.xlsx: sheet 备案 filing, row 2, column ${col('部门')}: merged cells ${col('部门')}2:${col('部门')}3 (合并单元格): a merged range holds one value for several cells; unmerge it and fill every cell`);
  });

  it('an empty sheet, and a sheet with its header only', async () => {
    const empty = await xlsxForm(path.join(dir, 'empty.xlsx'), [], (ws) => ws.spliceRows(1, 1));
    expect(await importBad(empty)).toEqual(['empty.xlsx: sheet 备案 filing, row 1: the sheet is empty: row 1 must hold the column headers (see docs/filing-template.xlsx)']);
    expect(await importBad(write('header-only.csv', csvForm([])))).toEqual(['header-only.csv: row 2: no system: the sheet has its header row only (one row per system follows it)']);
  });

  it('a workbook without a filing sheet among several', async () => {
    const file = await xlsxForm(path.join(dir, 'nosheet.xlsx'), [{}], (_ws, wb) => wb.addWorksheet('其他 other'), 'Sheet1');
    expect(await importBad(file)).toEqual(['nosheet.xlsx: no sheet named 备案 filing (the workbook has the sheets Sheet1, 其他 other)']);
  });

  it('values the schema or the cross-references refuse, told at their cell, in one round with the cells refused', async () => {
    const lines = await importBad(write('refs.csv', csvForm([{ 部门: 'no-such-department' }, { 系统标识: 'rsj-filing-test-2', 分类: '保留' }])));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^refs\\.csv: row 2, column ${col('部门')} \\(部门 department\\): .*no-such-department`));
    expect(lines[1]).toBe(`refs.csv: row 3, column ${col('分类')} (分类 class): expected one of: 淘汰 retire, 替代 replace, 继续使用 keep`);
  });

  it('a refused cell is not reported again by the model checks (a refused id is not also "missing")', async () => {
    const lines = await importBad(write('bad-id.csv', csvForm([{ 系统标识: 'Not An Id' }])));
    expect(lines).toEqual([`bad-id.csv: row 2, column A (系统标识 id): not an id: lower-case letters, digits and -, starting and ending with a letter or digit`]);
  });

  it('a duplicate system id, told at the second row', async () => {
    const lines = await importBad(write('dup.csv', csvForm([{}, {}])));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^dup\.csv: row 3, column A \(系统标识 id\): /);
  });

  it('a number where a number is not, with thousands separators refused', async () => {
    const headers = [...HEADERS, '投资额度（万元）'];
    const lines = await importBad(write('number.csv', csvForm([{ '投资额度（万元）': '1,234' }], headers)));
    expect(lines).toEqual([`number.csv: row 2, column N (投资额度（万元） funding.investment): not a number (digits, a decimal point; no thousands separators)`]);
  });

  it('a file that is not a spreadsheet', async () => {
    expect(await importBad(write('binary.csv', '\u0000\u0001PNG'))).toEqual(['binary.csv: not a spreadsheet: binary content (NUL bytes) — neither an XLSX workbook nor CSV text']);
    fs.writeFileSync(path.join(dir, 'latin1.csv'), Buffer.from([0x41, 0xff, 0xfe, 0x42]));
    expect(await importBad(path.join(dir, 'latin1.csv'))).toEqual(['latin1.csv: not a spreadsheet: neither an XLSX workbook nor UTF-8 CSV text (save the sheet as "CSV UTF-8")']);
    expect(await importBad(write('text.xlsx', 'just text'))).toEqual(['text.xlsx: not an XLSX workbook (an .xlsx file is a ZIP archive; this one is not)']);
    fs.writeFileSync(path.join(dir, 'old.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(await importBad(path.join(dir, 'old.xls'))).toEqual(['old.xls: an Excel 97-2003 (.xls) workbook is not read: save it as .xlsx (Excel 工作簿) or .csv (UTF-8)']);
    fs.writeFileSync(path.join(dir, 'zip.xlsx'), Buffer.from('PK\u0003\u0004 truncated', 'latin1'));
    expect(await importBad(path.join(dir, 'zip.xlsx'))).toEqual(['zip.xlsx: not a readable ZIP archive (no central directory; the file is truncated or not an XLSX workbook)']);
  });

  it('an unterminated quoted CSV field, at its line', async () => {
    expect(await importBad(write('quote.csv', csvForm([{}]) + '"open,'))).toEqual(['quote.csv:3: a quoted field is not closed (a " is missing)']);
  });

  it('a file over the input size limit, and a workbook that expands past it (a zip bomb)', async () => {
    // The small mini environment, so that its documents fit the small limit.
    const mini = ['--env', MINI_ENV_DIR];
    const big = write('big.csv', csvForm(Array.from({ length: 400 }, (_, i) => ({ 系统标识: `rsj-filing-${i}` }))));
    expect(await importBad(big, ...mini, '--max-input-size', '16KiB')).toEqual([`big.csv: file is too large (${fs.statSync(big).size} bytes; the limit is 16384 bytes, 16 KiB; see --max-input-size)`]);
    // Long, repetitive texts compress well: a small file that expands past 4 × 16 KiB.
    const bomb = await xlsxForm(path.join(dir, 'bomb.xlsx'), Array.from({ length: 100 }, (_, i) => ({ 功能: '测试'.repeat(200) + i })));
    expect(fs.statSync(bomb).size).toBeLessThan(16 * 1024);
    expect(await importBad(bomb, ...mini, '--max-input-size', '16KiB')).toEqual(['bomb.xlsx: the workbook expands to more than 65536 bytes (the limit for an expanded spreadsheet; see --max-input-size)']);
  });

  it('every cell problem of every row in one round (test/fixtures/filing/many-problems.csv)', async () => {
    fs.copyFileSync(path.join(PACKAGE_ROOT, 'test', 'fixtures', 'filing', 'many-problems.csv'), path.join(dir, 'many-problems.csv'));
    const lines = await importBad(path.join(dir, 'many-problems.csv'));
    expect(lines.map((l) => l.slice(0, l.indexOf('): ') + 1))).toEqual([
      'many-problems.csv: row 3, column A (系统标识 id)',
      'many-problems.csv: row 3, column I (审批时间 approval.date)',
      'many-problems.csv: row 3, column M (等保级别 mlps.level)',
      'many-problems.csv: row 4, column E (分类 class)',
      'many-problems.csv: row 4, column F (使用范围 scope.level)',
      'many-problems.csv: row 4, column N (接入平台 platforms)',
    ]);
    // The refused cells are described, never quoted.
    expect(lines.join('\n')).not.toMatch(/RSJ Bad Id|30\/06\/2018|保留|省级|2018-13-01/);
  });

  it('a sheet with more rows than are read', async () => {
    const file = await xlsxForm(path.join(dir, 'tall.xlsx'), [{}], (ws) => {
      ws.getCell('A100002').value = 'rsj-far-away';
    });
    expect(await importBad(file)).toEqual(['tall.xlsx: sheet 备案 filing, row 100001: the sheet has more than 100000 rows (at most 100000 are read)']);
  });

  it('a workbook part that lies about its expanded size', async () => {
    const file = await xlsxForm(path.join(dir, 'liar.xlsx'), [{}]);
    const bytes = fs.readFileSync(file);
    // Declare the sheet's part smaller than it is, in the central directory.
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const at = bytes.lastIndexOf(name);
    bytes.writeUInt32LE(10, at - 46 + 24);
    fs.writeFileSync(file, bytes);
    expect(await importBad(file)).toEqual(['liar.xlsx: part xl/worksheets/sheet1.xml expands past the size it declares (a zip bomb)']);
  });

  it('an existing --out without --force', async () => {
    write('exists.yaml', 'keep me\n');
    const r = await run(dir, 'import', 'filing', path.basename(write('ok.csv', csvForm([{}]))), '--out', 'exists.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('exists.yaml: exists; --force replaces it\n');
    expect(fs.readFileSync(path.join(dir, 'exists.yaml'), 'utf8')).toBe('keep me\n');
    expect((await run(dir, 'import', 'filing', 'ok.csv', '--out', 'exists.yaml', '--force')).code).toBe(0);
    expect(parse(fs.readFileSync(path.join(dir, 'exists.yaml'), 'utf8')).systems).toHaveLength(1);
  });

  it('writes into the --env folder when --out names the file there, but never over one of its documents', async () => {
    const envCopy = path.join(dir, 'env-copy');
    fs.cpSync(path.join(PACKAGE_ROOT, 'environments', 'production'), envCopy, { recursive: true });
    const inventory = fs.readFileSync(path.join(envCopy, 'inventory.yaml'), 'utf8');
    const form = path.basename(write('into-env.csv', csvForm([{}])));
    const ok = await run(dir, 'import', 'filing', form, '--env', 'env-copy', '--out', 'env-copy/filing-new.yaml');
    expect(ok.code, ok.stderr).toBe(0);
    expect(parse(fs.readFileSync(path.join(envCopy, 'filing-new.yaml'), 'utf8')).systems).toHaveLength(1);
    const refused = await run(dir, 'import', 'filing', form, '--env', 'env-copy', '--out', 'env-copy/inventory.yaml', '--force');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('env-copy/inventory.yaml: is an environment document; the import writes a systems: fragment to paste into inventory.yaml — choose another file name\n');
    expect(fs.readFileSync(path.join(envCopy, 'inventory.yaml'), 'utf8')).toBe(inventory);
  });

  it('usage errors', async () => {
    expect((await run(dir, 'import')).stderr).toMatch(/what to import/);
    expect((await run(dir, 'import', 'filling', 'x.csv', '--out', 'y.yaml')).stderr).toMatch(/did you mean filing/);
    expect((await run(dir, 'import', 'filing', 'x.csv')).stderr).toMatch(/--out FILE.yaml is required/);
  });
});
