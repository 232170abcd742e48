/**
 * K8S-003 No host network namespace. "Must not" rule (lib/host-namespaces.ts): only a literal
 * `host_network = true` on the pod spec is a finding; an unresolved value passes.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS } from '../sdk';
import { judgeHostNamespace } from './lib/host-namespaces';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_003 = defineResourceRule({
  id: 'K8S-003',
  pack: 'k8s',
  severity: 'high',
  title: { zh: '禁止使用宿主机网络命名空间（host_network）', en: 'No host network namespace' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '删除 Pod 规约中的 host_network 或设为 false（CIS 5.2.5）。',
    en: 'Remove host_network from the pod spec or set it to false (CIS 5.2.5).',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeHostNamespace('host_network', '网络命名空间', 'host network namespace'),
});
