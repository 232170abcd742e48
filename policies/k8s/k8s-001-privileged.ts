/**
 * K8S-001 No privileged container. "Must not" rule: only a literal `privileged = true` is a
 * finding; an unresolved value passes (docs/k8s-pack.md).
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, readBool } from '../sdk';
import { containerSecurityContext } from './lib/security-context';
import { judgeContainers } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_001 = defineResourceRule({
  id: 'K8S-001',
  pack: 'k8s',
  severity: 'critical',
  title: { zh: '禁止特权容器', en: 'No privileged container' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '将 security_context.privileged 设为 false（或删除）；需要的能力用 capabilities.add 精确授予。',
    en: 'Set security_context.privileged to false (or remove it); grant only the capabilities needed.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const privileged = readBool(containerSecurityContext(ref.container), 'privileged');
    if (privileged.kind === 'literal' && privileged.value) {
      return { zh: '以特权模式运行（privileged = true）', en: 'runs privileged (privileged = true)' };
    }
    return undefined;
  }),
});
