/**
 * `btyun report --format html|csv|xlsx` in process (a `--tf` folder, so nothing is synthesized):
 * the matrix exports reach their file or stdout, bad usage is one line and exit 2, and the HTML
 * names every input file with the SHA-256 of its bytes.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../checks/app/cli/io';
import { runCli } from '../../checks/app/cli/main';
import { MATRIX_COLUMNS } from '../../checks/app/report/control-matrix';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { MINI_ENV_DIR } from '../helpers/mini-env';
import { tmpFiles } from '../helpers/tmp-files';

const { dir: tmp, write } = tmpFiles('btyun-report-cli-');
for (const d of DOCUMENT_NAMES) {
  fs.mkdirSync(path.join(tmp, 'env'), { recursive: true });
  fs.copyFileSync(path.join(MINI_ENV_DIR, `${d}.yaml`), path.join(tmp, 'env', `${d}.yaml`));
}
write('tf/main.tf', 'resource "kubernetes_namespace_v1" "ns" {\n  metadata {\n    name = "hrss-social-insurance"\n    labels = { "xjbt.gov.cn/system" = "hrss-social-insurance" }\n  }\n}\n');
const BASE = ['report', '--env', 'env', '--tf', 'tf', '--as-of', '2018-07-01', '--fail-on', 'none'];

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd: tmp };
  const code = await runCli(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('btyun report --format', () => {
  it('csv: the control matrix on stdout, BOM and header first', async () => {
    const r = await cli(...BASE, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.out.startsWith(`\ufeff${MATRIX_COLUMNS.join(',')}\r\n`)).toBe(true);
    expect(r.out).toContain('hrss-social-insurance,');
    // The report records coverage per system: a resource rule that judged nothing of the system is
    // 未涉及 (recorded), not 未记录; the namespace rule that judged it fails it.
    const hrss = r.out.split('\r\n').filter((l) => l.startsWith('hrss-social-insurance,'));
    expect(hrss.join('\n')).toContain('K8S-011 未涉及 not-judged');
    expect(hrss.find((l) => l.includes('MLPS-001 不符合 fail'))).toBeDefined();
    expect(hrss.some((l) => /K8S-0\d\d 未记录/.test(l))).toBe(false);
  });

  it('xlsx: a workbook at --output with the same rows as the CSV', async () => {
    const csv = await cli(...BASE, '--format', 'csv');
    const r = await cli(...BASE, '--format', 'xlsx', '--output', 'matrix.xlsx');
    expect(r.code).toBe(0);
    expect(r.err).toContain('wrote matrix.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(tmp, 'matrix.xlsx'));
    const rows = book.getWorksheet('控制矩阵 Matrix')!.rowCount;
    expect(rows).toBe(csv.out.split('\r\n').length - 1);
    expect(rows).toBeGreaterThan(1);
  });

  it('xlsx without --output, or an unknown format: one line, exit 2', async () => {
    const a = await cli(...BASE, '--format', 'xlsx');
    expect(a.code).toBe(2);
    expect(a.err.trim().split('\n')).toHaveLength(1);
    expect(a.err).toContain('--format xlsx needs --output FILE');
    const b = await cli(...BASE, '--format', 'pdf');
    expect(b.code).toBe(2);
    expect(b.err).toContain('--format must be one of html, csv, xlsx');
    expect(b.err).not.toMatch(/\bat .+\(.+:\d+:\d+\)/); // no stack trace
  });

  it('html: names every input file with the SHA-256 of its bytes', async () => {
    const r = await cli(...BASE, '--output', 'report.html');
    expect(r.code).toBe(0);
    const html = fs.readFileSync(path.join(tmp, 'report.html'), 'utf8');
    const sha = (f: string): string => createHash('sha256').update(fs.readFileSync(path.join(tmp, f))).digest('hex');
    for (const f of [...DOCUMENT_NAMES.map((d) => `env/${d}.yaml`), 'tf/main.tf']) expect(html).toContain(`<tr><td><code>${f}</code></td><td><code>${sha(f)}</code></td></tr>`);
    expect(html).toContain('--tf tf');
    expect(html).not.toContain(' · git <code>'); // a folder outside any repository has no commit to name
  });

  it('html: shows the plan scorecard (§三(三)) right after the capacity per center', async () => {
    const r = await cli(...BASE, '--output', 'report.html');
    expect(r.code).toBe(0);
    const html = fs.readFileSync(path.join(tmp, 'report.html'), 'utf8');
    const scorecard = html.indexOf('id="scorecard"');
    expect(scorecard).toBeGreaterThan(html.indexOf('id="capacity"'));
    expect(html.slice(scorecard)).toMatch(/系统联通率/);
    expect(html.slice(scorecard, scorecard + 20000)).toContain('<svg');
  });
});
