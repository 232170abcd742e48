/**
 * K8S-020 not in the `default` namespace. A missing namespace means `default`. "Must not" rule:
 * an unresolved namespace passes. Judges pod templates and the namespaced objects that go with
 * them (services, ingresses, config maps, secrets, service accounts, claims, roles, bindings).
 */
import { ALL_LEVELS, block, defineResourceRule, POD_TEMPLATE_KINDS, readStr } from '../sdk';
import { resourceFinding } from './lib/text';
import { NETWORK_AREAS } from './lib/controls';

export const NAMESPACED_KINDS: readonly string[] = [
  ...POD_TEMPLATE_KINDS,
  'service',
  'ingress',
  'config_map',
  'secret',
  'service_account',
  'persistent_volume_claim',
  'role',
  'role_binding',
];

export const K8S_020 = defineResourceRule({
  id: 'K8S-020',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '不使用 default 命名空间', en: 'Not in the default namespace' },
  clause: 'GB/T 22239-2019 8.1.2.1 c',
  levels: ALL_LEVELS,
  controls: NETWORK_AREAS,
  remediation: {
    zh: '设置 metadata.namespace 为该系统自己的命名空间（系统 id）。',
    en: "Set metadata.namespace to the system's own namespace (the system id).",
  },
  kinds: NAMESPACED_KINDS,
  judge: (resource) => {
    const ns = readStr(block(resource.attrs, 'metadata'), 'namespace');
    if (ns.kind === 'unresolved') return [];
    if (ns.kind === 'literal' && ns.value !== 'default') return [];
    const problem =
      ns.kind === 'missing'
        ? { zh: '未设置 metadata.namespace，将落入 default 命名空间', en: 'has no metadata.namespace, so it lands in the default namespace' }
        : { zh: '位于 default 命名空间', en: 'is in the default namespace' };
    return [resourceFinding(resource, problem)];
  },
});
