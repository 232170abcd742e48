/**
 * K8S-010 read-only root filesystem. "Must" rule: missing or false is a finding; an unresolved
 * value cannot be verified and is reported.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, readBool } from '../sdk';
import { containerSecurityContext } from './lib/security-context';
import { unverifiable } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

const ATTR = 'security_context.read_only_root_filesystem';

export const K8S_010 = defineResourceRule({
  id: 'K8S-010',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '根文件系统只读', en: 'Read-only root filesystem' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '设置 security_context.read_only_root_filesystem = true；需要写入的目录挂载 empty_dir 卷。',
    en: 'Set security_context.read_only_root_filesystem = true; mount empty_dir volumes where writes are needed.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const v = readBool(containerSecurityContext(ref.container), 'read_only_root_filesystem');
    if (v.kind === 'unresolved') return unverifiable(ATTR, v.expr);
    if (v.kind === 'literal' && v.value) return undefined;
    return v.kind === 'missing'
      ? { zh: `根文件系统可写（未设置 ${ATTR} = true）`, en: `has a writable root filesystem (${ATTR} is not set)` }
      : { zh: `根文件系统可写（${ATTR} = false）`, en: `has a writable root filesystem (${ATTR} = false)` };
  }),
});
