/**
 * `btyun scorecard` formats (text, json, markdown, csv, xlsx) and `scorecardSection`, the HTML
 * fragment for the report: self-contained, no script, `sc-` classes, input escaped, same bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { computeScorecard, scorecardSection } from '../../checks/app/scorecard';
import { parseCsv } from '../../checks/app/sheets';
import { loadEnvironment } from '../../checks/core/load';
import { loadPatchedMiniEnv } from '../helpers/mini-env';
import { tmpFiles } from '../helpers/tmp-files';
import { run } from '../filing/run';

const { dir } = tmpFiles('btyun-scorecard-');
const AS_OF = ['--as-of', '2018-07-01'];

describe('btyun scorecard', () => {
  it('json is the computed scorecard', async () => {
    const r = await run(dir, 'scorecard', '--env', 'baseline-2017', '--by', 'division', '--format', 'json', ...AS_OF);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const { tool, version, ...card } = doc;
    expect(tool).toBe('btyun scorecard');
    expect(typeof version).toBe('string');
    expect(card).toEqual(JSON.parse(JSON.stringify(computeScorecard(loadEnvironment('baseline-2017'), 'division', '2018-07-01'))));
  });

  it('text, markdown and csv carry one row per unit and the total', async () => {
    const departments = loadEnvironment('production').inventory.departments.length;
    const text = (await run(dir, 'scorecard', ...AS_OF)).stdout.split('\n');
    expect(text[0]).toBe('评估 scorecard — production, as of 2018-07-01, by department');
    expect(text.filter((l) => /^total\s/.test(l))).toHaveLength(1);
    const md = (await run(dir, 'scorecard', '--format', 'markdown', ...AS_OF)).stdout;
    // The header, the separator, one row per department, the total.
    expect(md.split('\n').filter((l) => l.startsWith('| '))).toHaveLength(departments + 3);
    const csv = (await run(dir, 'scorecard', '--format', 'csv', ...AS_OF)).stdout;
    expect(csv.startsWith('\ufeff部门 department,')).toBe(true);
    expect(parseCsv(csv).records).toHaveLength(departments + 2);
  });

  it('xlsx is written to --output, and needs it', async () => {
    expect((await run(dir, 'scorecard', '--format', 'xlsx')).stderr).toMatch(/give --output FILE.xlsx/);
    expect((await run(dir, 'scorecard', '--format', 'xlsx', '--output', 'card.xlsx', ...AS_OF)).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, 'card.xlsx')) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getCell('C2').value).toEqual(expect.any(Number)); // counts stay numbers
  });

  it('refuses a bad --by or --format with a did-you-mean', async () => {
    const by = await run(dir, 'scorecard', '--by', 'divison');
    expect(by.code).toBe(2);
    expect(by.stderr).toMatch(/did you mean division/);
    expect((await run(dir, 'scorecard', '--format', 'html')).code).toBe(2);
  });
});

describe('scorecardSection', () => {
  const env = loadPatchedMiniEnv([{ op: 'replace', doc: 'inventory', path: '/departments/0/name', value: '人社局 <script>alert(1)</script> & "x"' }]);
  const card = computeScorecard(env, 'department', '2018-07-01');
  const html = scorecardSection(card);

  it('is a self-contained fragment: a table, an inline SVG, its own sc- styles, no script', () => {
    expect(html.startsWith('<section class="sc-section"')).toBe(true);
    expect(html).toContain('<table class="sc-table">');
    expect(html).toContain('<svg class="sc-chart"');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(href|src)=/);
    const classes = [...html.matchAll(/class="([^"]+)"/g)].flatMap((m) => m[1].split(' '));
    expect(classes.every((c) => c.startsWith('sc-'))).toBe(true);
    for (const rule of html.match(/<style>([\s\S]*?)<\/style>/)![1].trim().split('\n')) expect(rule.startsWith('.sc-')).toBe(true);
  });

  it('escapes input text', () => {
    expect(html).toContain('人社局 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
  });

  it('draws one bar per unit with a rate, as wide as the rate', () => {
    const withRate = card.rows.filter((r) => r.connectionRate !== null);
    const bars = [...html.matchAll(/<rect x="\d+" y="\d+" width="(\d+)" height="\d+" fill="#2e7d32"\/>/g)].map((m) => Number(m[1]));
    expect(bars).toEqual(withRate.map((r) => Math.round(r.connectionRate! * 300)));
  });

  it('gives the same bytes for the same scorecard', () => {
    expect(scorecardSection(computeScorecard(env, 'department', '2018-07-01'))).toBe(html);
  });
});
