/**
 * NET-006: every kept system is connected to 大协同 (kind collaboration) and 大数据 (kind data)
 * by policy.deadlines.platformConnection (plan §一(三), §二(四): 2018年6月底前…接入兵团大协同、大数据平台),
 * or — approved after that date — within policy.newSystemGraceDays of its approval (§二(九): it is
 * built on the unified platform; the planning model's `connectBy`).
 * Dates: a connectedOn after the system's deadline is late whatever asOf is; a missing connection
 * is a finding only once asOf is past it. Classified systems are exempt: they live on the
 * isolated intranet, which these extranet platforms do not reach.
 */
import { ALL_LEVELS, countEvaluated, defineRule, displayName, isIsoDate, migrationView, planClause, systemsOfClass, type RawFinding } from '../sdk';

const REQUIRED_KINDS = [
  { kind: 'collaboration', zh: '大协同', en: 'collaboration (大协同)' },
  { kind: 'data', zh: '大数据', en: 'data (大数据)' },
] as const;

export const NET_006 = defineRule({
  id: 'NET-006',
  pack: 'net',
  severity: 'medium',
  title: { zh: '继续使用的系统接入大协同、大数据平台', en: 'Kept systems connected to the collaboration and data platforms' },
  clause: planClause('一(三)', '二(四)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '将系统接入兵团大协同和大数据平台，并在 inventory.yaml 的 platforms 中记录 connectedOn 日期（不晚于 policy.deadlines.platformConnection；期限后审批的系统不晚于审批日期加 policy.newSystemGraceDays）。',
    en: 'Connect the system to the corps collaboration and data platforms and record connectedOn in inventory.yaml platforms (on or before policy.deadlines.platformConnection; for a system approved later, within policy.newSystemGraceDays of its approval).',
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    const findings: RawFinding[] = [];
    const required: { ids: Set<string>; zh: string; en: string; kind: string }[] = [];
    for (const k of REQUIRED_KINDS) {
      const ids = new Set(ctx.env.topology.platforms.filter((p) => p.kind === k.kind).map((p) => p.id));
      if (ids.size > 0) {
        required.push({ ids, ...k });
        continue;
      }
      findings.push({
        doc: 'topology',
        path: '/platforms',
        message: {
          zh: `拓扑中没有${k.zh}平台（kind: ${k.kind}），继续使用的系统无处接入。`,
          en: `The topology declares no ${k.en} platform (kind ${k.kind}) for kept systems to connect to.`,
        },
      });
    }
    for (const { system, index } of systemsOfClass(ctx.env, 'keep')) {
      if (system.classified === true) continue;
      // Judged: every kept, non-classified system.
      countEvaluated(ctx, 1);
      const deadline = view.systemById.get(system.id)?.connectBy ?? ctx.env.policy.deadlines.platformConnection;
      const who = displayName(system.id, system.name);
      for (const req of required) {
        // Any platform of the kind will do; the earliest dated connection is the one judged.
        const dated = (system.platforms ?? [])
          .map((c, at) => ({ c, at }))
          .filter((x) => req.ids.has(x.c.platform) && isIsoDate(x.c.connectedOn))
          .sort((a, b) => ((a.c.connectedOn ?? '') < (b.c.connectedOn ?? '') ? -1 : 1));
        const first = dated[0];
        const on = first?.c.connectedOn;
        if (first !== undefined && on !== undefined) {
          if (on <= deadline) continue;
          findings.push({
            doc: 'inventory',
            path: `/systems/${index}/platforms/${first.at}/connectedOn`,
            system: system.id,
            message: {
              zh: `系统 ${who} 于 ${on} 才接入${req.zh}平台 ${first.c.platform}，晚于期限 ${deadline}。`,
              en: `System ${system.id} connects to the ${req.en} platform ${first.c.platform} on ${on}, after the deadline ${deadline}.`,
            },
          });
          continue;
        }
        if (ctx.asOf <= deadline) continue; // still within the plan's time limit
        const names = [...req.ids].sort().join('/');
        findings.push({
          doc: 'inventory',
          path: `/systems/${index}`,
          system: system.id,
          message: {
            zh: `截至 ${ctx.asOf}，继续使用的系统 ${who} 仍未接入${req.zh}平台（${names}），期限 ${deadline} 已过。`,
            en: `As of ${ctx.asOf}, kept system ${system.id} is not connected to the ${req.en} platform (${names}); the deadline ${deadline} has passed.`,
          },
        });
      }
    }
    return findings;
  },
});
