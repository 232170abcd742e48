/**
 * INV-006: MLPS (等级保护) filing and assessment (plan §三(六) 等级保护和分级保护备案情况,
 * §二(十) 定期…等级保护检查). Level ≥ 2: a filing number. Level 3: assessed (测评) within the
 * last 365 days before asOf; level 4: within 183 days. A system without an MLPS record is judged at
 * policy.defaultMlpsLevel. Classified systems are under 分级保护 instead and need classifiedFiling;
 * retired systems are left to INV-003.
 */
import { ALL_LEVELS, countEvaluated, daysBetween, defineRule, indexedSystems, isFilled, isIsoDate, planClause, type InfoSystem, type LocalizedText, type RawFinding } from '../sdk';

/** Longest allowed gap between assessments, in days, by level. */
const ASSESSMENT_INTERVAL_DAYS: Readonly<Partial<Record<number, number>>> = { 3: 365, 4: 183 };

const CLAUSE_ZH = '';
const CLAUSE_EN = '';

function assessmentProblem(system: InfoSystem, level: number, asOf: string): LocalizedText | undefined {
  const interval = ASSESSMENT_INTERVAL_DAYS[level];
  if (interval === undefined) return undefined;
  const every = level === 4 ? { zh: '每半年', en: 'every six months' } : { zh: '每年', en: 'every year' };
  const last = system.mlps?.lastAssessment;
  if (!isIsoDate(last)) {
    return { zh: `${level}级系统没有等保测评日期 (mlps.lastAssessment)；须${every.zh}至少测评一次`, en: `is at level ${level} but has no assessment date (mlps.lastAssessment); it must be assessed ${every.en}` };
  }
  if (last > asOf) {
    return { zh: `测评日期 ${last} 晚于检查日期 ${asOf}，不能作为已完成的测评`, en: `has an assessment date ${last} after the check date ${asOf}, which is not a completed assessment` };
  }
  const age = daysBetween(last, asOf);
  if (age <= interval) return undefined;
  return {
    zh: `上次等保测评 ${last} 距 ${asOf} 已 ${age} 天，超过 ${interval} 天；${level}级系统须${every.zh}至少测评一次`,
    en: `was last assessed on ${last}, ${age} days before ${asOf}, more than ${interval} days; level ${level} is assessed ${every.en}`,
  };
}

export const INV_006 = defineRule({
  id: 'INV-006',
  pack: 'inv',
  severity: 'medium',
  title: { zh: '等级保护备案与定期测评', en: 'MLPS filing number and regular assessment' },
  clause: planClause('三(六)', '二(十)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '二级及以上系统向公安机关办理等保备案并记录 mlps.filingNumber；三级系统每年、四级系统每半年开展等保测评并更新 mlps.lastAssessment；涉密系统记录分级保护备案 classifiedFiling。',
    en: 'File level 2+ systems with the public-security authority (mlps.filingNumber); assess level 3 yearly and level 4 every six months (mlps.lastAssessment); record classifiedFiling for classified systems.',
  },
  inputs: ['model'],
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const { system, index } of indexedSystems(ctx.env)) {
      if (system.class === 'retire') continue;
      // Judged: every system not retired (MLPS filing and assessment, or classified filing).
      countEvaluated(ctx, 1);
      const push = (path: string, text: LocalizedText): void => {
        findings.push({
          doc: 'inventory',
          path,
          system: system.id,
          message: { zh: `系统 ${system.id} ${text.zh}${CLAUSE_ZH}。`, en: `System ${system.id} ${text.en}${CLAUSE_EN}.` },
        });
      };
      const mlpsPath = system.mlps === undefined ? `/systems/${index}` : `/systems/${index}/mlps`;
      if (system.classified === true) {
        if (!isFilled(system.classifiedFiling)) {
          push(`/systems/${index}`, { zh: '是涉密系统，但没有分级保护备案 (classifiedFiling)', en: 'is classified but has no classified-protection filing (classifiedFiling)' });
        }
        continue;
      }
      const level = system.mlps?.level ?? ctx.env.policy.defaultMlpsLevel;
      if (level >= 2 && !isFilled(system.mlps?.filingNumber)) {
        push(mlpsPath, { zh: `为${level}级，但没有等级保护备案号 (mlps.filingNumber)`, en: `is at level ${level} but has no MLPS filing number (mlps.filingNumber)` });
      }
      const problem = assessmentProblem(system, level, ctx.asOf);
      if (problem) push(system.mlps?.lastAssessment === undefined ? mlpsPath : `${mlpsPath}/lastAssessment`, problem);
    }
    return findings;
  },
});
