import { describe, expect, it } from 'vitest';
import { MLPS_013 } from '../../../policies/mlps/mlps-013-offsite-replica';
import { MLPS_014 } from '../../../policies/mlps/mlps-014-hot-redundancy';
import { MLPS_015 } from '../../../policies/mlps/mlps-015-remote-active-dr';
import { MLPS_016 } from '../../../policies/mlps/mlps-016-center-level';
import { meta, miniEnv, run, withEnv, type TfResources } from './support';

const L3 = 'hrss-social-insurance'; // level 3, 20 GiB filed
const L4 = 'police-case-records'; // level 4

function primary(system: string): TfResources {
  return { kubernetes_namespace_v1: { [system]: { metadata: meta(system, undefined, { system, role: 'primary' }) } } };
}

function replica(system: string): TfResources {
  return { kubernetes_persistent_volume_claim_v1: { [`${system}-replica`]: { metadata: meta('replica', system, { system, role: 'dr', backup: 'replica' }), spec: {} } } };
}

function drWorkload(system: string, mode?: string, kind = 'kubernetes_deployment_v1'): TfResources {
  return { [kind]: { [`${system}-dr`]: { metadata: meta('app', system, { system, role: 'dr', ...(mode ? { 'dr-mode': mode } : {}) }), spec: { replicas: 1 } } } };
}

describe('MLPS-013 off-site real-time replica', () => {
  it('passes a replica in the DR center of another city', () => {
    expect(run(MLPS_013, { 'corps-primary': primary(L3), 'corps-dr-shihezi': replica(L3) })).toEqual([]);
  });
  it('reports a replica only in the same-city DR center, and no replica at all', () => {
    const same = run(MLPS_013, { 'corps-primary': primary(L3), 'corps-dr-urumqi': replica(L3) });
    expect(same).toHaveLength(1);
    expect(same[0].message.en).toContain('in a corps DR center in another city (candidates: corps-dr-shihezi)');
    expect(run(MLPS_013, { 'corps-primary': primary(L3) }).map((f) => f.system)).toEqual([L3]);
  });
  it('judges the city of the center where the system runs (a division center in 石河子 needs 乌鲁木齐)', () => {
    expect(run(MLPS_013, { 'div-8': primary(L3), 'corps-dr-shihezi': replica(L3) })).toHaveLength(1);
    expect(run(MLPS_013, { 'div-8': primary(L3), 'corps-dr-urumqi': replica(L3) })).toEqual([]);
  });
  it('skips stateless systems, level-2 systems and undeployed systems', () => {
    const stateless = 'shadow-web';
    expect(run(MLPS_013, { 'corps-primary': { ...primary(stateless), ...primary('hrss-training-records') } })).toEqual([]);
    expect(run(MLPS_013, { 'corps-dr-shihezi': replica(L3) })).toEqual([]);
  });
});

describe('MLPS-014 hot redundancy', () => {
  it('passes a warm or active DR workload in a corps DR center', () => {
    expect(run(MLPS_014, { 'corps-primary': primary(L3), 'corps-dr-urumqi': drWorkload(L3, 'warm') })).toEqual([]);
    expect(run(MLPS_014, { 'corps-primary': primary(L3), 'corps-dr-shihezi': drWorkload(L3, 'active', 'kubernetes_stateful_set') })).toEqual([]);
  });
  it('reports a cold or unlabelled standby, and one outside a corps DR center', () => {
    expect(run(MLPS_014, { 'corps-primary': primary(L3), 'corps-dr-urumqi': drWorkload(L3, 'cold') })).toHaveLength(1);
    expect(run(MLPS_014, { 'corps-primary': primary(L3), 'corps-dr-urumqi': drWorkload(L3) })).toHaveLength(1);
    const fs = run(MLPS_014, { 'corps-primary': primary(L3), 'div-8': drWorkload(L3, 'warm') });
    expect(fs).toHaveLength(1);
    expect(fs[0].resource?.address).toBe(`kubernetes_namespace_v1.${L3}`);
    expect(fs[0].message.en).toContain('(candidates: corps-dr-shihezi, corps-dr-urumqi)');
  });
  it('skips level-2 systems', () => {
    expect(run(MLPS_014, { 'corps-primary': primary('hrss-training-records') })).toEqual([]);
  });
});

describe('MLPS-015 remote active DR (level 4)', () => {
  it('passes an active instance in the remote DR center', () => {
    expect(run(MLPS_015, { 'corps-primary': primary(L4), 'corps-dr-shihezi': drWorkload(L4, 'active', 'kubernetes_stateful_set_v1') })).toEqual([]);
  });
  it('reports a warm instance in the remote center, or an active one in the same-city center', () => {
    expect(run(MLPS_015, { 'corps-primary': primary(L4), 'corps-dr-shihezi': drWorkload(L4, 'warm') })).toHaveLength(1);
    const fs = run(MLPS_015, { 'corps-primary': primary(L4), 'corps-dr-urumqi': drWorkload(L4, 'active') });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('corps-dr-shihezi');
  });
  it('does not apply to level 3', () => {
    expect(run(MLPS_015, { 'corps-primary': primary(L3) })).toEqual([]);
  });
});

describe('MLPS-016 a center never hosts a system above its level', () => {
  it('passes the mini environment and its systems in the level-4 corps centers', () => {
    expect(run(MLPS_016, { 'corps-primary': primary(L4), 'corps-dr-shihezi': drWorkload(L4, 'active') })).toEqual([]);
  });
  it('model part: reports the inventory location and a migration target in a lower-level center', () => {
    const env = withEnv(miniEnv(), (e) => ({
      inventory: { ...e.inventory, systems: e.inventory.systems.map((s) => (s.id === L4 ? { ...s, location: { kind: 'cloud' as const, center: 'div-8' } } : s)) },
      migration: { waves: e.migration.waves.map((w) => ({ ...w, moves: w.moves.map((m) => (m.system === L4 ? { ...m, to: 'div-8' } : m)) })) },
    }));
    const fs = run(MLPS_016, undefined, env);
    expect(fs.map((f) => `${f.doc}${f.path}`).sort()).toEqual(['inventory/systems/1/location/center', 'migration/waves/0/moves/1/to']);
    expect(fs[0].message.en).toContain('Level 4 system police-case-records');
  });
  it('configuration part: reports a level-4 system, or a resource labelled level 4, deployed in a level-3 center', () => {
    const fs = run(MLPS_016, { 'div-8': { ...primary(L4), ...drWorkload('shadow', 'warm', 'kubernetes_deployment') } });
    expect(fs).toHaveLength(1);
    expect(fs[0].system).toBe(L4);
    const labelled = { kubernetes_namespace_v1: { x: { metadata: meta('x', undefined, { system: 'shadow', 'mlps-level': '4' }) } } };
    expect(run(MLPS_016, { 'div-8': labelled }).map((f) => f.system)).toEqual(['shadow']);
  });
});

describe('MLPS-015 for a level-4 system running in the remote DR center itself', () => {
  it('asks for the active instance in a corps DR center of another city', () => {
    expect(run(MLPS_015, { 'corps-dr-shihezi': primary(L4), 'corps-dr-urumqi': drWorkload(L4, 'active') })).toEqual([]);
    const fs = run(MLPS_015, { 'corps-dr-shihezi': primary(L4) });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('remote corps DR center (candidates: corps-dr-urumqi)');
  });
});
