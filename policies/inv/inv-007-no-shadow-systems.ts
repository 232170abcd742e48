/**
 * INV-007: every deployed resource labelled with a system belongs to a system filed in the
 * inventory — no unfiled "shadow" systems (plan §三(六) 先…全口径备案; 对不符合…不予审批).
 */
import { ALL_LEVELS, countEvaluated, defineRule, LABELS, planClause, type RawFinding } from '../sdk';

export const INV_007 = defineRule({
  id: 'INV-007',
  pack: 'inv',
  severity: 'high',
  title: { zh: '部署的资源属于已备案的系统', en: 'Every deployed system is filed' },
  clause: planClause('三(六)', '二(一)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '先在 inventory.yaml 中为该系统全口径备案，或更正资源的 xjbt.gov.cn/system 标签；未备案的系统不得部署。',
    en: 'File the system in inventory.yaml first, or correct the xjbt.gov.cn/system label of the resource; an unfiled system is not deployed.',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    if (!ctx.hasConfiguration) return [];
    const filed = new Set(ctx.env.inventory.systems.map((s) => s.id));
    const findings: RawFinding[] = [];
    for (const r of ctx.resources.withLabel(LABELS.system)) {
      const system = r.system;
      if (system === undefined) continue;
      // Judged: every resource labelled with a system.
      countEvaluated(ctx, 1);
      if (filed.has(system)) continue;
      findings.push({
        resource: r,
        system,
        message: {
          zh: `资源 ${r.address}（栈 ${r.stack}）标记为系统 ${system}，但该系统未在清单中备案。`,
          en: `Resource ${r.address} (stack ${r.stack}) is labelled with system ${system}, which is not filed in the inventory.`,
        },
      });
    }
    return findings;
  },
});
