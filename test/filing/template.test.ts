/** The shipped blank form is what scripts/filing-template.js writes; the shipped example imports. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import ExcelJS from 'exceljs';
import { filingTemplate } from '../../checks/app/filing/template';
import { header, RESOURCE_FIELDS, SYSTEM_FIELDS } from '../../checks/app/filing/fields';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { tmpFiles } from '../helpers/tmp-files';
import { run } from './run';

const { dir } = tmpFiles('btyun-template-');
const TEMPLATE = path.join(PACKAGE_ROOT, 'docs', 'filing-template.xlsx');

describe('docs/filing-template.xlsx', () => {
  it('is byte for byte what the generator writes (regenerate: node scripts/filing-template.js)', async () => {
    const generated = await filingTemplate();
    expect(generated.equals(fs.readFileSync(TEMPLATE))).toBe(true);
  });

  it('has the header of every field on its two sheets, and a notes sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(TEMPLATE) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['备案 filing', '政务信息资源目录 catalogue', '说明 notes']);
    const row1 = (i: number): unknown[] => (wb.worksheets[i].getRow(1).values as unknown[]).slice(1);
    expect(row1(0)).toEqual(SYSTEM_FIELDS.map(header));
    expect(row1(1)).toEqual(RESOURCE_FIELDS.map(header));
    expect(wb.worksheets[2].rowCount).toBe(1 + SYSTEM_FIELDS.length + RESOURCE_FIELDS.length);
  });

  it('has a column for every field of a system in the inventory schema (a new model field needs one)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'environments', 'schemas', 'inventory.schema.json'), 'utf8'));
    const defs = schema.$defs;
    const leaves = (node: { $ref?: string; type?: string; properties?: Record<string, unknown> }, prefix: string): string[] => {
      const n = node.$ref ? defs[node.$ref.replace('#/$defs/', '')] : node;
      if (n.type !== 'object' || !n.properties) return [prefix];
      return Object.entries(n.properties).flatMap(([k, v]) => leaves(v as never, prefix ? `${prefix}.${k}` : k));
    };
    const systemPaths = leaves(defs.system, '').filter((p) => p !== 'dataResources');
    expect(systemPaths.filter((p) => !SYSTEM_FIELDS.some((f) => f.path === p)).sort()).toEqual([]);
    const resourcePaths = leaves(defs.dataResource, '');
    expect(resourcePaths.filter((p) => !RESOURCE_FIELDS.some((f) => f.path === p))).toEqual([]);
  });

  it('headers are unique in Chinese and in English', () => {
    for (const fields of [SYSTEM_FIELDS, RESOURCE_FIELDS]) {
      expect(new Set(fields.map((f) => f.zh)).size).toBe(fields.length);
      expect(new Set(fields.map((f) => f.path)).size).toBe(fields.length);
    }
  });

  it('blank, it imports as a form without systems: exit 2 naming row 2', async () => {
    const r = await run(dir, 'import', 'filing', TEMPLATE, '--out', 'blank.yaml');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/: sheet 备案 filing, row 2: no system/);
  });
});

describe('docs/filing-example.csv', () => {
  it('imports into production: Chinese headers and values, year-first and full-width dates', async () => {
    const r = await run(dir, 'import', 'filing', path.join(PACKAGE_ROOT, 'docs', 'filing-example.csv'), '--out', 'example.yaml');
    expect(r.stderr).toMatch(/2 systems written/);
    expect(r.code).toBe(0);
    const systems = parse(fs.readFileSync(path.join(dir, 'example.yaml'), 'utf8')).systems;
    expect(systems.map((s: { id: string; class: string }) => [s.id, s.class])).toEqual([
      ['rsj-skills-training', 'keep'],
      ['rsj-labour-arbitration-old', 'retire'],
    ]);
    expect(systems[0].approval.date).toBe('2016-05-18');
    expect(systems[1].approval.date).toBe('2011-03-02');
    expect(systems[0].platforms).toEqual([
      { platform: 'dxt', connectedOn: '2018-05-20' },
      { platform: 'dsj', connectedOn: '2018-05-20' },
    ]);
  });
});
