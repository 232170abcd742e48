import { ALL_LEVELS, countEvaluated, defineRule, describeLocation, migrationView, systemLabel, type RawFinding, type SystemStatus } from '../sdk';
import { CLAUSE_UNIFIED_PLATFORM } from './lib/clauses';

/** Kept or replaced-later systems approved after the plan's consolidation deadline. */
const bornAfterThePlan = (s: SystemStatus): s is SystemStatus & { graceEnds: string } =>
  s.graceEnds !== undefined && s.pointer !== '' && !s.classified && (s.class === 'keep' || s.class === 'replace') && (s.disposition === 'on-cloud' || s.disposition === 'move');

/** Why a system approved after the deadline is not on 兵团云 within its grace, or undefined. */
function lateness(s: SystemStatus & { graceEnds: string }, asOf: string): { zh: string; en: string; path?: string } | undefined {
  const onto = s.moves.find((m) => !m.rehoming);
  if (onto === undefined && s.disposition === 'on-cloud') return undefined; // born on the cloud
  if (onto === undefined) {
    return asOf > s.graceEnds ? { zh: '没有迁入兵团云的迁移计划', en: 'it has no move onto the corps cloud' } : undefined;
  }
  if (onto.done) {
    return onto.doneOn !== undefined && onto.doneOn > s.graceEnds ? { zh: `于 ${onto.doneOn} 才迁入（批次 ${onto.wave}）`, en: `it moved only on ${onto.doneOn} (wave ${onto.wave})`, path: `${onto.pointer}/doneOn` } : undefined;
  }
  if (asOf > s.graceEnds) return { zh: `迁移（批次 ${onto.wave}）截至 ${asOf} 仍未完成`, en: `its move (wave ${onto.wave}) is not done as of ${asOf}`, path: onto.pointer };
  return undefined;
}

/** A system approved after the consolidation deadline is built on 兵团云, or moves there within the grace. */
export const MIG_008 = defineRule({
  id: 'MIG-008',
  pack: 'mig',
  severity: 'high',
  title: { zh: '期限后审批的系统依托兵团云建设', en: 'Systems approved after the deadline are built on the corps cloud' },
  clause: CLAUSE_UNIFIED_PLATFORM,
  levels: ALL_LEVELS,
  remediation: {
    zh: '新审批的系统直接建在兵团云上（location kind: cloud），或在审批后 policy.newSystemGraceDays 天（默认 180 天）内迁入：在 migration.yaml 新增批次并完成迁移（done/doneOn）。',
    en: 'Build a newly approved system on the corps cloud (location kind: cloud), or move it there within policy.newSystemGraceDays (default 180) of its approval: a move in a new wave of migration.yaml, done (doneOn) in time.',
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    const late = view.systems.filter(bornAfterThePlan);
    // Judged: every kept or replaced system approved after the consolidation deadline.
    countEvaluated(ctx, late.length);
    const findings: RawFinding[] = [];
    for (const s of late) {
      const why = lateness(s, ctx.asOf);
      if (why === undefined) continue;
      const where = describeLocation(s.location);
      findings.push({
        doc: why.path === undefined ? 'inventory' : 'migration',
        path: why.path ?? `${s.pointer}/location`,
        system: s.id,
        message: {
          zh: `系统 ${systemLabel(s)} 于 ${s.approvedOn} 审批（晚于方案期限 ${ctx.env.policy.deadlines.centerMoves}），应依托兵团云建设，最迟 ${s.graceEnds} 上云；它位于${where.zh}，${why.zh}`,
          en: `system ${systemLabel(s)} was approved on ${s.approvedOn}, after the plan's deadline ${ctx.env.policy.deadlines.centerMoves}: it is built on the corps cloud, by ${s.graceEnds} at the latest; it is in ${where.en} and ${why.en}`,
        },
      });
    }
    return findings;
  },
});
