/**
 * What the plan (§二(三)) asks of a system: kept systems move onto 兵团云; retired ones are
 * switched off instead; replaced ones are switched off once the unified platform takes over —
 * they move only when that happens after the centerMoves deadline; classified (涉密) systems stay
 * on 政务内网.
 */
import type { InfoSystem, PlanDeadlines } from '../core/types';
import type { Disposition } from './types';

export function dispositionOf(system: InfoSystem, deadlines: PlanDeadlines): Disposition {
  if (system.location.kind === 'cloud') return 'on-cloud';
  if (system.classified === true) return 'classified';
  switch (system.class) {
    case 'retire':
      return 'retire';
    case 'keep':
      return 'move';
    case 'replace': {
      // Without a deadline INV-004 reports the replacement; here it counts as replaced in time.
      const deadline = system.replacement?.deadline;
      return deadline !== undefined && deadline > deadlines.centerMoves ? 'move' : 'replace';
    }
    default:
      return 'unclassified';
  }
}

/** Machine rooms the plan consolidates away (部门机房, 师级分散机房, 团场机房). */
export const MACHINE_ROOM_KINDS: ReadonlySet<string> = new Set(['department-room', 'division-room', 'regiment-room']);
