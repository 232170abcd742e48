/**
 * What the TOPO, NET, INV, MIG and EXC rules count as judged (`evaluate().evaluated`): the model
 * entries each rule looked at, so that `--format json` and the pass fixtures can tell a rule that
 * judged something from one that saw nothing.
 */
import { describe, expect, it } from 'vitest';
import { ALL_RULES, ruleById } from '../../../policies';
import { reviewPolicy } from '../../../checks/engine/effective-policy';
import type { Environment, InfoSystem } from '../../../checks/core/types';
import type { RuleContext } from '../../../checks/engine/types';
import { baseEnv, ctxOf, keptSystem, meta, resource } from './support/env';

function evaluated(id: string, ctx: RuleContext): number {
  const rule = ruleById(id);
  if (rule?.evaluate === undefined) throw new Error(`${id} is not made by defineRule / defineResourceRule`);
  return rule.evaluate(ctx).evaluated;
}

function withSystems(...systems: InfoSystem[]): Environment {
  const env = baseEnv();
  return { ...env, inventory: { ...env.inventory, systems: [...env.inventory.systems, ...systems] } };
}

describe('TOPO: centers', () => {
  it('TOPO-001 and TOPO-005 judge every center; TOPO-002 the primary and the corps DR centers; TOPO-003/004 division centers', () => {
    const ctx = ctxOf(baseEnv());
    expect(['TOPO-001', 'TOPO-002', 'TOPO-003', 'TOPO-004', 'TOPO-005'].map((id) => evaluated(id, ctx))).toEqual([4, 3, 1, 1, 4]);
  });
  it('TOPO-002 judges nothing without exactly one primary (TOPO-001 reports that)', () => {
    const env = baseEnv();
    const centers = env.topology.centers.filter((c) => c.role !== 'corps-primary');
    expect(evaluated('TOPO-002', ctxOf({ ...env, topology: { ...env.topology, centers } }))).toBe(0);
  });
});

describe('NET: networks, systems, resources', () => {
  it('NET-001 private networks, NET-003 links, NET-006 kept non-classified systems, NET-002 classified systems', () => {
    const env = withSystems(keptSystem('jiyao', { classified: true, zone: 'intranet', location: { kind: 'intranet' } }));
    const ctx = ctxOf(env);
    expect(evaluated('NET-001', ctx)).toBe(1);
    expect(evaluated('NET-002', ctx)).toBe(1);
    expect(evaluated('NET-003', ctx)).toBe(1);
    expect(evaluated('NET-006', ctx)).toBe(1);
    expect(evaluated('NET-002', ctxOf(baseEnv()))).toBe(0);
  });
  it('NET-004 is a resource rule: every Service, Ingress and NetworkPolicy, none without a configuration', () => {
    const resources = [
      resource('kubernetes_service_v1', 'corps-primary', { ...meta('svc', 'hrss-si'), spec: { type: 'ClusterIP' } }),
      resource('kubernetes_ingress_v1', 'corps-primary', meta('ing', 'hrss-si')),
      resource('kubernetes_network_policy_v1', 'corps-primary', { ...meta('np', 'hrss-si'), spec: {} }),
      resource('kubernetes_config_map_v1', 'corps-primary', meta('cm', 'hrss-si')),
    ];
    expect(ruleById('NET-004')?.kinds).toEqual(['service', 'ingress', 'network_policy']);
    expect(evaluated('NET-004', ctxOf(baseEnv(), { resources }))).toBe(3);
    expect(evaluated('NET-004', ctxOf(baseEnv(), { resources, hasConfiguration: false }))).toBe(0);
  });
  it('NET-005 judges every declared flow, then every NetworkPolicy of a zone', () => {
    const resources = [
      resource('kubernetes_namespace_v1', 'corps-primary', meta('hrss-si', undefined, { zone: 'extranet-dedicated' })),
      resource('kubernetes_network_policy_v1', 'corps-primary', { ...meta('zoned', 'hrss-si'), spec: {} }),
      resource('kubernetes_network_policy_v1', 'corps-primary', { ...meta('unzoned', 'nowhere'), spec: {} }),
    ];
    expect(evaluated('NET-005', ctxOf(baseEnv()))).toBe(2);
    expect(evaluated('NET-005', ctxOf(baseEnv(), { resources }))).toBe(3);
  });
});

