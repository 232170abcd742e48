/**
 * `btyun gen`: deterministic (same seed → same bytes), valid (the loader accepts it), spread over
 * every center and MLPS levels 2–4, with acyclic dependencies, moves inside the deadlines and
 * capacities that fit; and it never overwrites a folder it did not write.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateEnvironment } from '../../checks/app/gen/generate';
import { MARKER_FILE, schemaLine } from '../../checks/app/gen/write';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { loadEnvironment } from '../../checks/core/load';
import { cpuMillicores } from '../../checks/plan/quantity';
import { cli, readDocuments, tempDir } from './support';

const work = tempDir('btyun-gen-');
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('generateEnvironment', () => {
  it('gives byte-identical documents for the same seed, different ones for another seed', () => {
    const a = generateEnvironment({ systems: 60, seed: 11 });
    const b = generateEnvironment({ systems: 60, seed: 11 });
    const c = generateEnvironment({ systems: 60, seed: 12 });
    expect(a).toEqual(b);
    expect(c.inventory).not.toEqual(a.inventory);
    expect(c.migration).not.toEqual(a.migration);
  });

  it('refuses fewer systems than centers, and a center count outside 3..17', () => {
    expect(() => generateEnvironment({ systems: 5, seed: 1 })).toThrow(/--systems must be an integer from 17/);
    expect(() => generateEnvironment({ systems: 50, seed: 1, centers: 2 })).toThrow(/--centers/);
    expect(() => generateEnvironment({ systems: 50, seed: 1, centers: 18 })).toThrow(/--centers/);
  });
});

describe('btyun gen', () => {
  it('writes the same bytes twice for one seed, and an environment the loader accepts', async () => {
    const first = await cli(['gen', '--systems', '120', '--seed', '5', '--out', 'one'], work);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain('120 systems over 17 centers');
    await cli(['gen', '--systems', '120', '--seed', '5', '--out', 'two'], work);
    expect(readDocuments(path.join(work, 'two'))).toEqual(readDocuments(path.join(work, 'one')));
    await cli(['gen', '--systems', '120', '--seed', '6', '--out', 'three'], work);
    expect(readDocuments(path.join(work, 'three')).inventory).not.toEqual(readDocuments(path.join(work, 'one')).inventory);

    const env = loadEnvironment(path.join(work, 'one'), { cwd: work });
    const systems = env.inventory.systems;
    expect(systems).toHaveLength(120);
    expect(env.topology.centers).toHaveLength(17);

    // Every center hosts systems; levels 2, 3 and 4 all appear; level 4 only in a level-4 center.
    const used = new Set(systems.map((s) => s.location.center));
    expect([...used].sort()).toEqual(env.topology.centers.map((c) => c.id).sort());
    expect(new Set(systems.map((s) => s.mlps?.level))).toEqual(new Set([2, 3, 4]));
    const centerLevel = new Map(env.topology.centers.map((c) => [c.id, c.mlpsLevel]));
    for (const s of systems) expect(s.mlps!.level).toBeLessThanOrEqual(centerLevel.get(s.location.center!)!);

    // Dependencies point only at earlier systems: acyclic by construction.
    const position = new Map(systems.map((s, i) => [s.id, i]));
    const deps = systems.flatMap((s, i) => (s.dependencies ?? []).map((d) => [i, position.get(d)] as const));
    expect(deps.length).toBeGreaterThan(0);
    for (const [from, to] of deps) expect(to).toBeLessThan(from);

    // Every system moves exactly once, done inside its wave and before the plan's deadline.
    const moves = env.migration.waves.flatMap((w) => w.moves.map((m) => ({ ...m, wave: w })));
    expect(moves.map((m) => m.system).sort()).toEqual(systems.map((s) => s.id).sort());
    for (const m of moves) {
      expect(m.wave.deadline <= '2018-06-30').toBe(true);
      expect(m.done && m.doneOn! <= m.wave.deadline && m.doneOn! >= m.wave.start!).toBe(true);
    }
    for (const s of systems) expect(s.platforms?.map((p) => p.platform)).toEqual(expect.arrayContaining(['dxt', 'dsj']));

    // Capacity fits: primary CPU requests of each center stay under capacity less headroom.
    for (const c of env.topology.centers) {
      const cpu = systems.filter((s) => s.location.center === c.id).reduce((sum, s) => sum + s.workload!.replicas * cpuMillicores(s.workload!.resources.requests.cpu)!, 0);
      expect(cpu / 1000).toBeLessThanOrEqual(c.capacity.cpu * (1 - env.policy.headroom));
    }
  });

  it('starts every document with the editor schema line pointing at the package schema', async () => {
    expect((await cli(['gen', '--systems', '20', '--seed', '4', '--out', path.join('deep', 'er', 'schema-line')], work)).code).toBe(0);
    const dir = path.join(work, 'deep', 'er', 'schema-line');
    for (const doc of DOCUMENT_NAMES) {
      const first = fs.readFileSync(path.join(dir, `${doc}.yaml`), 'utf8').split('\n')[0];
      const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      expect(m, doc).not.toBeNull();
      expect(path.resolve(dir, m![1])).toBe(path.join(PACKAGE_ROOT, 'environments', 'schemas', `${doc}.schema.json`));
    }
    // Under environments/, the line the shipped environments have.
    expect(schemaLine(path.join(PACKAGE_ROOT, 'environments', 'staging'), 'inventory')).toBe('# yaml-language-server: $schema=../schemas/inventory.schema.json\n');
  });

  it('uses only the centers asked for', async () => {
    expect((await cli(['gen', '--systems', '30', '--seed', '1', '--centers', '5', '--out', 'five'], work)).code).toBe(0);
    const env = loadEnvironment(path.join(work, 'five'), { cwd: work });
    expect(env.topology.centers.map((c) => c.id)).toEqual(['corps-primary', 'corps-dr-local', 'corps-dr-remote', 'div-1', 'div-2']);
    expect(new Set(env.inventory.systems.map((s) => s.location.center)).size).toBe(5);
  });

  it('never overwrites a folder it did not write, and replaces one it did', async () => {
    const mine = path.join(work, 'mine');
    fs.mkdirSync(mine);
    fs.writeFileSync(path.join(mine, 'notes.txt'), 'keep me');
    const refused = await cli(['gen', '--systems', '20', '--seed', '1', '--out', 'mine'], work);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^mine: folder is not empty and was not written by btyun gen/);
    expect(fs.readdirSync(mine)).toEqual(['notes.txt']);

    expect((await cli(['gen', '--systems', '20', '--seed', '1', '--out', 'again'], work)).code).toBe(0);
    expect(fs.existsSync(path.join(work, 'again', MARKER_FILE))).toBe(true);
    expect((await cli(['gen', '--systems', '25', '--seed', '2', '--out', 'again'], work)).code).toBe(0);
    expect(loadEnvironment(path.join(work, 'again'), { cwd: work }).inventory.systems).toHaveLength(25);
    expect(fs.readdirSync(work).filter((f) => f.includes('.tmp-') || f.includes('.old-'))).toEqual([]);
  });

  it('rejects bad flags with exit 2 and one line', async () => {
    for (const argv of [['gen', '--seed', '1', '--out', 'x'], ['gen', '--systems', 'many', '--seed', '1', '--out', 'x'], ['gen', '--systems', '40', '--seed', '1', '--out', 'x', '--assessed-before', '2026-02-30']]) {
      const run = await cli(argv, work);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(fs.existsSync(path.join(work, 'x'))).toBe(false);
  });
});
