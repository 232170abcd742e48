/**
 * K8S-021 no container-runtime socket mounted: a host_path volume whose path is a runtime socket
 * or a directory above one (/var/run, /run, /). "Must not" rule: an unresolved path passes.
 */
import { ALL_LEVELS, blocks, defineResourceRule, dig, POD_TEMPLATE_KINDS, readStr } from '../sdk';
import { exposedRuntimeSocket } from './lib/runtime-sockets';
import { judgePodSpec } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_021 = defineResourceRule({
  id: 'K8S-021',
  pack: 'k8s',
  severity: 'critical',
  title: { zh: '禁止挂载容器运行时套接字', en: 'No container-runtime socket mounted' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '删除指向容器运行时套接字（如 /var/run/docker.sock）或其上级目录的 host_path 卷。',
    en: 'Remove host_path volumes pointing at a runtime socket (e.g. /var/run/docker.sock) or a directory above one.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgePodSpec(({ spec }) =>
    blocks(spec, 'volume').flatMap((volume, index) => {
      const path = readStr(dig(volume, 'host_path'), 'path');
      if (path.kind !== 'literal') return [];
      const socket = exposedRuntimeSocket(path.value);
      if (socket === undefined) return [];
      const name = typeof volume.name === 'string' ? volume.name : `volume[${index}]`;
      const via = socket === path.value ? '' : `（含 ${socket}）`;
      const viaEn = socket === path.value ? '' : ` (which holds ${socket})`;
      return [
        {
          zh: `卷 ${name} 挂载了容器运行时套接字 host_path ${path.value}${via}`,
          en: `volume '${name}' mounts the container-runtime socket host_path ${path.value}${viaEn}`,
        },
      ];
    }),
  ),
});
