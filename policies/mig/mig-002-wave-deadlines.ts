import { ALL_LEVELS, countEvaluated, defineRule, migrationView, WAVE_KIND } from '../sdk';
import { CLAUSE_CENTERS } from './lib/clauses';

/** Wave deadlines within the plan's deadline for their kind of move. */
export const MIG_002 = defineRule({
  id: 'MIG-002',
  pack: 'mig',
  severity: 'high',
  title: { zh: '迁移批次不晚于方案期限', en: 'No wave ends after the plan deadline for its kind of move' },
  clause: CLAUSE_CENTERS,
  levels: ALL_LEVELS,
  remediation: {
    zh: '将该批次的 deadline 提前到方案期限（policy.deadlines）之内，或把其中的系统拆到更早的批次。',
    en: "Bring the wave's deadline within the plan deadline (policy.deadlines), or move its systems to an earlier wave.",
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    // Judged: the deadline of every wave.
    countEvaluated(ctx, view.waves.length);
    return view.waves
      .filter((w) => w.deadline > w.planDeadline)
      .map((w) => ({
        doc: 'migration' as const,
        path: `${w.pointer}/deadline`,
        message: {
          zh: `批次 ${w.id}（${WAVE_KIND[w.kind].zh}）期限 ${w.deadline} 晚于方案期限 ${w.planDeadline}`,
          en: `wave ${w.id} (${WAVE_KIND[w.kind].en}) ends ${w.deadline}, after the plan deadline ${w.planDeadline}`,
        },
      }));
  },
});
