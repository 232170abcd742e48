/**
 * INV-002: every system is classified exactly one way — 淘汰 retire / 替代 replace /
 * 继续使用 keep (plan §二(一)). The schema allows one value; a missing or unknown one is reported.
 */
import { ALL_LEVELS, countEvaluated, defineRule, displayName, indexedSystems, planClause, type RawFinding } from '../sdk';

const CLASSES: readonly unknown[] = ['retire', 'replace', 'keep'];

export const INV_002 = defineRule({
  id: 'INV-002',
  pack: 'inv',
  severity: 'high',
  title: { zh: '系统分类：淘汰、替代或继续使用', en: 'Exactly one class: retire, replace or keep' },
  clause: planClause('二(一)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '按“无使用价值淘汰”“功能可被统一平台替代”“需要继续使用”的标准，为系统设置 class: retire | replace | keep。',
    en: 'Classify the system by the plan\'s criteria: class retire (no use value), replace (a unified platform can do its job) or keep (still needed).',
  },
  inputs: ['model'],
  check(ctx) {
    const findings: RawFinding[] = [];
    // Judged: the class of every system.
    countEvaluated(ctx, ctx.env.inventory.systems.length);
    for (const { system, index } of indexedSystems(ctx.env)) {
      if (CLASSES.includes(system.class)) continue;
      const stated = system.class === undefined ? '' : `（现为 ${String(system.class)}）`;
      findings.push({
        doc: 'inventory',
        path: system.class === undefined ? `/systems/${index}` : `/systems/${index}/class`,
        system: system.id,
        message: {
          zh: `系统 ${displayName(system.id, system.name)} 未分类${stated}：须为淘汰 (retire)、替代 (replace) 或继续使用 (keep) 之一。`,
          en: `System ${system.id} has no valid class${system.class === undefined ? '' : ` (is ${String(system.class)})`}: it must be one of retire (淘汰), replace (替代), keep (继续使用).`,
        },
      });
    }
    return findings;
  },
});
