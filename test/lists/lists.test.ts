/**
 * `btyun lists`: the three lists of the plan per department from the model (JSON), the CSV files
 * (UTF-8 with BOM) and the workbook, written into --out without clobbering what btyun did not
 * write, and the same bytes in any time zone or locale.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildLists } from '../../checks/app/lists/build';
import { parseCsv } from '../../checks/app/sheets';
import { loadEnvironment } from '../../checks/core/load';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { tmpFiles } from '../helpers/tmp-files';
import { run } from '../filing/run';

const { dir, write } = tmpFiles('btyun-lists-');
const production = loadEnvironment('production');
const baseline = loadEnvironment('baseline-2017');

describe('the lists, from the model', () => {
  it('list every system once in its department clean-up list, with its class consequence', () => {
    const lists = buildLists(production, '2026-12-01');
    const cleanup = lists.departments.flatMap((d) => d.cleanup);
    expect(cleanup.map((r) => r.system).sort()).toEqual(production.inventory.systems.map((s) => s.id).sort());
    for (const d of lists.departments) for (const r of d.cleanup) expect(r.department).toBe(d.id);
    const of = (id: string) => cleanup.find((r) => r.system === id)!;
    const replaced = production.inventory.systems.find((s) => s.class === 'replace')!;
    expect(of(replaced.id)).toMatchObject({ consequence: 'replace', platform: replaced.replacement!.platform, deadline: replaced.replacement!.deadline });
    const retired = production.inventory.systems.find((s) => s.class === 'retire')!;
    expect(of(retired.id).consequence).toBe('retire');
    expect(of(retired.id).deadline).toBeUndefined();
    const kept = production.inventory.systems.find((s) => s.class === 'keep' && s.classified !== true)!;
    expect(of(kept.id)).toMatchObject({ consequence: 'keep' });
    expect(of(kept.id).deadline! >= production.policy.deadlines.platformConnection).toBe(true);
    const classified = production.inventory.systems.find((s) => s.classified === true)!;
    expect(of(classified.id).consequence).toBe('keep-classified');
  });

  it('departments in code-point order of id', () => {
    const ids = buildLists(production, '2026-12-01').departments.map((d) => d.id);
    expect(ids).toEqual([...ids].sort());
  });

  it('list the connections to 大协同 and 大数据 a kept system needs, judged on the date', () => {
    const late = buildLists(production, '2026-12-01').departments.flatMap((d) => d.connections);
    const kept = production.inventory.systems.filter((s) => s.class === 'keep' && s.classified !== true);
    for (const s of kept) expect(late.filter((r) => r.system === s.id && r.required).map((r) => r.platform).sort()).toEqual(['dsj', 'dxt']);
    expect(late.every((r) => r.status === 'connected')).toBe(true);
    // Before the first connection date, every connection is still planned.
    const early = buildLists(production, '2017-01-01').departments.flatMap((d) => d.connections);
    expect(early.every((r) => r.status === 'planned')).toBe(true);
    // The 2017 silos lack connections: the list names them as missing.
    const silo = buildLists(baseline, '2018-07-01').departments.flatMap((d) => d.connections);
    expect(silo.some((r) => r.status === 'missing' && r.required && r.connectedOn === undefined)).toBe(true);
  });

  it('the catalogue holds every data resource with its owner and sharing type', () => {
    const catalogue = buildLists(production, '2026-12-01').departments.flatMap((d) => d.catalogue);
    const all = production.inventory.systems.flatMap((s) => (s.dataResources ?? []).map((r) => `${s.id}/${r.id}/${r.sharing}`));
    expect(catalogue.map((r) => `${r.system}/${r.id}/${r.sharing}`).sort()).toEqual(all.sort());
  });
});

describe('btyun lists', () => {
  it('prints JSON on stdout without --out', async () => {
    const r = await run(dir, 'lists', '--as-of', '2026-12-01');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.tool).toBe('btyun lists');
    expect(doc.departments).toEqual(JSON.parse(JSON.stringify(buildLists(production, '2026-12-01'))).departments);
  });

  it('writes the CSV files with a BOM, one per table, that read back', async () => {
    const r = await run(dir, 'lists', '--format', 'csv', '--out', 'csv', '--as-of', '2026-12-01');
    expect(r.code).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'csv')).sort()).toEqual(['catalogue.csv', 'cleanup.csv', 'connections.csv', 'filing.csv']);
    const cleanup = fs.readFileSync(path.join(dir, 'csv', 'cleanup.csv'), 'utf8');
    expect(cleanup.startsWith('\ufeff部门 department,')).toBe(true);
    const records = parseCsv(cleanup).records;
    expect(records).toHaveLength(production.inventory.systems.length + 1);
    expect(records.every((rec) => rec.fields.length === records[0].fields.length)).toBe(true);
  });

  it('writes one workbook with a sheet per list', async () => {
    expect((await run(dir, 'lists', '--format', 'xlsx', '--out', 'xlsx')).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(path.join(dir, 'xlsx', 'lists.xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['清理整合清单 cleanup', '接入平台清单 connections', '政务信息资源目录 catalogue', '备案 filing']);
    expect(wb.worksheets[3].rowCount).toBe(production.inventory.systems.length + 1);
  });

  it('replaces its own earlier output but never a file it did not write', async () => {
    expect((await run(dir, 'lists', '--format', 'csv', '--out', 'mine')).code).toBe(0);
    expect((await run(dir, 'lists', '--format', 'csv', '--out', 'mine')).code).toBe(0);
    write('theirs/cleanup.csv', 'my own notes\n');
    const r = await run(dir, 'lists', '--format', 'csv', '--out', 'theirs');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('theirs/cleanup.csv: cannot write: a file of this name exists and was not written by btyun; move it away or choose another --out\n');
    expect(fs.readFileSync(path.join(dir, 'theirs', 'cleanup.csv'), 'utf8')).toBe('my own notes\n');
    write('theirs-x/lists.xlsx', 'PK not ours');
    expect((await run(dir, 'lists', '--format', 'xlsx', '--out', 'theirs-x')).code).toBe(2);
  });

  it('--department gives one department its own lists and filing', async () => {
    const r = await run(dir, 'lists', '--department', 'rsj', '--format', 'csv', '--out', 'rsj');
    expect(r.code).toBe(0);
    const filing = parseCsv(fs.readFileSync(path.join(dir, 'rsj', 'filing.csv'), 'utf8')).records.slice(1);
    const mine = production.inventory.systems.filter((s) => s.department === 'rsj').map((s) => s.id);
    expect(filing.map((rec) => rec.fields[0])).toEqual(mine);
    const cleanup = parseCsv(fs.readFileSync(path.join(dir, 'rsj', 'cleanup.csv'), 'utf8')).records.slice(1);
    expect(new Set(cleanup.map((rec) => rec.fields[0]))).toEqual(new Set(['rsj']));
    expect((await run(dir, 'lists', '--department', 'rsx')).stderr).toMatch(/no department 'rsx' in production \(did you mean rsj\?\)/);
  });

  it('refuses bad usage', async () => {
    expect((await run(dir, 'lists', '--format', 'csv')).stderr).toMatch(/give --out DIR/);
    expect((await run(dir, 'lists', '--format', 'pdf')).code).toBe(2);
    write('a-file', 'x');
    expect((await run(dir, 'lists', '--out', 'a-file')).stderr).toBe('a-file: cannot write: --out must be a folder\n');
    expect((await run(dir, 'lists', '--out', 'no/such/parent')).code).toBe(2);
  });

  it('gives the same bytes in any time zone and locale (the built CLI)', () => {
    const outputs = ['UTC|C', 'Pacific/Kiritimati|da_DK.UTF-8'].map((v, i) => {
      const [tz, lang] = v.split('|');
      const out = path.join(dir, `tz-${i}`);
      const r = spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'btyun.js'), 'lists', '--format', 'xlsx', '--out', out, '--as-of', '2026-12-01'], { env: { ...process.env, TZ: tz, LANG: lang, LC_ALL: lang }, encoding: 'utf8' });
      expect(r.status).toBe(0);
      return fs.readFileSync(path.join(out, 'lists.xlsx'));
    });
    expect(outputs[0].equals(outputs[1])).toBe(true);
  });
});
