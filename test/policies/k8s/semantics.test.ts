/** Kubernetes semantics in one place (policies/sdk/kubernetes.ts, the resource index): unit cases. */
import { describe, expect, it } from 'vitest';
import { buildResourceIndex } from '../../../checks/engine/resource-index';
import {
  effectivePullPolicy, imageTagForDefaulting, internalLoadBalancerAnnotation, isDefaultServiceAccountName, isSafeSysctl,
  namespaceOf, normalizeHostPath, pdbSelectsPods, sensitiveHostPath,
} from '../../../policies/sdk';
import { fromJson } from './support';

describe('namespaces', () => {
  const rs = fromJson({
    resource: {
      kubernetes_pod_disruption_budget_v1: { p: { metadata: { name: 'p' }, spec: { selector: { match_labels: { app: 'web' } } } } },
      kubernetes_cluster_role_v1: { c: { metadata: { name: 'c' } } },
      kubernetes_namespace_v1: { n: { metadata: { name: 'default' } } },
      kubernetes_config_map_v1: { u: { metadata: { name: 'u', namespace: '${var.ns}' } } },
      aws_s3_bucket: { b: { bucket: 'x' } },
    },
  });
  it('a namespaced object without a namespace is in default; cluster-scoped, unresolved and other providers are in none', () => {
    expect(rs.map((r) => [r.kind, namespaceOf(r)])).toEqual([
      ['pod_disruption_budget', 'default'], ['cluster_role', undefined], ['namespace', 'default'], ['config_map', undefined], ['aws_s3_bucket', undefined],
    ]);
    const index = buildResourceIndex(rs);
    expect(index.inNamespace('test', 'default').map((r) => r.kind).sort()).toEqual(['namespace', 'pod_disruption_budget']);
  });
  it('a PDB without a selector selects nothing; {} selects all in policy/v1 only', () => {
    const [v1, beta, none] = fromJson({
      resource: {
        kubernetes_pod_disruption_budget_v1: { a: { metadata: { name: 'a' }, spec: { selector: {} } } },
        kubernetes_pod_disruption_budget: { b: { metadata: { name: 'b' }, spec: { selector: {} } }, c: { metadata: { name: 'c' }, spec: { min_available: 1 } } },
      },
    });
    expect([pdbSelectsPods(v1, { app: 'web' }), pdbSelectsPods(beta, { app: 'web' }), pdbSelectsPods(none, { app: 'web' })]).toEqual([true, false, false]);
  });
});

describe('defaults Kubernetes applies', () => {
  it('service account: missing, empty or default', () => {
    expect([undefined, '', 'default', 'web'].map(isDefaultServiceAccountName)).toEqual([true, true, true, false]);
  });
  it('image pull policy: Always for :latest or untagged, IfNotPresent otherwise (a digest-only image too)', () => {
    expect(['nginx', 'nginx:latest', 'registry:5000/a/nginx', 'nginx:1.25', 'nginx@sha256:abcd', 'nginx:latest@sha256:abcd'].map(imageTagForDefaulting))
      .toEqual(['latest', 'latest', 'latest', '1.25', '', 'latest']);
    expect(effectivePullPolicy(undefined, 'nginx')).toBe('Always');
    expect(effectivePullPolicy(undefined, 'nginx:1.25')).toBe('IfNotPresent');
    expect(effectivePullPolicy('Never', 'nginx')).toBe('Never');
    expect(effectivePullPolicy(undefined, undefined)).toBeUndefined();
  });
  it('internal load balancers by annotation; false or External is not internal', () => {
    expect(internalLoadBalancerAnnotation({ 'service.beta.kubernetes.io/aws-load-balancer-internal': 'true' })).toBeDefined();
    expect(internalLoadBalancerAnnotation({ 'networking.gke.io/load-balancer-type': 'internal' })).toBeDefined();
    expect(internalLoadBalancerAnnotation({ 'service.kubernetes.io/qcloud-loadbalancer-internal-subnetid': 'subnet-1' })).toBeDefined();
    expect(internalLoadBalancerAnnotation({ 'service.beta.kubernetes.io/azure-load-balancer-internal': 'false' })).toBeUndefined();
    expect(internalLoadBalancerAnnotation({ 'networking.gke.io/load-balancer-type': 'External' })).toBeUndefined();
    expect(internalLoadBalancerAnnotation({})).toBeUndefined();
  });
});

describe('host paths and sysctls', () => {
  it('sensitive host paths by whole-component prefix after normalization', () => {
    expect(normalizeHostPath('/srv//a/./b/../c/')).toBe('/srv/a/c');
    expect(['/', '/etc', '/etc/kubernetes/pki', '/etcetera', '/var/lib/kubelet/pods', '/srv/../proc', '/var/log', '/data', 'etc'].map(sensitiveHostPath))
      .toEqual(['/', '/etc', '/etc', undefined, '/var/lib/kubelet', '/proc', undefined, undefined, '/etc']);
  });
  it('only the safe sysctls; slashes read as dots', () => {
    expect(['net.ipv4.tcp_syncookies', 'net/ipv4/ip_local_port_range', 'net.ipv4.tcp_keepalive_probes', 'kernel.msgmax', 'net.core.somaxconn'].map(isSafeSysctl))
      .toEqual([true, true, true, false, false]);
  });
});
