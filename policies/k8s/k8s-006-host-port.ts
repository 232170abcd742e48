/**
 * K8S-006 No hostPort. "Must not" rule: a literal host_port above 0 is a finding; an unresolved
 * value passes.
 */
import { ALL_LEVELS, blocks, defineResourceRule, POD_TEMPLATE_KINDS, readNum } from '../sdk';
import { judgeContainers } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_006 = defineResourceRule({
  id: 'K8S-006',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '禁止使用宿主机端口（hostPort）', en: 'No hostPort' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '删除 port.host_port，通过 Service 暴露端口。',
    en: 'Remove port.host_port; expose the port through a Service.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const hostPorts = blocks(ref.container, 'port')
      .map((p) => readNum(p, 'host_port'))
      .flatMap((r) => (r.kind === 'literal' && r.value > 0 ? [r.value] : []));
    if (hostPorts.length === 0) return undefined;
    const list = [...hostPorts].sort((a, b) => a - b).join(', ');
    return { zh: `占用宿主机端口（host_port = ${list}）`, en: `binds host ports (host_port = ${list})` };
  }),
});
