/**
 * The generated migration plan: every system moves from its 2017 machine room onto its center,
 * corps systems in center-move waves (部门机房 → 兵团云), division systems in division-consolidation
 * waves (师级/团场分散机房 → 师级数据中心). Three waves of each kind, all done and all ending by the
 * plan's deadline 2018-06-30. Systems are put in waves in inventory order and finish on
 * non-decreasing dates, and a system only depends on earlier systems, so a dependency always moves
 * in the same or an earlier wave, no later (MIG-003). Platform connections (大协同/大数据, and 大服务
 * for Internet-facing systems) go live on the day of the move (NET-006).
 */
import type { Move, Wave, WaveKind } from '../../core/types';
import { DIVISIONS } from './catalogue';
import { addDays, daysBetween } from './dates';
import type { Random } from './random';
import type { SystemDraft } from './systems';

interface WaveSpec {
  start: string;
  deadline: string;
}

const WAVES: readonly WaveSpec[] = [
  { start: '2017-12-01', deadline: '2018-02-28' },
  { start: '2018-03-01', deadline: '2018-04-30' },
  { start: '2018-05-01', deadline: '2018-06-30' },
];

const KINDS: readonly { kind: WaveKind; id: string; name: string }[] = [
  { kind: 'center-move', id: 'corps', name: '兵团机关政务信息系统迁入兵团云' },
  { kind: 'division-consolidation', id: 'division', name: '师市分散机房整合迁入师级数据中心' },
];

const ORDINALS = ['一', '二', '三'];

function fromLocation(rng: Random, draft: SystemDraft): Move['from'] {
  const { center, system } = draft;
  if (center.role !== 'division') return { kind: 'department-room', site: `${system.builder ?? '部门'}机房` };
  const division = DIVISIONS.find((d) => d.id === center.division);
  return rng.chance(0.3)
    ? { kind: 'regiment-room', site: `${division?.name ?? ''}团场机房`, division: center.division }
    : { kind: 'division-room', site: `${division?.name ?? ''}分散机房`, division: center.division };
}

export function planMigration(rng: Random, drafts: readonly SystemDraft[]): Wave[] {
  const waves: Wave[] = [];
  for (const kind of KINDS) {
    const members = drafts.filter((d) => (d.center.role === 'division') === (kind.kind === 'division-consolidation'));
    WAVES.forEach((spec, w) => {
      const lo = Math.floor((members.length * w) / WAVES.length);
      const hi = Math.floor((members.length * (w + 1)) / WAVES.length);
      const share = members.slice(lo, hi);
      const span = daysBetween(spec.start, spec.deadline);
      const moves: Move[] = share.map((draft, k) => {
        const spread = addDays(spec.start, Math.floor((k * span) / Math.max(1, share.length)));
        // INV-009: a move is not completed before its target center is in service.
        const inService = draft.center.inServiceFrom;
        const doneOn = inService !== undefined && spread < inService ? inService : spread;
        draft.system.platforms = [
          { platform: 'dxt', connectedOn: doneOn },
          { platform: 'dsj', connectedOn: doneOn },
          ...(draft.system.zone === 'extranet-internet-access' ? [{ platform: 'dfw', connectedOn: doneOn }] : []),
        ];
        return { system: draft.system.id, from: fromLocation(rng, draft), to: draft.center.id, done: true, doneOn };
      });
      if (moves.length === 0) return;
      waves.push({ id: `${kind.id}-wave-${w + 1}`, name: `第${ORDINALS[w]}批：${kind.name}`, kind: kind.kind, start: spec.start, deadline: spec.deadline, moves });
    });
  }
  return waves;
}
