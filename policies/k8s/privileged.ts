/**
 * K8S-001 No privileged container. "Must not" rule: only a literal `privileged = true` is a
 * finding; an unresolved value passes (docs/k8s-pack.md).
 */
import { ALL_LEVELS, defineRule } from '../sdk/define';
import { readBool } from '../sdk/readings';
import { containerSecurityContext } from './lib/security-context';
import { checkContainers } from './lib/workloads';

const LEVELS = ALL_LEVELS;

export const K8S_001 = defineRule({
  id: 'K8S-001',
  pack: 'k8s',
  severity: 'critical',
  title: { zh: '禁止特权容器', en: 'No privileged container' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: LEVELS,
  remediation: {
    zh: '将 security_context.privileged 设为 false（或删除）；需要的能力用 capabilities.add 精确授予。',
    en: 'Set security_context.privileged to false (or remove it); grant only the capabilities needed.',
  },
  inputs: ['configuration'],
  check: (ctx) =>
    checkContainers(ctx, LEVELS, ({ ref }) => {
      const privileged = readBool(containerSecurityContext(ref.container), 'privileged');
      if (privileged.kind === 'literal' && privileged.value) {
        return { zh: '以特权模式运行（privileged = true）', en: 'runs privileged (privileged = true)' };
      }
      return undefined;
    }),
});
