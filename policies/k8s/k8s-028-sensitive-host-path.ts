/**
 * K8S-028 no hostPath volume of a sensitive host path: `/`, `/etc`, `/proc`, `/sys`, `/dev`,
 * `/boot`, `/root`, `/home`, `/var/run`, `/run`, `/var/lib/kubelet`, `/var/lib/docker`, … (the sdk's
 * SENSITIVE_HOST_PATHS) — prefix semantics on whole path components after normalization, so
 * `/etc/kubernetes/pki` and `/etc/../etc` count and `/etcetera` does not. "Must not" rule: an
 * unresolved path passes (CFG-002 reports it where it is judged).
 */
import { ALL_LEVELS, blocks, defineResourceRule, dig, POD_TEMPLATE_KINDS, readStr, sensitiveHostPath } from '../sdk';
import { judgePodSpec } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_028 = defineResourceRule({
  id: 'K8S-028',
  pack: 'k8s',
  severity: 'high',
  title: { zh: '禁止挂载敏感主机路径（hostPath）', en: 'No hostPath volume of a sensitive host path' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '删除指向主机敏感目录（/、/etc、/proc、/sys、/root、/home、/var/run、/var/lib/kubelet、/var/lib/docker 等）的 host_path 卷，改用 config_map、secret、empty_dir 或持久卷。',
    en: 'Remove host_path volumes of sensitive host directories (/, /etc, /proc, /sys, /root, /home, /var/run, /var/lib/kubelet, /var/lib/docker, …); use config maps, secrets, empty_dir or persistent volumes instead.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgePodSpec(({ spec }) =>
    blocks(spec, 'volume').flatMap((volume, index) => {
      const path = readStr(dig(volume, 'host_path'), 'path');
      if (path.kind !== 'literal') return [];
      const hit = sensitiveHostPath(path.value);
      if (hit === undefined) return [];
      const name = typeof volume.name === 'string' ? volume.name : `volume[${index}]`;
      const under = hit === path.value ? '' : `（位于 ${hit} 下）`;
      const underEn = hit === path.value ? '' : ` (under ${hit})`;
      return [{ zh: `卷 ${name} 挂载了敏感主机路径 host_path ${path.value}${under}`, en: `volume '${name}' mounts the sensitive host path host_path ${path.value}${underEn}` }];
    }),
  ),
});
