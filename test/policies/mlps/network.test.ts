import { describe, expect, it } from 'vitest';
import { MLPS_001 } from '../../../policies/mlps/mlps-001-namespace-zone';
import { MLPS_002 } from '../../../policies/mlps/mlps-002-default-deny';
import { MLPS_003 } from '../../../policies/mlps/mlps-003-no-allow-all';
import { MLPS_005 } from '../../../policies/mlps/mlps-005-transport-encryption';
import { meta, run, texts } from './support';

const SYS = 'hrss-social-insurance';

function namespace(name: string, labels: Record<string, string>) {
  return { metadata: meta(name, undefined, labels) };
}

function policy(ns: string, spec: Record<string, unknown>, labels: Record<string, string> = { system: SYS }) {
  return { metadata: meta('p', ns, labels), spec };
}

const DENY_BOTH = { pod_selector: {}, policy_types: ['Ingress', 'Egress'] };

describe('MLPS-001 zone label on system namespaces', () => {
  it('passes a system namespace labelled with a defined zone', () => {
    expect(run(MLPS_001, { 'corps-primary': { kubernetes_namespace_v1: { ns: namespace(SYS, { system: SYS, zone: 'extranet-dedicated' }) } } })).toEqual([]);
  });
  it('reports a missing and an unknown zone, each on its namespace', () => {
    const fs = run(MLPS_001, {
      'corps-primary': {
        kubernetes_namespace: {
          a: namespace('a', { system: SYS }),
          b: namespace('b', { 'namespace-kind': 'system', zone: 'dmz' }),
          ops: namespace('btyun-ops', { 'namespace-kind': 'ops' }),
        },
      },
    });
    expect(fs.map((f) => f.resource?.address).sort()).toEqual(['kubernetes_namespace.a', 'kubernetes_namespace.b']);
    expect(texts(fs)).toContain('"dmz"');
    // The clause is the rule's metadata (reporters print it), not repeated in the message.
    expect(MLPS_001.clause).toBe('GB/T 22239-2019 8.1.2.1 c');
    expect(texts(fs)).not.toContain(MLPS_001.clause);
  });
  it('skips namespaces below level 2 and stays silent without configuration', () => {
    expect(run(MLPS_001, { s: { kubernetes_namespace_v1: { ns: namespace('x', { system: 'x', 'mlps-level': '1' }) } } })).toEqual([]);
    expect(run(MLPS_001, undefined)).toEqual([]);
  });
});

describe('MLPS-002 default deny', () => {
  const ns = { ns: namespace(SYS, { system: SYS, zone: 'extranet-dedicated' }) };
  it('passes one policy denying both directions', () => {
    expect(run(MLPS_002, { p: { kubernetes_namespace_v1: ns, kubernetes_network_policy_v1: { d: policy(SYS, DENY_BOTH) } } })).toEqual([]);
  });
  it('passes two policies, one per direction, written as lists of blocks', () => {
    const ingress = policy(SYS, { pod_selector: [{}], policy_types: ['Ingress'] });
    const egress = policy(SYS, { pod_selector: [{ match_labels: {} }], policy_types: ['Egress'] });
    expect(run(MLPS_002, { p: { kubernetes_namespace_v1: ns, kubernetes_network_policy: { i: ingress, e: egress } } })).toEqual([]);
  });
  it('reports the missing direction when a policy admits traffic or selects some pods only', () => {
    const allowsIngress = policy(SYS, { ...DENY_BOTH, ingress: [{ from: [{ pod_selector: { match_labels: { app: 'x' } } }] }] });
    const fs = run(MLPS_002, { p: { kubernetes_namespace_v1: ns, kubernetes_network_policy_v1: { d: allowsIngress } } });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('for Ingress');
    expect(fs[0].message.en).not.toContain('Egress');
    const some = policy(SYS, { ...DENY_BOTH, pod_selector: { match_labels: { app: 'x' } } });
    expect(texts(run(MLPS_002, { p: { kubernetes_namespace_v1: ns, kubernetes_network_policy_v1: { d: some } } }))).toContain('Ingress and Egress');
  });
  it('does not count a policy of another namespace, and skips level-2 namespaces', () => {
    const other = policy('other', DENY_BOTH);
    expect(run(MLPS_002, { p: { kubernetes_namespace_v1: ns, kubernetes_network_policy_v1: { d: other } } })).toHaveLength(1);
    const l2 = { ns: namespace('t', { system: 'hrss-training-records' }) };
    expect(run(MLPS_002, { p: { kubernetes_namespace_v1: l2 } })).toEqual([]);
  });
});

