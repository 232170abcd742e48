/**
 * MLPS-001 — 8.1.2.1 c 网络架构: divide the network into areas (区域) and assign addresses by area.
 * Evidence: every system namespace carries `xjbt.gov.cn/zone` naming a zone of networks.yaml.
 * Judged: every namespace at levels 2+ (one that is not a system namespace needs nothing).
 */
import { defineResourceRule, fromLevel, LABELS, mlpsControls } from '../sdk';
import { isSystemNamespace } from './lib/namespaces';
import { where } from './lib/text';

export const MLPS_001 = defineResourceRule({
  id: 'MLPS-001',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '系统命名空间须标明所属网络区域', en: 'Every system namespace carries a zone label naming a zone that exists' },
  clause: 'GB/T 22239-2019 8.1.2.1 c',
  levels: fromLevel(2),
  controls: { 2: mlpsControls('7.1.2.1', 'a'), 3: mlpsControls('8.1.2.1', 'c'), 4: mlpsControls('9.1.2.1', 'c') },
  remediation: {
    zh: `为命名空间添加标签 ${LABELS.zone}，取值为 networks.yaml 中已定义的区域（如 extranet-dedicated）。`,
    en: `Label the namespace with ${LABELS.zone} set to a zone defined in networks.yaml (e.g. extranet-dedicated).`,
  },
  inputs: ['configuration', 'model'],
  kinds: ['namespace'],
  judge(ns, ctx) {
    if (!isSystemNamespace(ns)) return [];
    const zones = new Set(ctx.env.networks.zones.map((z) => z.id as string));
    const known = [...zones].sort().join(', ');
    const name = ns.metadata.name ?? ns.address;
    if (ns.zone === undefined) {
      return [{
        resource: ns,
        message: {
          zh: `系统命名空间 ${name}（${where(ns)}）没有区域标签 ${LABELS.zone}，无法判断其所在网络区域（networks.yaml 中的区域：${known}）`,
          en: `System namespace ${name} (${where(ns)}) has no zone label ${LABELS.zone}, so its network area is unknown (zones of networks.yaml: ${known})`,
        },
      }];
    }
    if (!zones.has(ns.zone)) {
      return [{
        resource: ns,
        message: {
          zh: `系统命名空间 ${name}（${where(ns)}）的区域标签 "${ns.zone}" 不是 networks.yaml 中定义的区域（已定义：${known}）`,
          en: `System namespace ${name} (${where(ns)}) is labelled with zone "${ns.zone}", which networks.yaml does not define (defined: ${known})`,
        },
      }];
    }
    return [];
  },
});
