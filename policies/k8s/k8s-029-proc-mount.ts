/**
 * K8S-029 procMount is Default: a container whose security_context.proc_mount is `Unmasked` sees
 * the host's /proc without the runtime's masked paths. Missing means Default. "Must not" rule: an
 * unresolved value passes.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, readStr } from '../sdk';
import { containerSecurityContext } from './lib/security-context';
import { judgeContainers } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_029 = defineResourceRule({
  id: 'K8S-029',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: 'procMount 为 Default（不得为 Unmasked）', en: 'procMount is Default (not Unmasked)' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '删除 security_context.proc_mount，或设为 "Default"。',
    en: 'Remove security_context.proc_mount, or set it to "Default".',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const mount = readStr(containerSecurityContext(ref.container), 'proc_mount');
    if (mount.kind !== 'literal' || mount.value === 'Default') return undefined;
    return { zh: `的 proc_mount 为 ${mount.value}，可见未屏蔽的主机 /proc`, en: `has proc_mount ${mount.value}: it sees the host's /proc unmasked` };
  }),
});
