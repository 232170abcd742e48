import { ALL_LEVELS, countEvaluated, defineRule, describeLocation, migrationView, systemLabel } from '../sdk';
import { CLAUSE_CENTERS } from './lib/clauses';

/** Coverage: every system that must move onto 兵团云 has a move (wave and target center). */
export const MIG_001 = defineRule({
  id: 'MIG-001',
  pack: 'mig',
  severity: 'high',
  title: { zh: '待迁移系统均有迁移计划（批次与目标中心）', en: 'Every system to move has a migration entry (wave and target center)' },
  clause: CLAUSE_CENTERS,
  levels: ALL_LEVELS,
  remediation: {
    zh: '在 migration.yaml 的某一批次中为该系统添加迁移项（system、from、to 目标中心）；或将其分类为淘汰/替代。',
    en: 'Add a move for the system (system, from, to: target center) to a wave in migration.yaml, or classify it retire/replace.',
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    // Judged: every kept or replaced system not yet on 兵团云 (it moves, or is replaced in time).
    countEvaluated(ctx, view.systems.filter((s) => s.disposition === 'move' || s.disposition === 'replace').length);
    return view.systems
      .filter((s) => s.disposition === 'move' && s.moves.length === 0)
      .map((s) => {
        const where = describeLocation(s.location);
        const why = s.class === 'replace' ? { zh: `替代期限 ${s.replacement?.deadline} 晚于迁移期限`, en: `replaced only on ${s.replacement?.deadline}, after the move deadline` } : { zh: '继续使用', en: 'kept' };
        return {
          doc: 'inventory' as const,
          path: `${s.pointer}/location`,
          system: s.id,
          message: {
            zh: `系统 ${systemLabel(s)}（${why.zh}）位于${where.zh}，尚未上兵团云，且没有迁移计划（批次与目标中心）`,
            en: `system ${systemLabel(s)} (${why.en}) is in ${where.en}, not yet on the corps cloud, and has no migration entry (wave and target center)`,
          },
        };
      });
  },
});
