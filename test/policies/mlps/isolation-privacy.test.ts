import { describe, expect, it } from 'vitest';
import { MLPS_018 } from '../../../policies/mlps/mlps-018-namespace-isolation';
import { MLPS_019 } from '../../../policies/mlps/mlps-019-personal-information';
import type { DataResource, Environment } from '../../../checks/core/types';
import { meta, miniEnv, run, withEnv } from './support';

describe('MLPS-018 one system per namespace', () => {
  it('passes each system in its own namespace, also across stacks', () => {
    const stacks = {
      a: { kubernetes_namespace_v1: { x: { metadata: meta('x', undefined, { system: 'hrss-social-insurance' }) } }, kubernetes_service_v1: { s: { metadata: meta('s', 'x', { system: 'hrss-social-insurance' }) } } },
      b: { kubernetes_namespace_v1: { x: { metadata: meta('x', undefined, { system: 'police-case-records' }) } } },
    };
    expect(run(MLPS_018, stacks)).toEqual([]);
  });
  it('reports a namespace holding two systems, once, on the namespace', () => {
    const stacks = {
      a: {
        kubernetes_namespace_v1: { x: { metadata: meta('x', undefined, { system: 'hrss-social-insurance' }) } },
        kubernetes_deployment_v1: { d: { metadata: meta('d', 'x', { system: 'police-case-records' }) } },
        kubernetes_service_v1: { s: { metadata: meta('s', 'x', { system: 'police-case-records' }) } },
      },
    };
    const fs = run(MLPS_018, stacks);
    expect(fs).toHaveLength(1);
    expect(fs[0].resource?.address).toBe('kubernetes_namespace_v1.x');
    expect(fs[0].message.en).toContain('hrss-social-insurance, police-case-records');
  });
  it('reports two namespace resources of the same name for different systems', () => {
    const stacks = { a: { kubernetes_namespace: { x: { metadata: meta('shared', undefined, { system: 'sys-a' }) }, y: { metadata: meta('shared', undefined, { system: 'sys-b' }) } } } };
    expect(run(MLPS_018, stacks)).toHaveLength(1);
  });
  it('skips namespaces where every system is level 1', () => {
    const stacks = { a: { kubernetes_namespace_v1: { x: { metadata: meta('x', undefined, { system: 'a', 'mlps-level': '1' }) }, y: { metadata: meta('x', undefined, { system: 'b', 'mlps-level': '1' }) } } } };
    expect(run(MLPS_018, stacks)).toEqual([]);
  });
});

function withData(systemId: string, personalInfo: boolean | undefined, dataResources: DataResource[]): Environment {
  return withEnv(miniEnv(), (e) => ({
    inventory: { ...e.inventory, systems: e.inventory.systems.map((s) => (s.id === systemId ? { ...s, personalInfo, dataResources } : s)) },
  }));
}

describe('MLPS-019 personal information', () => {
  it('passes the mini environment (personal data shared conditionally with a purpose)', () => {
    expect(run(MLPS_019, undefined)).toEqual([]);
  });
  it('reports personal data shared unconditionally, or conditionally without purpose', () => {
    const env = withData('hrss-social-insurance', true, [
      { id: 'a', name: 'A', sharing: 'unconditional', personal: true },
      { id: 'b', name: 'B', sharing: 'conditional', personal: true, purpose: ' ' },
      { id: 'c', name: 'C', sharing: 'none', personal: true },
    ]);
    expect(run(MLPS_019, undefined, env).map((f) => f.path)).toEqual(['/systems/0/dataResources/0/sharing', '/systems/0/dataResources/1']);
  });
  it('takes a purpose that is blank to a reader (zero-width characters only) as missing', () => {
    const env = withData('hrss-social-insurance', true, [{ id: 'b', name: 'B', sharing: 'conditional', personal: true, purpose: '\u200b\u2060' }]);
    expect(run(MLPS_019, undefined, env).map((f) => f.path)).toEqual(['/systems/0/dataResources/0']);
  });
  it('reports a system declaring personal info with no personal data resource, and the reverse', () => {
    expect(run(MLPS_019, undefined, withData('hrss-social-insurance', true, [{ id: 'a', name: 'A', sharing: 'none' }])).map((f) => f.path)).toEqual(['/systems/0/dataResources']);
    expect(run(MLPS_019, undefined, withData('police-case-records', undefined, [{ id: 'p', name: 'P', sharing: 'none', personal: true }])).map((f) => f.path)).toEqual(['/systems/1/dataResources/0/personal']);
  });
});
