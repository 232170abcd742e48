/**
 * The living plan after 2018 (issue #16): a system re-homed between two cloud centers is moved
 * twice — the loader accepts that story when it is consistent and refuses contradictions — and the
 * planning model treats the re-homing as a move (capacity after each wave, dependency order). A
 * system approved after the deadline gets its own deadlines (approval + grace).
 */
import { describe, expect, it } from 'vitest';
import { problemsAfter } from '../helpers/expect-problems';
import type { PatchOp } from '../helpers/patch';
import { buildMigrationView } from '../../checks/plan/plan';
import { addDays, deadlineFor } from '../../checks/plan/deadlines';
import { addSystem, addWave, keptSystem, miniEnv, ROOM, workload } from './mini';

const CP = { kind: 'cloud', center: 'corps-primary' };
const DIV8 = { kind: 'cloud', center: 'div-8' };
/** hrss-training-records (wave-1 → corps-primary, done in 2018) re-homed into div-8 in 2026. */
const rehome = (extra: Record<string, unknown> = {}, deadline = '2026-10-31', id = 'rehome-div-8'): PatchOp =>
  addWave(id, deadline, [{ system: 'hrss-training-records', from: CP, to: 'div-8', ...extra }], 'division-consolidation');
const messages = (ops: PatchOp[]): string[] => problemsAfter(ops).map((p) => `${p.path}: ${p.message}`);

describe('loader: a system moved twice', () => {
  it('accepts a re-homing in a later wave that starts where the first move ended', () => {
    expect(messages([rehome()])).toEqual([]);
  });

  it('accepts the re-homing written before the 2018 wave in migration.yaml: plan order is by deadline', () => {
    const ops: PatchOp[] = [{ op: 'add', doc: 'migration', path: '/waves/0', value: { id: 'rehome-div-8', name: '再迁移', kind: 'division-consolidation', deadline: '2026-10-31', moves: [{ system: 'hrss-training-records', from: CP, to: 'div-8' }] } }];
    expect(messages(ops)).toEqual([]);
  });

  it('refuses a second move that does not start where the first ended', () => {
    const out = messages([rehome({ from: ROOM })]);
    expect(out).toEqual([expect.stringMatching(/^\/waves\/1\/moves\/0\/from: system 'hrss-training-records' is moved twice, but this move does not start where its previous move \(\/waves\/0\/moves\/2, wave 'wave-1'\) took it/)]);
  });

  it('refuses two moves of one system in one wave', () => {
    const ops: PatchOp[] = [{ op: 'add', doc: 'migration', path: '/waves/0/moves/-', value: { system: 'hrss-training-records', from: CP, to: 'div-8' } }];
    expect(messages(ops)).toEqual(["/waves/0/moves/3/system: system 'hrss-training-records' is moved twice (first at /waves/0/moves/2), both in wave 'wave-1'"]);
  });

  it('refuses two moves in waves of the same deadline: their order is unknown', () => {
    expect(messages([rehome({}, '2018-03-31')])).toEqual([expect.stringContaining('moved twice in waves with the same deadline 2018-03-31')]);
  });

  it('refuses a move from a center into that same center', () => {
    const ops: PatchOp[] = [addWave('noop', '2026-10-31', [{ system: 'hrss-training-records', from: CP, to: 'corps-primary' }])];
    expect(messages(ops)).toEqual(["/waves/1/moves/0/to: system 'hrss-training-records' is moved from center 'corps-primary' into the same center"]);
  });
});

describe('planning model: a re-homing is a move', () => {
  it('moves the capacity from the old center to the new one after its wave, and keeps the first arrival', () => {
    // hrss-training-records given 3 × 1 core; level 2, so no DR instance. corps-primary holds 4 cores of others.
    const env = miniEnv([{ op: 'add', doc: 'inventory', path: '/systems/2/workload', value: workload(3, '1', '1Gi') }, rehome()]);
    const view = buildMigrationView(env, '2026-11-25');
    const at = (wave: number, center: string) => view.waves[wave].capacity.find((c) => c.center === center)!.cpu.committed;
    expect([at(0, 'corps-primary'), at(0, 'div-8')]).toEqual([7, 0]);
    expect([at(1, 'corps-primary'), at(1, 'div-8')]).toEqual([4, 3]);
    const s = view.systemById.get('hrss-training-records')!;
    expect(s.arrival).toBe(0);
    expect(s.moves.map((m) => [m.wave, m.rehoming, m.dueBy])).toEqual([
      ['wave-1', false, '2018-06-30'],
      ['rehome-div-8', true, undefined],
    ]);
  });

  it('names a dependency that reaches the cloud only after the re-homing', () => {
    const env = miniEnv([
      { op: 'add', doc: 'inventory', path: '/systems/2/dependencies/-', value: 'late-dependency' },
      addSystem(keptSystem('late-dependency', ROOM, { approval: { date: '2026-06-01' }, workload: workload(1, '1', '1Gi') })),
      rehome(),
      addWave('late', '2026-11-30', [{ system: 'late-dependency', from: ROOM, to: 'corps-primary' }]),
    ]);
    const move = buildMigrationView(env, '2026-09-01').systemById.get('hrss-training-records')!.moves[1];
    expect(move.laterDependencies).toEqual(['late-dependency']);
  });

  it('does not name a dependency that is on the cloud by the re-homing', () => {
    const move = buildMigrationView(miniEnv([rehome()]), '2026-09-01').systemById.get('hrss-training-records')!.moves[1];
    expect(move.laterDependencies).toBeUndefined();
  });
});

describe('deadlines of a system approved after the plan', () => {
  it('adds calendar days in UTC across a leap day and a year end', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', 180)).toBe('2026-08-28');
  });

  it("keeps the plan's date for a system approved before it, and gives approval + grace after it", () => {
    const policy = {};
    expect(deadlineFor({ approval: { date: '2017-05-01' } }, '2018-06-30', policy)).toBe('2018-06-30');
    expect(deadlineFor({ approval: { date: '2018-06-30' } }, '2018-06-30', policy)).toBe('2018-06-30');
    expect(deadlineFor({ approval: { date: '2018-07-01' } }, '2018-06-30', policy)).toBe('2018-12-28');
    expect(deadlineFor({ approval: { date: '2026-03-01' } }, '2018-06-30', { newSystemGraceDays: 30 })).toBe('2026-03-31');
    // No real approval date: the plan's date (INV-001 reports the missing date).
    expect(deadlineFor({ approval: { date: '2026-02-30' } }, '2018-06-30', policy)).toBe('2018-06-30');
  });

  it('gives the view grace end and connection deadline per system, the policy grace applied', () => {
    const env = miniEnv([
      addSystem(keptSystem('pension-query', CP, { approval: { date: '2026-03-01' } })),
      { op: 'add', doc: 'policy', path: '/newSystemGraceDays', value: 90 },
    ]);
    const view = buildMigrationView(env, '2026-11-25');
    const s = view.systemById.get('pension-query')!;
    expect([s.approvedOn, s.graceEnds, s.connectBy]).toEqual(['2026-03-01', '2026-05-30', '2026-05-30']);
    const old = view.systemById.get('hrss-social-insurance')!;
    expect([old.graceEnds, old.connectBy]).toEqual([undefined, '2018-06-30']);
  });
});
