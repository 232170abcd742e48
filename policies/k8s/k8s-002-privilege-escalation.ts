/**
 * K8S-002 allowPrivilegeEscalation is false. "Must be" rule: missing (Kubernetes defaults to
 * true) or true is a finding; an unresolved value cannot be verified and is reported.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, readBool } from '../sdk';
import { containerSecurityContext } from './lib/security-context';
import { unverifiable } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

const ATTR = 'security_context.allow_privilege_escalation';

export const K8S_002 = defineResourceRule({
  id: 'K8S-002',
  pack: 'k8s',
  severity: 'high',
  title: { zh: '禁止权限提升（allowPrivilegeEscalation = false）', en: 'allowPrivilegeEscalation is false' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '在每个容器（含 init 容器）的 security_context 中设置 allow_privilege_escalation = false。',
    en: 'Set security_context.allow_privilege_escalation = false on every container and init container.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const v = readBool(containerSecurityContext(ref.container), 'allow_privilege_escalation');
    if (v.kind === 'unresolved') return unverifiable(ATTR, v.expr);
    if (v.kind === 'literal' && !v.value) return undefined;
    return v.kind === 'missing'
      ? { zh: `未设置 ${ATTR} = false（默认允许权限提升）`, en: `does not set ${ATTR} = false (escalation is allowed by default)` }
      : { zh: `允许权限提升（${ATTR} = true）`, en: `allows privilege escalation (${ATTR} = true)` };
  }),
});
