import { ALL_LEVELS, countEvaluated, defineRule, migrationView, WAVE_KIND } from '../sdk';
import { CLAUSE_CENTERS } from './lib/clauses';

/** As of the check date, no wave past its deadline still has moves not done. */
export const MIG_005 = defineRule({
  id: 'MIG-005',
  pack: 'mig',
  severity: 'medium',
  title: { zh: '已过期限的批次均已完成', en: 'No wave past its deadline still has systems not done' },
  clause: CLAUSE_CENTERS,
  levels: ALL_LEVELS,
  remediation: {
    zh: '完成迁移并标记 done/doneOn，或经批准后调整该批次的期限。',
    en: 'Finish the moves and mark them done (doneOn), or re-plan the wave with an approved new deadline.',
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    // Judged: every wave, as of the check date.
    countEvaluated(ctx, view.waves.length);
    return view.waves
      .filter((w) => w.overdue)
      .map((w) => {
        const late = w.moves.filter((m) => m.late).map((m) => m.system);
        return {
          doc: 'migration' as const,
          path: w.pointer,
          message: {
            zh: `截至 ${view.asOf}，批次 ${w.id}（${WAVE_KIND[w.kind].zh}）已过期限 ${w.deadline}，仍有 ${late.length} 个系统未完成：${late.join('、')}`,
            en: `as of ${view.asOf}, wave ${w.id} (${WAVE_KIND[w.kind].en}) is past its deadline ${w.deadline} with ${late.length} system(s) not done: ${late.join(', ')}`,
          },
        };
      });
  },
});
