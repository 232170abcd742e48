/**
 * docs/deploying.md "Add a division center" and "Add a system", followed literally on a copy of the
 * shipped production environment (issue #16): the doc's own yaml blocks are applied where the doc
 * says, then `btyun check` (synthesis + every rule) must pass — while the move is planned and once
 * it is done — without any completed 2018 wave being touched.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applyStep, recipeSteps, type RecipeStep } from './doc-recipes';

const ROOT = path.resolve(__dirname, '../..');
const AS_OF = '2026-11-25';
const STEPS = recipeSteps(fs.readFileSync(path.join(ROOT, 'docs/deploying.md'), 'utf8'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-recipes-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface CheckJson {
  findings: { ruleId: string; message: string }[];
  evaluated: Record<string, number>;
}

function btyun(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/btyun.js'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHECKPOINT_DISABLE: '1' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
}

async function check(dir: string): Promise<{ code: number; json: CheckJson; stderr: string }> {
  const r = await btyun(['check', '--env', dir, '--as-of', AS_OF, '--format', 'json']);
  return { code: r.code, json: JSON.parse(r.stdout) as CheckJson, stderr: r.stderr };
}

const waves = (dir: string): { id: string }[] => (parse(fs.readFileSync(path.join(dir, 'migration.yaml'), 'utf8')) as { waves: { id: string }[] }).waves;
const stepsOf = (recipe: string, phase: string): RecipeStep[] => STEPS.filter((s) => s.recipe === recipe && s.phase === phase);

function productionCopy(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(ROOT, 'environments/production'), dir, { recursive: true });
  return dir;
}

describe('docs/deploying.md recipes', () => {
  it('the doc holds both recipes, each with its planned and its done steps', () => {
    expect(stepsOf('division-center', 'plan').map((s) => `${s.op} ${s.file} ${s.target}`)).toEqual(['append topology.yaml centers', 'append migration.yaml waves']);
    expect(stepsOf('system', 'plan').map((s) => `${s.op} ${s.file} ${s.target}`)).toEqual(['append inventory.yaml systems', 'append migration.yaml waves']);
    expect(stepsOf('division-center', 'done')).toHaveLength(2);
    expect(stepsOf('system', 'done')).toHaveLength(2);
  });

  it.each([
    ['division-center', ['MIG-009'], 'div-9'],
    ['system', ['MIG-008', 'MIG-002'], 'rsj-pension-check'],
  ])('%s: every rule passes on production with the recipe applied, planned and then done; no completed wave is edited', async (recipe, judgedBy, added) => {
    const dir = productionCopy(recipe);
    const before = waves(dir);
    for (const step of stepsOf(recipe, 'plan')) applyStep(dir, step);
    expect(fs.readFileSync(path.join(dir, recipe === 'system' ? 'inventory.yaml' : 'topology.yaml'), 'utf8')).toContain(`id: ${added}`);

    const planned = await check(dir);
    expect(planned.stderr).toBe('');
    expect(planned.json.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(planned.code).toBe(0);
    // The new rules judged the recipe's additions (a pass that judged nothing proves nothing).
    for (const rule of judgedBy) expect(planned.json.evaluated[rule], rule).toBeGreaterThan(0);

    for (const step of stepsOf(recipe, 'done')) applyStep(dir, step);
    const done = await check(dir);
    expect(done.json.findings.map((f) => `${f.ruleId}: ${f.message}`)).toEqual([]);
    expect(done.code).toBe(0);

    const after = waves(dir);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
  });

  it('division-center: the migration plan counts the re-homing as a move (capacity leaves corps-primary for div-9)', async () => {
    const dir = productionCopy('division-center-capacity');
    for (const step of stepsOf('division-center', 'plan')) applyStep(dir, step);
    const r = await btyun(['migration', '--env', dir, '--as-of', AS_OF, '--format', 'json']);
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { waves: { id: string; capacity: { center: string; cpu: { committed: number } }[] }[] };
    const cpu = (wave: number, center: string): number => plan.waves[wave].capacity.find((c) => c.center === center)!.cpu.committed;
    const last = plan.waves.length - 1;
    expect(plan.waves[last].id).toBe('div-9-rehoming-2026');
    expect(cpu(last - 1, 'div-9')).toBe(0);
    expect(cpu(last, 'div-9')).toBeGreaterThan(0);
    expect(cpu(last - 1, 'corps-primary') - cpu(last, 'corps-primary')).toBeCloseTo(cpu(last, 'div-9'), 3);
  });

  it('a recipe that edited a completed wave instead would be refused: the same system moved twice in one 2018 wave', async () => {
    const dir = productionCopy('edit-2018');
    // wave-4 (2018-06-30), the last wave of the file, already moved div-9-agri-iot onto corps-primary.
    const extra = '      - system: div-9-agri-iot\n        from: { kind: cloud, center: corps-primary }\n        to: div-8\n';
    fs.appendFileSync(path.join(dir, 'migration.yaml'), extra);
    const r = await btyun(['validate', '--env', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/migration\.yaml:\d+:\d+: \/waves\/3\/moves\/\d+\/system: system 'div-9-agri-iot' is moved twice \(first at \/waves\/3\/moves\/\d+\), both in wave 'wave-4'/);
    expect(r.stderr).not.toContain('    at ');
  });
});
