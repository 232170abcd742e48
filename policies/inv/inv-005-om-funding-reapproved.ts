/**
 * INV-005: a kept (继续使用) system has its O&M funding re-approved, with the decision's
 * reference (plan §二(一) 继续使用重新核准运维经费; §三(六)).
 */
import { ALL_LEVELS, countEvaluated, defineRule, displayName, isFilled, omStatusPath, omStatusText, planClause, systemsOfClass, type RawFinding } from '../sdk';

export const INV_005 = defineRule({
  id: 'INV-005',
  pack: 'inv',
  severity: 'medium',
  title: { zh: '继续使用的系统重新核准运维经费', en: 'Kept systems have their O&M funding re-approved' },
  clause: planClause('二(一)', '三(六)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '报批重新核准该系统的运维经费，将 funding.omStatus 设为 reapproved 并在 funding.omReference 中写明核准文号。',
    en: 'Have the O&M funding re-approved and record it: funding.omStatus reapproved with the decision reference in funding.omReference.',
  },
  inputs: ['model'],
  check(ctx) {
    const findings: RawFinding[] = [];
    const kept = systemsOfClass(ctx.env, 'keep');
    // Judged: the O&M funding of every kept system.
    countEvaluated(ctx, kept.length);
    for (const { system, index } of kept) {
      const who = displayName(system.id, system.name);
      if (system.funding?.omStatus !== 'reapproved') {
        findings.push({
          doc: 'inventory',
          path: omStatusPath(system, index),
          system: system.id,
          message: {
            zh: `继续使用的系统 ${who} 的运维经费状态为 ${omStatusText(system)}，应为重新核准 (reapproved)。`,
            en: `Kept system ${system.id} has O&M funding status ${omStatusText(system)}; it must be reapproved.`,
          },
        });
      } else if (!isFilled(system.funding.omReference)) {
        findings.push({
          doc: 'inventory',
          path: `/systems/${index}/funding`,
          system: system.id,
          message: {
            zh: `继续使用的系统 ${who} 的运维经费已重新核准，但缺少核准文号 (omReference)。`,
            en: `Kept system ${system.id} has re-approved O&M funding but no decision reference (funding.omReference).`,
          },
        });
      }
    }
    return findings;
  },
});