describe('INV: systems and labelled resources', () => {
  const env = withSystems(
    keptSystem('old', { class: 'retire', funding: { omStatus: 'cancelled' } }),
    keptSystem('swap', { class: 'replace', replacement: { platform: 'dxt', deadline: '2018-12-31' } }),
    keptSystem('vertical', { scope: { level: 'corps', vertical: true } }),
  );
  it('INV-001/002 every system; INV-003 retired; INV-004 replaced; INV-005 kept; INV-006 not retired; INV-008 vertical', () => {
    const ctx = ctxOf(env);
    expect(['INV-001', 'INV-002', 'INV-003', 'INV-004', 'INV-005', 'INV-006', 'INV-008'].map((id) => evaluated(id, ctx))).toEqual([4, 4, 1, 1, 2, 3, 1]);
  });
  it('INV-007 judges every resource labelled with a system, and none without a configuration', () => {
    const resources = [
      resource('kubernetes_deployment_v1', 'corps-primary', meta('a', 'hrss-si', { system: 'hrss-si' })),
      resource('kubernetes_deployment_v1', 'corps-primary', meta('b', 'shadow', { system: 'shadow' })),
      resource('kubernetes_config_map_v1', 'corps-primary', meta('c', 'hrss-si')),
    ];
    expect(evaluated('INV-007', ctxOf(env, { resources }))).toBe(2);
    expect(evaluated('INV-007', ctxOf(env, { resources, hasConfiguration: false }))).toBe(0);
  });
});

describe('MIG: the migration plan', () => {
  const room = { kind: 'department-room' as const, site: '人社局机房' };
  const divisionRoom = { kind: 'division-room' as const, site: '师机房', division: 'div-6' };
  const env: Environment = {
    ...withSystems(
      keptSystem('moving', { location: room, dependencies: ['hrss-si'] }),
      keptSystem('div-6-app', { location: divisionRoom, scope: { level: 'division', divisions: ['div-6'] } }),
      keptSystem('jiyao', { classified: true, zone: 'intranet', location: { kind: 'intranet' } }),
    ),
    migration: {
      waves: [
        {
          id: 'wave-1',
          name: '第一批',
          kind: 'center-move',
          deadline: '2018-05-31',
          moves: [
            { system: 'moving', from: room, to: 'corps-primary' },
            { system: 'div-6-app', from: divisionRoom, to: 'corps-primary' },
          ],
        },
      ],
    },
  };
  it('MIG-001 systems to move or replace; MIG-002/005 waves; MIG-003 moving systems with dependencies; MIG-004 centers after each wave; MIG-007 moves of division systems', () => {
    const ctx = ctxOf(env);
    expect(['MIG-001', 'MIG-002', 'MIG-003', 'MIG-004', 'MIG-005', 'MIG-007'].map((id) => evaluated(id, ctx))).toEqual([2, 1, 1, 4, 1, 1]);
  });
  it('MIG-006 judges every filed, non-classified system in a machine room, before the deadline too', () => {
    expect(evaluated('MIG-006', ctxOf(env))).toBe(2);
    const before = ctxOf(env, { asOf: '2018-06-01' });
    expect(ruleById('MIG-006')!.evaluate!(before)).toEqual({ findings: [], evaluated: 2 });
  });
});

describe('EXC: exceptions and policy settings', () => {
  const suppression = { rule: 'K8S-017', target: { system: 'hrss-si' }, reason: '过渡期', approvedBy: '兵团网信办', expires: '2019-06-30' };
  const env = baseEnv();
  const policy = {
    ...env.policy,
    suppressions: [suppression, { ...suppression, expires: '2018-01-01' }],
    severityOverrides: { 'K8S-017': 'info' as const },
    policyExceptions: [{ setting: '/severityOverrides/K8S-017', value: 'info', reason: '过渡期', approvedBy: '兵团网信办', expires: '2019-06-30' }],
  };
  const withPolicy: Environment = { ...env, policy };
  const review = reviewPolicy(policy, '2018-07-01', ALL_RULES);
  const packs = new Set(ALL_RULES.map((r) => r.pack)).size;

  it('EXC-001 judges every suppression', () => {
    expect(evaluated('EXC-001', ctxOf(withPolicy))).toBe(2);
  });
  it('EXC-002 examines every suppression when it has the prior findings, and every policy exception when the policy was reviewed', () => {
    expect(evaluated('EXC-002', ctxOf(withPolicy))).toBe(0);
    expect(evaluated('EXC-002', { ...ctxOf(withPolicy), policyReview: review })).toBe(1);
    expect(evaluated('EXC-002', { ...ctxOf(withPolicy), policyReview: review, priorFindings: { ruleIds: new Set(), findings: [] } })).toBe(3);
  });
  it('EXC-003 judges the four gate parameters, every severity override and every pack', () => {
    expect(evaluated('EXC-003', ctxOf(withPolicy))).toBe(0);
    expect(evaluated('EXC-003', { ...ctxOf(withPolicy), policyReview: review })).toBe(4 + 1 + packs);
    expect(evaluated('EXC-003', { ...ctxOf(env), policyReview: reviewPolicy(env.policy, '2018-07-01', ALL_RULES) })).toBe(4 + packs);
  });
});
