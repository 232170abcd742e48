import { describe, expect, it } from 'vitest';
import { placementOf } from '../../checks/plan/placement';
import { drPlanOf } from '../../checks/plan/dr-placement';
import { deploymentsIn } from '../../checks/plan/center-plan';
import type { Center, Environment, InfoSystem } from '../../checks/core/types';
import { richEnv } from './fixture-env';

const env = richEnv();
const system = (id: string): InfoSystem => {
  const s = env.inventory.systems.find((x) => x.id === id);
  if (!s) throw new Error(`no system ${id} in the fixture`);
  return s;
};
const center = (e: Environment, id: string): Center => {
  const c = e.topology.centers.find((x) => x.id === id);
  if (!c) throw new Error(`no center ${id}`);
  return c;
};
const placedAt = (id: string, asOf = '2018-07-01') => {
  const p = placementOf(env, system(id), { asOf });
  return p.deployed ? p.center.id : `not deployed: ${p.reason}`;
};

describe('placementOf (where a system runs)', () => {
  it('keeps a cloud system in its center and moves a migrating one to its target', () => {
    expect(placedAt('hrss-social-insurance')).toBe('corps-primary');
    expect(placedAt('div8-farm-subsidy')).toBe('div-8');
  });
  it('never places a retired or a classified system', () => {
    expect(placedAt('hrss-legacy-payroll')).toBe('not deployed: retired');
    expect(placedAt('jiyao-doc-exchange')).toBe('not deployed: classified');
  });
  it('keeps a replaced system up to its deadline (inclusive) and drops it after', () => {
    expect(placedAt('hrss-legacy-reporting', '2018-06-30')).toBe('corps-primary');
    expect(placedAt('hrss-legacy-reporting', '2018-07-01')).toBe('not deployed: replaced');
  });
  it('puts a vertical system at corps level even when its move targets a division center', () => {
    const p = placementOf(env, system('police-traffic'), { asOf: '2018-07-01' });
    expect(p.deployed && p.center.id).toBe('corps-primary');
    expect(p.deployed && p.via).toBe('vertical');
  });
  it('does not place an unclassified system or one with no cloud location and no move', () => {
    const unclassified: InfoSystem = { ...system('hrss-social-insurance'), class: undefined };
    expect(placementOf(env, unclassified)).toEqual({ deployed: false, reason: 'unclassified' });
    const inRoom: InfoSystem = { id: 'x', department: 'hrss', class: 'keep', location: { kind: 'department-room' } };
    expect(placementOf(env, inRoom)).toEqual({ deployed: false, reason: 'not-on-cloud' });
  });
});

describe('drPlanOf (DR by MLPS level)', () => {
  const primary = center(env, 'corps-primary');
  it('levels 1–2: local backup only', () => {
    expect(drPlanOf(env, primary, 1, true)).toEqual({ replica: false });
    expect(drPlanOf(env, primary, 2, true)).toEqual({ replica: false });
  });
  it('level 3: warm standby + replica in a DR center in another city', () => {
    const plan = drPlanOf(env, primary, 3, true);
    expect(plan.center?.id).toBe('corps-dr-shihezi');
    expect(plan.center?.city).not.toBe(primary.city);
    expect(plan).toMatchObject({ mode: 'warm', replica: true });
    expect(drPlanOf(env, primary, 3, false).replica).toBe(false);
  });
  it("level 3 on a division center: its drTarget in the same city is skipped for the other corps DR center", () => {
    const div8 = center(env, 'div-8');
    expect(center(env, div8.drTarget ?? '').city).toBe(div8.city);
    const plan = drPlanOf(env, div8, 3, true);
    expect(plan.center?.id).toBe('corps-dr-urumqi');
  });
  it('level 3 on a division center: its drTarget is used when it is in another city', () => {
    const moved: Environment = {
      ...env,
      topology: { ...env.topology, centers: env.topology.centers.map((c) => (c.id === 'div-8' ? { ...c, city: '五家渠市' } : c)) },
    };
    expect(drPlanOf(moved, center(moved, 'div-8'), 3, true).center?.id).toBe('corps-dr-shihezi');
  });
  it('level 4: active instance in the remote DR center (city other than the corps primary)', () => {
    const plan = drPlanOf(env, primary, 4, true);
    expect(plan).toMatchObject({ mode: 'active', replica: true });
    expect(plan.center?.id).toBe('corps-dr-shihezi');
  });
  it('never picks a DR center below the system level', () => {
    const weak: Environment = {
      ...env,
      topology: { ...env.topology, centers: env.topology.centers.map((c) => (c.role === 'corps-dr' ? { ...c, mlpsLevel: 3 as const } : c)) },
    };
    const plan = drPlanOf(weak, center(weak, 'corps-primary'), 4, true);
    expect(plan.center).toBeUndefined();
    expect(plan.note).toMatch(/level 4/);
  });
});

describe('deploymentsIn (what a center runs)', () => {
  it('lists primaries and DR instances of other centers', () => {
    const shihezi = deploymentsIn(env, 'corps-dr-shihezi', '2018-07-01').map((d) => `${d.system.id}:${d.role}:${d.drMode}:${d.replicas}`);
    expect(shihezi).toEqual(['hrss-social-insurance:dr:warm:2', 'police-case-records:dr:active:3', 'police-traffic:dr:warm:2']);
    const urumqi = deploymentsIn(env, 'corps-dr-urumqi', '2018-07-01').map((d) => `${d.system.id}:${d.role}:${d.drMode}`);
    expect(urumqi).toEqual(['div8-farm-subsidy:dr:warm']);
  });
  it('raises replicas to 2 at level 3', () => {
    const d = deploymentsIn(env, 'div-8', '2018-07-01').find((x) => x.system.id === 'div8-farm-subsidy');
    expect(d?.replicas).toBe(2);
  });
});
