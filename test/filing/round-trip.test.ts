/**
 * `btyun lists` → `btyun import filing`: the shipped inventories come back unchanged — through the
 * XLSX workbook (systems and their data resources), and through filing.csv (everything but the
 * data resources, which a single CSV table does not carry).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { ENVIRONMENTS_DIR, loadEnvironment } from '../../checks/core/load';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { tmpFiles } from '../helpers/tmp-files';
import { run } from './run';

const { dir } = tmpFiles('btyun-round-trip-');

function byId(systems: readonly { id: string }[]): Map<string, unknown> {
  return new Map(systems.map((s) => [s.id, s]));
}

async function roundTrip(envName: string, format: 'xlsx' | 'csv'): Promise<{ before: Record<string, unknown>[]; after: Record<string, unknown>[] }> {
  const out = `${envName}-${format}`;
  const listed = await run(dir, 'lists', '--env', envName, '--format', format, '--out', out);
  expect(listed.code).toBe(0);
  const file = path.join(out, format === 'xlsx' ? 'lists.xlsx' : 'filing.csv');
  const imported = await run(dir, 'import', 'filing', file, '--env', envName, '--out', `${out}.yaml`, '--force');
  expect(imported.stderr).toMatch(/systems written/);
  expect(imported.code).toBe(0);
  const before = JSON.parse(JSON.stringify(loadEnvironment(envName).inventory.systems));
  const after = parse(fs.readFileSync(path.join(dir, `${out}.yaml`), 'utf8')).systems;
  return { before, after };
}

describe('lists → import filing', () => {
  for (const envName of ['production', 'baseline-2017']) {
    it(`${envName}: the XLSX round trip is lossless`, async () => {
      const { before, after } = await roundTrip(envName, 'xlsx');
      expect(after).toHaveLength(before.length);
      expect(byId(after as { id: string }[])).toEqual(byId(before as { id: string }[]));
    });
  }

  it('the YAML written loads as the inventory of an environment, through the real loader', async () => {
    await roundTrip('production', 'xlsx');
    const folder = path.join(dir, 'env-from-filing');
    fs.mkdirSync(folder);
    for (const doc of DOCUMENT_NAMES) fs.copyFileSync(path.join(ENVIRONMENTS_DIR, 'production', `${doc}.yaml`), path.join(folder, `${doc}.yaml`));
    const departments = stringify({ departments: JSON.parse(JSON.stringify(loadEnvironment('production').inventory.departments)) });
    fs.writeFileSync(path.join(folder, 'inventory.yaml'), departments + fs.readFileSync(path.join(dir, 'production-xlsx.yaml'), 'utf8'));
    const env = loadEnvironment(folder);
    expect(byId(env.inventory.systems)).toEqual(byId(loadEnvironment('production').inventory.systems));
  });

  it('production: the CSV round trip keeps everything but the data resources', async () => {
    const { before, after } = await roundTrip('production', 'csv');
    const withoutResources = before.map(({ dataResources: _, ...rest }) => rest);
    expect(byId(after as { id: string }[])).toEqual(byId(withoutResources as { id: string }[]));
  });
});
