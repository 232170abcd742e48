import { ALL_LEVELS, countEvaluated, defineRule, migrationView, WAVE_KIND } from '../sdk';
import { CLAUSE_CENTERS } from './lib/clauses';

/** Wave deadlines within the deadline that applies to their systems. */
export const MIG_002 = defineRule({
  id: 'MIG-002',
  pack: 'mig',
  severity: 'high',
  title: { zh: '迁移批次不晚于其系统适用的期限', en: 'No wave ends after the deadline that applies to its systems' },
  clause: CLAUSE_CENTERS,
  levels: ALL_LEVELS,
  remediation: {
    zh: '将该批次的 deadline 提前到适用期限之内（方案期限 policy.deadlines；期限后审批的系统为审批日期加 policy.newSystemGraceDays），或把其中的系统拆到更早的批次。',
    en: "Bring the wave's deadline within the deadline of its systems (the plan's, policy.deadlines; for a system approved later, its approval date plus policy.newSystemGraceDays), or move those systems to an earlier wave.",
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    // Judged: the deadline of every wave.
    countEvaluated(ctx, view.waves.length);
    // A wave is held to the earliest deadline of the systems it brings onto the cloud (WaveView.dueBy);
    // a wave of re-homings only has none of the plan's dates (MIG-009 judges it).
    return view.waves.flatMap((w) => {
      if (w.dueBy === undefined || !(w.deadline > w.dueBy)) return [];
      const late = w.moves.filter((m) => m.dueBy !== undefined && m.dueBy < w.deadline).map((m) => `${m.system} (${m.dueBy})`);
      const which = late.length === 0 ? { zh: '', en: '' } : { zh: `，适用期限已过的系统：${late.join('、')}`, en: `; systems past their deadline: ${late.join(', ')}` };
      return [
        {
          doc: 'migration' as const,
          path: `${w.pointer}/deadline`,
          message: {
            zh: `批次 ${w.id}（${WAVE_KIND[w.kind].zh}）期限 ${w.deadline} 晚于适用期限 ${w.dueBy}${which.zh}`,
            en: `wave ${w.id} (${WAVE_KIND[w.kind].en}) ends ${w.deadline}, after the deadline that applies, ${w.dueBy}${which.en}`,
          },
        },
      ];
    });
  },
});
