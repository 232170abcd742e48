/**
 * K8S-007 capabilities drop ALL (or at least NET_RAW) — a "must" rule: an unresolved drop list
 * without ALL/NET_RAW among its literal items cannot be verified and is reported.
 */
import { ALL_LEVELS, defineResourceRule, dig, POD_TEMPLATE_KINDS, readList } from '../sdk';
import { REQUIRED_DROPS, normalizeCapability } from './lib/capabilities';
import { containerSecurityContext } from './lib/security-context';
import { listText, unverifiable } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { INTRUSION_PREVENTION } from './lib/controls';

export const K8S_007 = defineResourceRule({
  id: 'K8S-007',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '丢弃全部能力（capabilities.drop ALL，至少 NET_RAW）', en: 'Capabilities drop ALL (or at least NET_RAW)' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: ALL_LEVELS,
  controls: INTRUSION_PREVENTION,
  remediation: {
    zh: '在 security_context.capabilities.drop 中加入 "ALL"，再用 add 授予确实需要的能力。',
    en: 'Add "ALL" to security_context.capabilities.drop, then add back only what is needed.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const drop = readList(dig(containerSecurityContext(ref.container), 'capabilities'), 'drop');
    if (drop.literals.some((c) => REQUIRED_DROPS.includes(normalizeCapability(c)))) return undefined;
    if (drop.unresolved.length > 0) return unverifiable('security_context.capabilities.drop', drop.unresolved[0]);
    return drop.literals.length === 0
      ? { zh: '未丢弃任何能力（capabilities.drop 未包含 ALL 或 NET_RAW）', en: 'drops no capability (capabilities.drop lacks ALL or NET_RAW)' }
      : {
          zh: `丢弃的能力不含 ALL 或 NET_RAW（drop = ${listText(drop.literals)}）`,
          en: `does not drop ALL or NET_RAW (drop = ${listText(drop.literals)})`,
        };
  }),
});
