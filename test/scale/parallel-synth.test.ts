/**
 * Parallel synthesis (stacks/parallel/) writes exactly the bytes of serial synthesis, and a failing
 * worker becomes one clean error. Runs the compiled code (dist/, built by `npm test`), since worker
 * processes are forked from compiled JavaScript.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { cli, tempDir } from './support';
import { fakeRule } from '../engine/helpers';

const work = tempDir('btyun-parallel-');
const BTYUN = path.join(PACKAGE_ROOT, 'bin', 'btyun.js');
const AS_OF = '2026-11-01';
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await cli(['gen', '--systems', '40', '--seed', '9', '--out', 'env'], work)).code).toBe(0);
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `btyun synth` in a child process; asynchronous, so the test runner stays responsive. */
function synth(out: string, workers: string, extra: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BTYUN, 'synth', '--env', 'env', '--out', out, ...extra], {
      cwd: work,
      env: { ...process.env, BTYUN_SYNTH_WORKERS: workers },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Live child processes of this process (Linux /proc). */
function childrenOfThisProcess(): number[] {
  return fs.readdirSync(`/proc/${process.pid}/task`).flatMap((tid) => {
    const list = fs.readFileSync(`/proc/${process.pid}/task/${tid}/children`, 'utf8').trim();
    return list === '' ? [] : list.split(/\s+/).map(Number);
  });
}

/** Every file under `dir`, relative path → contents. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(dir, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

describe('parallel synth', () => {
  it('writes byte for byte what serial synthesis writes', async () => {
    const serial = await synth('serial', '1');
    const parallel = await synth('parallel', '3');
    expect(serial.status, serial.stderr).toBe(0);
    expect(parallel.status, parallel.stderr).toBe(0);
    expect(parallel.stdout.replaceAll('parallel/', 'serial/')).toEqual(serial.stdout);
    const a = tree(path.join(work, 'serial'));
    const b = tree(path.join(work, 'parallel'));
    expect(a.size).toBe(2 + 17); // manifest.json, btyun-synth.json + one cdk.tf.json per center
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [file, text] of a) expect(b.get(file), file).toBe(text);
    // No temporary or work folders are left behind.
    expect(fs.readdirSync(work).filter((f) => /\.(tmp|work|old)-/.test(f))).toEqual([]);
  });

  it('builds only the requested stacks', async () => {
    const run = await synth('some', '2', ['--stack', 'div-2', 'corps-dr-local']);
    expect(run.status, run.stderr).toBe(0);
    expect(fs.readdirSync(path.join(work, 'some', 'stacks')).sort()).toEqual(['corps-dr-local', 'div-2']);
    expect(fs.readFileSync(path.join(work, 'some', 'stacks', 'div-2', 'cdk.tf.json'), 'utf8')).toBe(fs.readFileSync(path.join(work, 'serial', 'stacks', 'div-2', 'cdk.tf.json'), 'utf8'));
  });

  it('synthesizes heavy stacks in parts, merged by the workers, to the same bytes (pool and in process)', async () => {
    const { synthEnvironmentParallel } = require(path.join(PACKAGE_ROOT, 'dist', 'stacks', 'parallel', 'pool.js')) as typeof import('../../stacks/parallel/pool');
    const { synthEnvironment, UNGATED_TEMPORARY_OUTPUT } = require(path.join(PACKAGE_ROOT, 'dist', 'stacks', 'synth.js')) as typeof import('../../stacks/synth');
    const { synthTasks } = require(path.join(PACKAGE_ROOT, 'dist', 'stacks', 'parallel', 'plan.js')) as typeof import('../../stacks/parallel/plan');
    const { loadEnvironment } = require(path.join(PACKAGE_ROOT, 'dist', 'checks', 'core', 'load.js')) as typeof import('../../checks/core/load');
    const env = loadEnvironment(path.join(work, 'env'), { cwd: work });
    // At most 2 deployments a part: the corps centers in several parts, some division centers too.
    const tasks = synthTasks(env, env.topology.centers.map((c) => c.id), AS_OF, 2);
    expect(new Set(tasks.filter((t) => t.part).map((t) => t.id)).size).toBeGreaterThan(3);
    expect(Math.max(...tasks.map((t) => t.part?.count ?? 1))).toBeGreaterThanOrEqual(3);
    // Count the merges (the parent files every one, whoever ran it), so a run that did not split fails.
    const { StackAssembly } = require(path.join(PACKAGE_ROOT, 'dist', 'stacks', 'parallel', 'stack-parts.js')) as typeof import('../../stacks/parallel/stack-parts');
    const merged: string[] = [];
    const original = StackAssembly.prototype.merged;
    StackAssembly.prototype.merged = function (this: InstanceType<typeof StackAssembly>, m) {
      merged.push(m.id);
      original.call(this, m);
    };
    const splitStacks = new Set(tasks.filter((t) => t.part).map((t) => t.id)).size;
    const options = { asOf: AS_OF, gate: UNGATED_TEMPORARY_OUTPUT };
    synthEnvironment(env, { ...options, outDir: path.join(work, 'whole') });
    expect(merged).toEqual([]);
    await synthEnvironmentParallel(env, { ...options, maxPartDeployments: 2, outDir: path.join(work, 'parts-pool'), workers: 2, source: { envDir: path.join(work, 'env'), cwd: work } });
    expect(merged.length).toBe(splitStacks);
    synthEnvironment(env, { ...options, maxPartDeployments: 2, outDir: path.join(work, 'parts-serial') });
    expect(merged.length).toBe(2 * splitStacks);
    StackAssembly.prototype.merged = original;
    const whole = tree(path.join(work, 'whole'));
    expect(whole.size).toBe(2 + 17);
    for (const dir of ['parts-pool', 'parts-serial']) {
      const parts = tree(path.join(work, dir));
      expect([...parts.keys()].sort(), dir).toEqual([...whole.keys()].sort());
      for (const [file, text] of whole) expect(parts.get(file), `${dir}/${file}`).toBe(text);
    }
    expect(fs.readdirSync(work).filter((f) => /\.(tmp|work|old)-/.test(f))).toEqual([]);
  });

  it('a partial synthesis through the pool builds the other centers in workers and judges every stack', async () => {
    const { gatedSynthesis } = require(path.join(PACKAGE_ROOT, 'dist', 'checks', 'app', 'gate', 'index.js')) as typeof import('../../checks/app/gate');
    const { synthEnvironment, UNGATED_TEMPORARY_OUTPUT } = require(path.join(PACKAGE_ROOT, 'dist', 'stacks', 'synth.js')) as typeof import('../../stacks/synth');
    const { loadEnvironment } = require(path.join(PACKAGE_ROOT, 'dist', 'checks', 'core', 'load.js')) as typeof import('../../checks/core/load');
    const env = loadEnvironment(path.join(work, 'env'), { cwd: work });
    const seen = new Set<string>();
    const SEEN = fakeRule('K8S-954', (ctx) => {
      for (const s of ctx.resources.stacks) seen.add(s);
      return [];
    }, 'info');
    // Count the worker processes forked, to tell the others were built there and not in this process.
    const before = new Set(childrenOfThisProcess());
    const forked = new Set<number>();
    const watch = setInterval(() => childrenOfThisProcess().forEach((c) => !before.has(c) && forked.add(c)), 10);
    await gatedSynthesis(env, { outDir: path.join(work, 'partial-pool'), stacks: ['div-2'], rules: [SEEN], asOf: AS_OF, log: () => undefined, parallel: { source: { envDir: path.join(work, 'env'), cwd: work }, workers: 2 } });
    clearInterval(watch);
    expect([...seen].sort()).toEqual(env.topology.centers.map((c) => c.id).sort());
    expect(forked.size).toBeGreaterThanOrEqual(3); // two for the other centers, one for div-2
    synthEnvironment(env, { outDir: path.join(work, 'partial-serial'), stacks: ['div-2'], asOf: AS_OF, gate: UNGATED_TEMPORARY_OUTPUT });
    const file = (dir: string) => fs.readFileSync(path.join(work, dir, 'stacks', 'div-2', 'cdk.tf.json'), 'utf8');
    expect(file('partial-pool')).toBe(file('partial-serial'));
    expect(fs.readdirSync(path.join(work, 'partial-pool', 'stacks'))).toEqual(['div-2']);
  });

  it('turns a failing worker into one clean error and keeps the previous output', async () => {
    // The compiled pool, handed a model one of whose stacks refuses to build (a system of an
    // unknown department): the refusal happens in a worker, and comes back with its source line.
    const { synthEnvironmentParallel } = require(path.join(PACKAGE_ROOT, 'dist', 'stacks', 'parallel', 'pool.js')) as typeof import('../../stacks/parallel/pool');
    const { UNGATED_TEMPORARY_OUTPUT } = require(path.join(PACKAGE_ROOT, 'dist', 'stacks', 'synth.js')) as typeof import('../../stacks/synth');
    const { loadEnvironment } = require(path.join(PACKAGE_ROOT, 'dist', 'checks', 'core', 'load.js')) as typeof import('../../checks/core/load');
    const loaded = loadEnvironment(path.join(work, 'env'), { cwd: work });
    const systems = loaded.inventory.systems.map((s, i) => (i === 3 ? { ...s, department: 'no-such-department' } : s));
    const env = { ...loaded, inventory: { ...loaded.inventory, systems } };
    const line = loaded.locate('inventory', '/systems/3')?.line;
    const before = tree(path.join(work, 'serial'));
    const failing = synthEnvironmentParallel(env, { outDir: path.join(work, 'serial'), asOf: AS_OF, gate: UNGATED_TEMPORARY_OUTPUT, workers: 2, source: { envDir: path.join(work, 'env'), cwd: work } });
    await expect(failing).rejects.toMatchObject({
      name: 'StackRefusal',
      problems: [expect.objectContaining({ file: 'env/inventory.yaml', path: '/systems/3', line, message: expect.stringContaining('department no-such-department is not in inventory.departments') })],
    });
    expect(tree(path.join(work, 'serial'))).toEqual(before);
    expect(fs.readdirSync(work).filter((f) => /\.(tmp|work|old)-/.test(f))).toEqual([]);
  });

  it('resolves only once its workers have exited and been reaped (so their CPU counts in the parent’s rusage)', async () => {
    const { synthEnvironmentParallel } = require(path.join(PACKAGE_ROOT, 'dist', 'stacks', 'parallel', 'pool.js')) as typeof import('../../stacks/parallel/pool');
    const { UNGATED_TEMPORARY_OUTPUT } = require(path.join(PACKAGE_ROOT, 'dist', 'stacks', 'synth.js')) as typeof import('../../stacks/synth');
    const { loadEnvironment } = require(path.join(PACKAGE_ROOT, 'dist', 'checks', 'core', 'load.js')) as typeof import('../../checks/core/load');
    const env = loadEnvironment(path.join(work, 'env'), { cwd: work });
    const before = childrenOfThisProcess();
    const seen = new Set<number>();
    const watch = setInterval(() => childrenOfThisProcess().forEach((c) => seen.add(c)), 20);
    await synthEnvironmentParallel(env, { outDir: path.join(work, 'reaped'), asOf: AS_OF, gate: UNGATED_TEMPORARY_OUTPUT, workers: 2, source: { envDir: path.join(work, 'env'), cwd: work } });
    clearInterval(watch);
    const workers = [...seen].filter((c) => !before.includes(c));
    expect(workers.length).toBeGreaterThan(0); // the pool did fork…
    expect(childrenOfThisProcess().filter((c) => workers.includes(c))).toEqual([]); // …and none is left
  });

  it('rejects a bad BTYUN_SYNTH_WORKERS with exit 2 and one line', async () => {
    const run = await synth('bad', 'many');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining("BTYUN_SYNTH_WORKERS 'many' is not a positive integer")]);
  });
});
