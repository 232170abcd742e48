/**
 * K8S-008 no dangerous capability added — a "must not" rule: unresolved items pass. What is
 * dangerous: anything outside the Pod Security Standards Baseline list (lib/capabilities.ts).
 */
import { ALL_LEVELS, defineResourceRule, dig, POD_TEMPLATE_KINDS, readList } from '../sdk';
import { isDangerousAdd } from './lib/capabilities';
import { containerSecurityContext } from './lib/security-context';
import { listText } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_008 = defineResourceRule({
  id: 'K8S-008',
  pack: 'k8s',
  severity: 'high',
  title: { zh: '禁止添加危险能力（SYS_ADMIN、NET_ADMIN、ALL 等）', en: 'No dangerous capability added (SYS_ADMIN, NET_ADMIN, ALL, …)' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '从 capabilities.add 中删除 Pod 安全标准 Baseline 允许清单之外的能力（如 SYS_ADMIN、NET_ADMIN、SYS_PTRACE、NET_RAW、ALL）。',
    en: 'Remove from capabilities.add every capability outside the Pod Security Standards Baseline list (e.g. SYS_ADMIN, NET_ADMIN, SYS_PTRACE, NET_RAW, ALL).',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const add = readList(dig(containerSecurityContext(ref.container), 'capabilities'), 'add');
    const dangerous = add.literals.filter(isDangerousAdd);
    if (dangerous.length === 0) return undefined;
    return { zh: `添加了危险能力 ${listText(dangerous)}`, en: `adds dangerous capabilities ${listText(dangerous)}` };
  }),
});
