/**
 * K8S-030 no unsafe sysctl: every `spec.security_context.sysctl[*].name` is in the namespaced safe
 * set (the sdk's SAFE_SYSCTLS, the Pod Security Standards Baseline list). "Must not" rule: an
 * unresolved name passes.
 */
import { ALL_LEVELS, blocks, defineResourceRule, dig, isSafeSysctl, POD_TEMPLATE_KINDS, readStr } from '../sdk';
import { listText } from './lib/text';
import { judgePodSpec } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_030 = defineResourceRule({
  id: 'K8S-030',
  pack: 'k8s',
  severity: 'high',
  title: { zh: '禁止不安全的 sysctl（仅限命名空间级安全集合）', en: 'No unsafe sysctl (only the namespaced safe set)' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '从 Pod security_context 中删除安全集合之外的 sysctl（安全集合：kernel.shm_rmid_forced、net.ipv4.ip_local_port_range、net.ipv4.ip_unprivileged_port_start、net.ipv4.tcp_syncookies、net.ipv4.ping_group_range 等）；节点级参数由平台在节点上设置。',
    en: 'Remove from the pod security_context every sysctl outside the safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, …); node-level parameters are set on the nodes by the platform.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgePodSpec(({ spec }) => {
    const unsafe = blocks(dig(spec, 'security_context'), 'sysctl')
      .map((s) => readStr(s, 'name'))
      .flatMap((n) => (n.kind === 'literal' && !isSafeSysctl(n.value) ? [n.value] : []));
    if (unsafe.length === 0) return [];
    return [{ zh: `Pod 设置了不安全的 sysctl ${listText(unsafe)}`, en: `pod sets unsafe sysctls ${listText(unsafe)}` }];
  }),
});