describe('MLPS-003 no allow-all rule', () => {
  it('passes selector- and CIDR-restricted rules', () => {
    const np = policy(SYS, {
      pod_selector: {},
      policy_types: ['Ingress', 'Egress'],
      ingress: { from: [{ namespace_selector: { match_labels: { a: 'b' } } }], ports: [{ port: 8080 }] },
      egress: [{ to: [{ ip_block: { cidr: '10.0.0.0/8' } }] }],
    });
    expect(run(MLPS_003, { p: { kubernetes_network_policy_v1: { np } } })).toEqual([]);
  });
  it('reports a rule without peers, an empty peer and 0.0.0.0/0, naming each', () => {
    const np = policy(SYS, {
      pod_selector: {},
      policy_types: ['Ingress', 'Egress'],
      ingress: [{ ports: [{ port: 80 }] }, { from: [{}] }],
      egress: { to: { ip_block: { cidr: '0.0.0.0/0' } } },
    });
    const fs = run(MLPS_003, { p: { kubernetes_network_policy_v1: { np } } });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('ingress[0] has no from peer');
    expect(fs[0].message.en).toContain('ingress[1].from[0] is empty');
    expect(fs[0].message.en).toContain('egress[0].to[0] has ip_block 0.0.0.0/0');
  });
  it('allows 0.0.0.0/0 in the internet-access zone (label on the policy or on its namespace)', () => {
    const open = { pod_selector: {}, policy_types: ['Ingress'], ingress: [{ from: [{ ip_block: { cidr: '0.0.0.0/0' } }] }] };
    expect(run(MLPS_003, { p: { kubernetes_network_policy_v1: { np: policy('gw', open, { zone: 'extranet-internet-access' }) } } })).toEqual([]);
    const viaNamespace = {
      kubernetes_namespace_v1: { gw: namespace('gw', { zone: 'extranet-internet-access', 'namespace-kind': 'zone' }) },
      kubernetes_network_policy_v1: { np: policy('gw', open, {}) },
    };
    expect(run(MLPS_003, { p: viaNamespace })).toEqual([]);
    expect(run(MLPS_003, { p: { kubernetes_network_policy_v1: { np: policy('x', open, { zone: 'extranet-dedicated' }) } } })).toHaveLength(1);
  });
});

describe('MLPS-005 TLS in transit', () => {
  it('passes a TLS ingress and a LoadBalancer on 443', () => {
    const stacks = {
      p: {
        kubernetes_ingress_v1: { i: { metadata: meta('i', SYS, { system: SYS }), spec: { tls: [{ hosts: ['a.gov.cn'], secret_name: 'tls' }] } } },
        kubernetes_service_v1: { s: { metadata: meta('s', SYS, { system: SYS }), spec: { type: 'LoadBalancer', port: [{ port: 443 }] } } },
      },
    };
    expect(run(MLPS_005, stacks)).toEqual([]);
  });
  it('reports an ingress without tls and a NodePort on plain ports, ignoring ClusterIP and unresolved ports', () => {
    const stacks = {
      p: {
        kubernetes_ingress: { i: { metadata: meta('i', SYS, { system: SYS }), spec: { rule: [{ host: 'a' }] } } },
        kubernetes_service_v1: {
          np: { metadata: meta('np', SYS, { system: SYS }), spec: { type: 'NodePort', port: [{ port: 8443 }, { port: 80 }, { port: '${var.p}' }] } },
          cip: { metadata: meta('cip', SYS, { system: SYS }), spec: { type: 'ClusterIP', port: [{ port: 80 }] } },
        },
      },
    };
    const fs = run(MLPS_005, stacks);
    expect(fs.map((f) => f.resource?.address).sort()).toEqual(['kubernetes_ingress.i', 'kubernetes_service_v1.np']);
    expect(texts(fs)).toMatch(/non-TLS port\(s\) 80 /);
  });
  it('does not judge level-2 resources', () => {
    const stacks = { p: { kubernetes_ingress_v1: { i: { metadata: meta('i', 't', { system: 'hrss-training-records' }), spec: {} } } } };
    expect(run(MLPS_005, stacks)).toEqual([]);
  });
});
