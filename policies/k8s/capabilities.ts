/**
 * K8S-007 capabilities drop ALL (or at least NET_RAW) — a "must" rule: an unresolved drop list
 * without ALL/NET_RAW among its literal items cannot be verified and is reported.
 * K8S-008 no dangerous capability added — a "must not" rule: unresolved items pass.
 */
import { dig } from '../../checks/engine/values';
import { ALL_LEVELS, defineRule } from '../sdk/define';
import { REQUIRED_DROPS, isDangerousAdd, normalizeCapability } from './lib/capabilities';
import { readList } from '../sdk/readings';
import { containerSecurityContext } from './lib/security-context';
import { listText, unverifiable } from './lib/text';
import { checkContainers } from './lib/workloads';

const LEVELS = ALL_LEVELS;

export const K8S_007 = defineRule({
  id: 'K8S-007',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '丢弃全部能力（capabilities.drop ALL，至少 NET_RAW）', en: 'Capabilities drop ALL (or at least NET_RAW)' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: LEVELS,
  remediation: {
    zh: '在 security_context.capabilities.drop 中加入 "ALL"，再用 add 授予确实需要的能力。',
    en: 'Add "ALL" to security_context.capabilities.drop, then add back only what is needed.',
  },
  inputs: ['configuration'],
  check: (ctx) =>
    checkContainers(ctx, LEVELS, ({ ref }) => {
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

export const K8S_008 = defineRule({
  id: 'K8S-008',
  pack: 'k8s',
  severity: 'high',
  title: { zh: '禁止添加危险能力（SYS_ADMIN、NET_ADMIN、ALL 等）', en: 'No dangerous capability added (SYS_ADMIN, NET_ADMIN, ALL, …)' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: LEVELS,
  remediation: {
    zh: '从 capabilities.add 中删除 Pod 安全标准 Baseline 允许清单之外的能力（如 SYS_ADMIN、NET_ADMIN、SYS_PTRACE、NET_RAW、ALL）。',
    en: 'Remove from capabilities.add every capability outside the Pod Security Standards Baseline list (e.g. SYS_ADMIN, NET_ADMIN, SYS_PTRACE, NET_RAW, ALL).',
  },
  inputs: ['configuration'],
  check: (ctx) =>
    checkContainers(ctx, LEVELS, ({ ref }) => {
      const add = readList(dig(containerSecurityContext(ref.container), 'capabilities'), 'add');
      const dangerous = add.literals.filter(isDangerousAdd);
      if (dangerous.length === 0) return undefined;
      return { zh: `添加了危险能力 ${listText(dangerous)}`, en: `adds dangerous capabilities ${listText(dangerous)}` };
    }),
});
