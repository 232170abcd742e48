/**
 * K8S-026 a seccomp profile (RuntimeDefault or Localhost) is set for every container: its own
 * security_context.seccomp_profile.type, else the pod's, else the legacy annotations
 * `container.seccomp.security.alpha.kubernetes.io/<name>` and `seccomp.security.alpha.kubernetes.io/pod`
 * on the pod template. "Must" rule: an unresolved type cannot be verified → reported.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, podTemplateMetadata, strMap } from '../sdk';
import { effectiveSeccompType } from './lib/security-context';
import { unverifiable } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

const ACCEPTED_TYPES = new Set(['RuntimeDefault', 'Localhost']);
export const POD_SECCOMP_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
export const CONTAINER_SECCOMP_ANNOTATION_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';

function annotationAccepted(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

export const K8S_026 = defineResourceRule({
  id: 'K8S-026',
  pack: 'k8s',
  severity: 'low',
  title: { zh: '设置 seccomp 配置（RuntimeDefault 或 Localhost）', en: 'A seccomp profile (RuntimeDefault or Localhost) is set' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '在 Pod 的 security_context 中设置 seccomp_profile { type = "RuntimeDefault" }。',
    en: 'Set seccomp_profile { type = "RuntimeDefault" } in the pod security_context.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ resource, spec, ref }) => {
    const type = effectiveSeccompType(spec, ref.container);
    if (type.kind === 'unresolved') return unverifiable('security_context.seccomp_profile.type', type.expr);
    if (type.kind === 'literal') {
      return ACCEPTED_TYPES.has(type.value)
        ? undefined
        : { zh: `的 seccomp 配置为 ${type.value}（应为 RuntimeDefault 或 Localhost）`, en: `has seccomp profile ${type.value} (not RuntimeDefault or Localhost)` };
    }
    const annotations = strMap(podTemplateMetadata(resource)?.annotations);
    const annotated = annotations[`${CONTAINER_SECCOMP_ANNOTATION_PREFIX}${ref.name}`] ?? annotations[POD_SECCOMP_ANNOTATION];
    if (annotated !== undefined && annotationAccepted(annotated)) return undefined;
    return annotated !== undefined
      ? { zh: `的 seccomp 注解为 ${annotated}（应为 runtime/default 或 localhost/…）`, en: `has seccomp annotation ${annotated} (not runtime/default or localhost/…)` }
      : { zh: '未设置 seccomp 配置（seccomp_profile）', en: 'has no seccomp profile (seccomp_profile)' };
  }),
});
