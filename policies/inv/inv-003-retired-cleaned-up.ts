/**
 * INV-003: a retired (淘汰) system is cleaned up: its O&M funding is cancelled and nothing of it
 * is deployed or planned to be — no resource labelled with it in any stack, no migration move
 * (plan §二(一) 淘汰取消运维经费, 清理“僵尸”信息系统). Resource part only with a configuration.
 */
import { ALL_LEVELS, countEvaluated, defineRule, deployedResourceFindings, displayName, moveFindings, omStatusPath, omStatusText, planClause, systemsOfClass, type RawFinding } from '../sdk';

export const INV_003 = defineRule({
  id: 'INV-003',
  pack: 'inv',
  severity: 'critical',
  title: { zh: '淘汰系统不得部署并取消运维经费', en: 'Retired systems: nothing deployed, O&M funding cancelled' },
  clause: planClause('二(一)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '删除该淘汰系统在所有栈中的资源和迁移条目，并将 funding.omStatus 设为 cancelled（附取消决定文号 omReference）。',
    en: 'Remove every resource and migration move of the retired system and set funding.omStatus to cancelled (with the decision in omReference).',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const findings: RawFinding[] = [];
    const retired = systemsOfClass(ctx.env, 'retire');
    // Judged: every retired system (funding, moves, deployed resources).
    countEvaluated(ctx, retired.length);
    for (const { system, index } of retired) {
      const who = displayName(system.id, system.name);
      if (system.funding?.omStatus !== 'cancelled') {
        findings.push({
          doc: 'inventory',
          path: omStatusPath(system, index),
          system: system.id,
          message: {
            zh: `淘汰系统 ${who} 的运维经费状态为 ${omStatusText(system)}，应为已取消 (cancelled)。`,
            en: `Retired system ${system.id} has O&M funding status ${omStatusText(system)}; it must be cancelled.`,
          },
        });
      }
      findings.push(
        ...moveFindings(ctx.env, system.id, '', (move) => ({
          zh: `迁移计划仍将淘汰系统 ${who} 迁往 ${move.to}；淘汰系统不再部署。`,
          en: `The migration plan still moves retired system ${system.id} to ${move.to}; a retired system is not deployed again.`,
        })),
        ...deployedResourceFindings(ctx, system.id, (r) => ({
          zh: `淘汰系统 ${who} 仍有资源 ${r.address} 部署在栈 ${r.stack} 中（“僵尸”系统）。`,
          en: `Retired system ${system.id} still has resource ${r.address} in stack ${r.stack} (a "zombie" system).`,
        })),
      );
    }
    return findings;
  },
});
