/**
 * INV-008: a department's vertical business system (纵向业务系统, scope.vertical) is deployed once,
 * at corps level (plan §二(四) 兵团级大集中部署模式): its primary instance is in the corps primary
 * center; DR copies (role `dr`) may be in corps centers; nothing in a division center.
 * A resource's center is its `xjbt.gov.cn/center` label, else its stack id. Resources in a stack
 * that is not a known center are not judged here.
 */
import { ALL_LEVELS, countEvaluated, centersById, defineRule, displayName, indexedSystems, movesOf, planClause, type CenterRole, type LocalizedText, type RawFinding } from '../sdk';

const CLAUSE_ZH = '';
const CLAUSE_EN = '';

const PRIMARY_ROLES: readonly CenterRole[] = ['corps-primary'];
const DR_ROLES: readonly CenterRole[] = ['corps-primary', 'corps-dr'];

export const INV_008 = defineRule({
  id: 'INV-008',
  pack: 'inv',
  severity: 'medium',
  title: { zh: '纵向业务系统兵团级大集中部署', en: 'Vertical business systems deployed once, at corps level' },
  clause: planClause('二(四)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '将该纵向业务系统只部署在兵团级主数据中心（容灾副本在兵团级容灾中心），撤除师级中心中的实例，并把迁移目标改为兵团级中心。',
    en: 'Deploy the vertical system once in the corps primary center (DR copies in corps DR centers), remove its instances from division centers, and target the corps center in the migration plan.',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const centers = centersById(ctx.env);
    const isDivision = (id: string | undefined): boolean => id !== undefined && centers.get(id)?.center.role === 'division';
    const findings: RawFinding[] = [];
    for (const { system, index } of indexedSystems(ctx.env)) {
      if (system.scope?.vertical !== true) continue;
      // Judged: every vertical system (location, moves, deployed resources).
      countEvaluated(ctx, 1);
      const who = displayName(system.id, system.name);
      const model = (doc: 'inventory' | 'migration', path: string, text: LocalizedText): void => {
        findings.push({ doc, path, system: system.id, message: { zh: `${text.zh}${CLAUSE_ZH}。`, en: `${text.en}${CLAUSE_EN}.` } });
      };
      if (system.location.kind === 'cloud' && isDivision(system.location.center)) {
        model('inventory', `/systems/${index}/location/center`, {
          zh: `纵向业务系统 ${who} 部署在师级中心 ${system.location.center}，应兵团级大集中部署`,
          en: `Vertical system ${system.id} is placed in division center ${system.location.center}; it belongs at corps level`,
        });
      }
      for (const move of movesOf(ctx.env, system.id)) {
        if (!isDivision(move.to)) continue;
        model('migration', `${move.path}/to`, {
          zh: `迁移计划将纵向业务系统 ${who} 迁往师级中心 ${move.to}，应迁往兵团级主数据中心`,
          en: `The migration plan moves vertical system ${system.id} to division center ${move.to}; it belongs in the corps primary center`,
        });
      }
      if (!ctx.hasConfiguration) continue;
      for (const r of ctx.resources.bySystem(system.id)) {
        const centerId = r.center ?? r.stack;
        const center = centers.get(centerId)?.center;
        if (center === undefined) continue;
        const isDr = r.role === 'dr';
        if ((isDr ? DR_ROLES : PRIMARY_ROLES).includes(center.role)) continue;
        const what = isDr ? { zh: '容灾副本', en: 'DR copy' } : { zh: '主实例', en: 'primary instance' };
        findings.push({
          resource: r,
          system: system.id,
          center: center.id,
          message: {
            zh: `纵向业务系统 ${who} 的${what.zh}资源 ${r.address} 位于 ${center.id}（${center.role}）；应只在兵团级${isDr ? '中心' : '主数据中心'}部署${CLAUSE_ZH}。`,
            en: `Resource ${r.address} (${what.en}) of vertical system ${system.id} is in ${center.id} (${center.role}); it belongs only in the corps ${isDr ? 'centers' : 'primary center'}${CLAUSE_EN}.`,
          },
        });
      }
    }
    return findings;
  },
});
