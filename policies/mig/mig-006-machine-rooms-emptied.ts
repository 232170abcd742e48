import { ALL_LEVELS, countEvaluated, defineRule, describeLocation, MACHINE_ROOM_KINDS, migrationView, systemLabel, type SystemStatus } from '../sdk';
import { CLAUSE_CENTERS } from './lib/clauses';

/**
 * Whether a system should have left its machine room by `asOf`: kept systems, and replaced ones
 * whose replacement has not happened yet (no deadline, or a deadline still ahead).
 */
function mustHaveLeft(s: SystemStatus, asOf: string): boolean {
  if (s.classified || !MACHINE_ROOM_KINDS.has(s.location.kind) || s.moved) return false;
  // Approved after the deadline: its own grace applies, and MIG-008 judges it.
  if (s.graceEnds !== undefined) return false;
  if (s.class === 'keep') return true;
  if (s.class !== 'replace') return false;
  const deadline = s.replacement?.deadline;
  return deadline === undefined || deadline > asOf;
}

/**
 * After the centerMoves deadline, nothing filed before it remains in departmental, division or
 * regiment rooms (a system approved later has its own grace: MIG-008).
 */
export const MIG_006 = defineRule({
  id: 'MIG-006',
  pack: 'mig',
  severity: 'high',
  title: { zh: '期限后部门、师级、团场机房不再运行系统', en: 'After the deadline, no system remains in a departmental, division or regiment machine room' },
  clause: CLAUSE_CENTERS,
  levels: ALL_LEVELS,
  remediation: {
    zh: '完成该系统迁入兵团云（标记 done/doneOn 并更新 inventory 的 location），或将其淘汰/替代。',
    en: 'Finish moving the system onto the corps cloud (mark the move done and update its location), or retire/replace it.',
  },
  inputs: ['model'],
  check(ctx) {
    const deadline = ctx.env.policy.deadlines.centerMoves;
    const view = migrationView(ctx.env, ctx.asOf);
    const inRooms = view.systems.filter((s) => s.pointer !== '' && !s.classified && MACHINE_ROOM_KINDS.has(s.location.kind));
    // Judged: every filed, non-classified system in a machine room — before the deadline it may stay.
    countEvaluated(ctx, inRooms.length);
    if (!(ctx.asOf > deadline)) return [];
    return inRooms
      .filter((s) => mustHaveLeft(s, ctx.asOf))
      .map((s) => {
        const where = describeLocation(s.location);
        const open = s.moves.find((m) => !m.done);
        const state = open === undefined ? { zh: '没有迁移计划', en: 'it has no move' } : { zh: `迁移（批次 ${open.wave}）未完成`, en: `its move (wave ${open.wave}) is not done` };
        return {
          doc: 'inventory' as const,
          path: `${s.pointer}/location`,
          system: s.id,
          message: {
            zh: `截至 ${ctx.asOf}（迁移期限 ${deadline} 已过），系统 ${systemLabel(s)} 仍在${where.zh}，${state.zh}`,
            en: `as of ${ctx.asOf} (past the move deadline ${deadline}), system ${systemLabel(s)} is still in ${where.en}: ${state.en}`,
          },
        };
      });
  },
});
