/**
 * K8S-009 runs as non-root: effective run_as_non_root = true, or a non-zero run_as_user
 * (container settings override the pod's). A literal run_as_user = 0 is always a finding.
 * "Must" rule: when only unresolved values could make it pass, it cannot be verified → reported.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS } from '../sdk';
import { effectiveRunAsNonRoot, effectiveRunAsUser } from './lib/security-context';
import { unverifiable } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_009 = defineResourceRule({
  id: 'K8S-009',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '以非 root 用户运行', en: 'Runs as non-root' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '在 Pod 或容器的 security_context 中设置 run_as_non_root = true 及非 0 的 run_as_user。',
    en: 'Set run_as_non_root = true and a non-zero run_as_user in the pod or container security_context.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ spec, ref }) => {
    const nonRoot = effectiveRunAsNonRoot(spec, ref.container);
    const user = effectiveRunAsUser(spec, ref.container);
    if (user.kind === 'literal' && user.value === 0) {
      return { zh: '以 root 用户运行（run_as_user = 0）', en: 'runs as root (run_as_user = 0)' };
    }
    if (nonRoot.kind === 'literal' && nonRoot.value) return undefined;
    if (user.kind === 'literal' && user.value > 0) return undefined;
    if (nonRoot.kind === 'unresolved') return unverifiable('security_context.run_as_non_root', nonRoot.expr);
    if (user.kind === 'unresolved') return unverifiable('security_context.run_as_user', user.expr);
    return {
      zh: '可能以 root 用户运行（未设置 run_as_non_root = true 或非 0 的 run_as_user）',
      en: 'may run as root (neither run_as_non_root = true nor a non-zero run_as_user)',
    };
  }),
});
