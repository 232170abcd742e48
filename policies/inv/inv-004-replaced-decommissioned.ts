/**
 * INV-004: a replaced (替代) system names an existing unified platform and a deadline; once asOf is
 * past that deadline its O&M funding is cancelled and nothing of it is deployed
 * (plan §二(一) 限期替代后取消运维经费). Before the deadline it may still run. The resource part
 * runs only with a configuration.
 */
import { ALL_LEVELS, countEvaluated, defineRule, deployedResourceFindings, displayName, isIsoDate, omStatusPath, omStatusText, planClause, systemsOfClass, type LocalizedText, type RawFinding } from '../sdk';

const CLAUSE_ZH = '';
const CLAUSE_EN = '';

export const INV_004 = defineRule({
  id: 'INV-004',
  pack: 'inv',
  severity: 'high',
  title: { zh: '替代系统限期替代后取消运维经费', en: 'Replaced systems: named platform, deadline, then decommissioned' },
  clause: planClause('二(一)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '在 replacement 中写明替代它的统一平台（topology.yaml 中的 platform id）和替代期限；期限过后删除它的全部资源，并将 funding.omStatus 设为 cancelled。',
    en: 'Name the replacing unified platform (a platform id of topology.yaml) and the deadline in replacement; after the deadline remove all its resources and set funding.omStatus to cancelled.',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const platforms = new Set(ctx.env.topology.platforms.map((p) => p.id));
    const findings: RawFinding[] = [];
    const replaced = systemsOfClass(ctx.env, 'replace');
    // Judged: every replaced system (platform, deadline, then funding and deployed resources).
    countEvaluated(ctx, replaced.length);
    for (const { system, index } of replaced) {
      const who = displayName(system.id, system.name);
      const model = (path: string, text: LocalizedText): void => {
        findings.push({ doc: 'inventory', path, system: system.id, message: { zh: `${text.zh}${CLAUSE_ZH}。`, en: `${text.en}${CLAUSE_EN}.` } });
      };
      const platform = system.replacement?.platform;
      const deadline = system.replacement?.deadline;
      const base = system.replacement === undefined ? `/systems/${index}` : `/systems/${index}/replacement`;
      if (platform === undefined || platform.trim() === '') {
        model(base, { zh: `替代系统 ${who} 未写明替代它的统一平台 (replacement.platform)`, en: `Replaced system ${system.id} does not name the replacing platform (replacement.platform)` });
      } else if (!platforms.has(platform)) {
        model(`${base}/platform`, { zh: `替代系统 ${who} 的替代平台 ${platform} 不是拓扑中已有的统一平台`, en: `Replaced system ${system.id} names platform ${platform}, which is not a platform of the topology` });
      }
      if (!isIsoDate(deadline)) {
        model(deadline === undefined ? base : `${base}/deadline`, { zh: `替代系统 ${who} 没有有效的替代期限 (replacement.deadline)`, en: `Replaced system ${system.id} has no valid replacement deadline (replacement.deadline)` });
        continue;
      }
      if (ctx.asOf <= deadline) continue; // may still run until its deadline
      if (system.funding?.omStatus !== 'cancelled') {
        model(omStatusPath(system, index), {
          zh: `截至 ${ctx.asOf}，替代系统 ${who} 的替代期限 ${deadline} 已过，但运维经费状态为 ${omStatusText(system)}，应为已取消 (cancelled)`,
          en: `As of ${ctx.asOf}, the replacement deadline ${deadline} of system ${system.id} has passed but its O&M funding status is ${omStatusText(system)}, not cancelled`,
        });
      }
      findings.push(
        ...deployedResourceFindings(ctx, system.id, (r) => ({
          zh: `替代系统 ${who} 的替代期限 ${deadline} 已过（截至 ${ctx.asOf}），但资源 ${r.address} 仍部署在栈 ${r.stack} 中${CLAUSE_ZH}。`,
          en: `The replacement deadline ${deadline} of system ${system.id} has passed (as of ${ctx.asOf}) but resource ${r.address} is still in stack ${r.stack}${CLAUSE_EN}.`,
        })),
      );
    }
    return findings;
  },
});
