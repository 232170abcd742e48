/**
 * TOPO-004: every division center does DR through a corps DR center
 * (plan §二(三): 依托兵团实现容灾).
 */
import { ALL_LEVELS, centersById, centersWithRole, countEvaluated, defineRule, planClause, type RawFinding } from '../sdk';

export const TOPO_004 = defineRule({
  id: 'TOPO-004',
  pack: 'topo',
  severity: 'high',
  title: { zh: '师级中心依托兵团容灾中心实现容灾', en: 'Every division center does DR through a corps DR center' },
  clause: planClause('二(三)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '为每个师级中心设置 drTarget，指向一个 role: corps-dr 的兵团级容灾中心。',
    en: 'Set drTarget of every division center to a center with role corps-dr.',
  },
  inputs: ['model'],
  check(ctx) {
    const byId = centersById(ctx.env);
    const findings: RawFinding[] = [];
    const divisionCenters = centersWithRole(ctx.env, 'division');
    // Judged: every division center.
    countEvaluated(ctx, divisionCenters.length);
    for (const { center, index } of divisionCenters) {
      const target = center.drTarget;
      if (target === undefined || target.trim() === '') {
        findings.push({
          doc: 'topology',
          path: `/centers/${index}`,
          center: center.id,
          message: {
            zh: `师级数据中心 ${center.id} 未设置容灾目标 drTarget；师市须依托兵团实现容灾。`,
            en: `Division center ${center.id} has no drTarget; divisions do DR through the corps.`,
          },
        });
        continue;
      }
      const found = byId.get(target);
      if (found?.center.role === 'corps-dr') continue;
      const what = found === undefined
        ? { zh: '不存在的中心', en: 'a center that does not exist' }
        : { zh: `角色为 ${found.center.role} 的中心`, en: `a center with role ${found.center.role}` };
      findings.push({
        doc: 'topology',
        path: `/centers/${index}/drTarget`,
        center: center.id,
        message: {
          zh: `师级数据中心 ${center.id} 的 drTarget ${target} 是${what.zh}，而不是兵团级容灾中心。`,
          en: `Division center ${center.id} has drTarget ${target}, ${what.en}, not a corps DR center.`,
        },
      });
    }
    return findings;
  },
});
