/**
 * K8S-005 No host IPC namespace. "Must not" rule (lib/host-namespaces.ts): only a literal
 * `host_ipc = true` on the pod spec is a finding; an unresolved value passes.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS } from '../sdk';
import { judgeHostNamespace } from './lib/host-namespaces';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_005 = defineResourceRule({
  id: 'K8S-005',
  pack: 'k8s',
  severity: 'high',
  title: { zh: '禁止使用宿主机 IPC 命名空间（host_ipc）', en: 'No host IPC namespace' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '删除 Pod 规约中的 host_ipc 或设为 false（CIS 5.2.4）。',
    en: 'Remove host_ipc from the pod spec or set it to false (CIS 5.2.4).',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeHostNamespace('host_ipc', ' IPC 命名空间', 'host IPC namespace'),
});
