import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrationView, buildMigrationView } from '../../checks/plan/plan';
import { dependencyOrder } from '../../checks/plan/dependencies';
import type { CenterUsage } from '../../checks/plan/types';
import { MIG_003 } from '../../policies/mig/mig-003-dependency-order';
import { MIG_004 } from '../../policies/mig/mig-004-center-capacity';
import { MIG_005 } from '../../policies/mig/mig-005-overdue-waves';
import { addSystem, addWave, fixtureEnv, keptSystem, miniEnv, move, ROOM, runRule, workload } from './mini';

const FIXTURES = path.resolve(__dirname, '../rules');
const usage = (capacity: readonly CenterUsage[], center: string): CenterUsage => capacity.find((c) => c.center === center)!;

describe('planning model: capacity', () => {
  it('counts replicas × requests and storage of the systems a wave moves, in the target center', () => {
    const view = buildMigrationView(miniEnv(), '2018-07-01');
    // wave-1 moves 2 × (500m, 1Gi) + 3 × (1, 2Gi) + a system without workload; storage 20 + 50.
    expect(usage(view.baseline, 'corps-primary').cpu.committed).toBe(0);
    const after = usage(view.waves[0].capacity, 'corps-primary');
    expect(after.cpu).toEqual({ committed: 4, capacity: 512, limit: 409.6, left: 405.6, percent: 0.8, over: false });
    expect(after.memoryGiB.committed).toBe(8);
    expect(after.storageGiB.committed).toBe(70);
    expect(usage(view.waves[0].capacity, 'div-8').cpu.committed).toBe(0);
  });

  it('counts DR instances where the stacks put them: warm standby at level 3, active at level 4, with the data replica', () => {
    const view = buildMigrationView(miniEnv(), '2018-07-01');
    // The remote DR center (another city than 乌鲁木齐): level 3 hrss-social-insurance warm, 2 × (500m, 1Gi), 20 GiB;
    // level 4 police-case-records active, 3 × (1, 2Gi), 50 GiB; level 2 hrss-training-records none.
    const dr = usage(view.waves[0].capacity, 'corps-dr-shihezi');
    expect([dr.cpu.committed, dr.memoryGiB.committed, dr.storageGiB.committed]).toEqual([4, 8, 70]);
    expect(usage(view.waves[0].capacity, 'corps-dr-urumqi').cpu.committed).toBe(0);
  });

  it('overflows in the second wave, not the first, and reports it once, with numbers', () => {
    const env = fixtureEnv(path.join(FIXTURES, 'MIG-004/fail-overflow-in-second-wave'));
    const view = migrationView(env, '2018-07-01');
    expect(view.waves.map((w) => w.id)).toEqual(['wave-1', 'wave-2', 'wave-3']);
    const second = usage(view.waves[1].capacity, 'div-8');
    const third = usage(view.waves[2].capacity, 'div-8');
    expect([second.cpu.committed, second.cpu.over]).toEqual([8, false]);
    expect([third.cpu.committed, third.cpu.limit, third.cpu.over]).toEqual([108, 102.4, true]);
    expect([third.memoryGiB.committed, third.memoryGiB.over]).toEqual([80, false]);
    expect([third.storageGiB.committed, third.storageGiB.over]).toEqual([1100, false]);
    const findings = runRule(MIG_004, env, '2018-07-01');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ doc: 'migration', path: '/waves/2', center: 'div-8' });
    expect(findings[0].message.en).toContain('108 CPU cores of 128');
    expect(findings[0].message.en).toContain('102.4');
  });

  it('counts systems already on the cloud in the baseline, and a move between centers leaves the old one', () => {
    const env = miniEnv([
      addSystem(keptSystem('div8-portal', { kind: 'cloud', center: 'div-8' }, { workload: workload(2, '1500m', '3Gi', 10) })),
      addSystem(keptSystem('div8-archive', { kind: 'cloud', center: 'div-8' }, { workload: workload(1, '2', '1G') })),
      addWave('rebalance', '2018-06-01', [move('div8-archive', { kind: 'cloud', center: 'div-8' }, 'corps-dr-urumqi')]),
    ]);
    const view = buildMigrationView(env, '2018-07-01');
    const base = usage(view.baseline, 'div-8');
    expect(base.cpu.committed).toBe(5);
    expect(base.memoryGiB.committed).toBeCloseTo(6 + 1e9 / 1024 ** 3, 3);
    // Level 3 (the default) DR standbys of div-8 go to a corps DR center in another city than 石河子: 2 replicas each.
    expect(usage(view.baseline, 'corps-dr-urumqi').cpu.committed).toBe(7);
    const after = view.waves.find((w) => w.id === 'rebalance')!.capacity;
    expect(usage(after, 'div-8').cpu.committed).toBe(3);
    // div8-archive now runs in 乌鲁木齐 (2 cores) and keeps its standby in 石河子 (2 × 2 cores, beside wave-1's 4).
    expect(usage(after, 'corps-dr-urumqi').cpu.committed).toBe(5);
    expect(usage(after, 'corps-dr-shihezi').cpu.committed).toBe(8);
  });

  it('orders waves by deadline, then by their place in migration.yaml', () => {
    const env = miniEnv([addWave('late-listed-first', '2018-06-30', []), addWave('early', '2018-02-28', []), addWave('same-day', '2018-06-30', [])]);
    const view = buildMigrationView(env, '2018-07-01');
    expect(view.waves.map((w) => w.id)).toEqual(['early', 'wave-1', 'late-listed-first', 'same-day']);
    expect(view.waves.map((w) => w.pointer)).toEqual(['/waves/2', '/waves/0', '/waves/1', '/waves/3']);
  });
});

