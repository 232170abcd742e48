/** The resource index: the lookups rules make per resource (NET-005, MLPS-003, …) instead of scans. */
import { describe, expect, it } from 'vitest';
import { buildResourceIndex } from '../../checks/engine/resource-index';
import { resources } from './helpers';

const ns = (name: string, labels: Record<string, string>) => ({ metadata: { name, labels } });

const rs = [
  ...resources('a', {
    kubernetes_namespace_v1: { web: ns('web', { 'xjbt.gov.cn/zone': 'extranet-public', tier: 'front' }), db: ns('db', { 'xjbt.gov.cn/zone': 'extranet-private', tier: 'back' }) },
    kubernetes_deployment_v1: { app: { metadata: { name: 'app', namespace: 'web', labels: { tier: 'front' } } } },
    kubernetes_config_map_v1: { plain: { metadata: { name: 'plain' } } },
  }),
  ...resources('b', { kubernetes_namespace_v1: { web: ns('web', { 'xjbt.gov.cn/zone': 'platform', tier: 'front' }) } }),
];
const addr = (list: readonly { stack: string; address: string }[]) => list.map((r) => `${r.stack}/${r.address}`);

describe('buildResourceIndex', () => {
  const index = buildResourceIndex(rs);

  it('finds the namespaces of one stack by a label, not those of other stacks nor other kinds', () => {
    expect(addr(index.namespacesWithLabel('a', 'tier', 'front'))).toEqual(['a/kubernetes_namespace_v1.web']);
    expect(addr(index.namespacesWithLabel('b', 'tier', 'front'))).toEqual(['b/kubernetes_namespace_v1.web']);
    expect(index.namespacesWithLabel('a', 'tier', 'nowhere')).toEqual([]);
    expect(index.namespacesWithLabel('c', 'tier', 'front')).toEqual([]);
  });

  it('looks up namespaces, their members and labels per stack', () => {
    expect(index.namespace('b', 'web')?.zone).toBe('platform');
    expect(index.namespace('a', 'web')?.zone).toBe('extranet-public');
    expect(index.namespace('a', 'nowhere')).toBeUndefined();
    expect(addr(index.inNamespace('a', 'web'))).toEqual(['a/kubernetes_namespace_v1.web', 'a/kubernetes_deployment_v1.app']);
    expect(addr(index.inNamespace('a', 'default'))).toEqual(['a/kubernetes_config_map_v1.plain']);
    expect(addr(index.withLabel('tier', 'front'))).toEqual(['a/kubernetes_namespace_v1.web', 'a/kubernetes_deployment_v1.app', 'b/kubernetes_namespace_v1.web']);
    expect(addr(index.withLabel('tier'))).toHaveLength(4);
    expect(index.withLabel('constructor')).toEqual([]);
    expect(index.stacks).toEqual(['a', 'b']);
  });

  it('answers every value of a label key, in configuration order, whichever question about the key comes first', () => {
    const fresh = buildResourceIndex(rs);
    expect(addr(fresh.namespacesWithLabel('a', 'tier', 'back'))).toEqual(['a/kubernetes_namespace_v1.db']);
    expect(addr(fresh.namespacesWithLabel('a', 'tier', 'front'))).toEqual(['a/kubernetes_namespace_v1.web']);
    expect(addr(fresh.namespacesWithLabel('a', 'xjbt.gov.cn/zone', 'extranet-private'))).toEqual(['a/kubernetes_namespace_v1.db']);
    expect(addr(fresh.withLabel('tier', 'back'))).toEqual(['a/kubernetes_namespace_v1.db']);
    expect(addr(fresh.withLabel('tier'))).toEqual(['a/kubernetes_namespace_v1.web', 'a/kubernetes_namespace_v1.db', 'a/kubernetes_deployment_v1.app', 'b/kubernetes_namespace_v1.web']);
    expect(fresh.withLabel('nowhere')).toEqual([]);
  });

  it('keeps the last of two namespaces of one name in a stack', () => {
    const twice = [...resources('a', { kubernetes_namespace_v1: { one: ns('x', { v: '1' }) } }), ...resources('a', { kubernetes_namespace: { two: ns('x', { v: '2' }) } })];
    expect(buildResourceIndex(twice).namespace('a', 'x')?.address).toBe('kubernetes_namespace.two');
  });
});