describe('planning model: dispositions and what is left', () => {
  it('knows retired, classified, on-cloud, replaced and to-move systems', () => {
    const env = miniEnv([
      addSystem(keptSystem('agri-subsidy', ROOM)),
      addSystem({ id: 'hrss-approvals', department: 'hrss', class: 'replace', replacement: { platform: 'dxt', deadline: '2018-05-31' }, location: ROOM }),
      addSystem({ id: 'hrss-late-replace', department: 'hrss', class: 'replace', replacement: { platform: 'dxt', deadline: '2019-05-31' }, location: ROOM }),
    ]);
    const view = buildMigrationView(env, '2018-07-01');
    const of = (id: string) => view.systemById.get(id)!.disposition;
    expect(of('hrss-legacy-payroll')).toBe('retire');
    expect(of('jiyao-doc-exchange')).toBe('classified');
    expect(of('hrss-social-insurance')).toBe('on-cloud');
    expect(of('hrss-approvals')).toBe('replace');
    expect(of('hrss-late-replace')).toBe('move');
    expect(of('agri-subsidy')).toBe('move');
  });
});

describe('planning model: dependency cycles (Tarjan)', () => {
  it('allows a cycle inside one wave', () => {
    const env = fixtureEnv(path.join(FIXTURES, 'MIG-003/pass-cycle-in-one-wave'));
    expect(dependencyOrder(migrationView(env, '2018-07-01'))).toEqual({ violations: [], cycles: [] });
  });

  it('reports a cycle across waves once, naming its members in dependency order', () => {
    const env = fixtureEnv(path.join(FIXTURES, 'MIG-003/fail-cycle-across-waves'));
    const order = dependencyOrder(migrationView(env, '2018-07-01'));
    expect(order.violations).toEqual([]); // the agri-land → agri-stats edge is part of the cycle
    expect(order.cycles).toEqual([
      { members: ['agri-land', 'agri-stats', 'agri-subsidy'], cycle: ['agri-land', 'agri-stats', 'agri-subsidy', 'agri-land'], waves: ['wave-2', 'wave-3'] },
    ]);
    const findings = runRule(MIG_003, env, '2018-07-01');
    expect(findings).toHaveLength(1);
    expect(findings[0].message.en).toContain('agri-land → agri-stats → agri-subsidy → agri-land');
  });

  it('reports a later dependency outside any cycle, and not a dependency already on the cloud', () => {
    const env = miniEnv([
      addSystem(keptSystem('a', ROOM, { dependencies: ['b', 'hrss-social-insurance'] })),
      addSystem(keptSystem('b', ROOM)),
      addWave('w2', '2018-05-01', [move('a', ROOM, 'corps-primary')]),
      addWave('w3', '2018-06-01', [move('b', ROOM, 'corps-primary')]),
    ]);
    const order = dependencyOrder(buildMigrationView(env, '2018-07-01'));
    expect(order.cycles).toEqual([]);
    expect(order.violations.map((v) => `${v.system.id}->${v.dependency.id}`)).toEqual(['a->b']);
  });
});

describe('planning model: overdue waves (MIG-005)', () => {
  const env = fixtureEnv(path.join(FIXTURES, 'MIG-005/fail-overdue'));
  it('is overdue the day after the deadline, listing the systems', () => {
    const findings = runRule(MIG_005, env, '2018-06-01');
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe('/waves/1');
    expect(findings[0].message.en).toContain('agri-subsidy, agri-land');
    expect(migrationView(env, '2018-06-01').waves[1].moves.every((m) => m.late)).toBe(true);
  });
  it('is not overdue the day before the deadline, nor on it', () => {
    expect(runRule(MIG_005, env, '2018-05-30')).toEqual([]);
    expect(runRule(MIG_005, env, '2018-05-31')).toEqual([]);
    expect(migrationView(env, '2018-05-31').waves[1].overdue).toBe(false);
  });
});
