/**
 * Builds the migration planning model from an environment: waves in plan order, every system's
 * disposition and moves, committed capacity per center after each wave, what is late.
 * The MIG rules and `btyun migration` both read it, so the numbers are computed once.
 */
import { childPointer } from '../core/pointer';
import { compareCodePoints } from '../core/order';
import type { Environment, InfoSystem, Move, PlanDeadlines, Wave, WaveKind } from '../core/types';
import { CapacityLedger } from './capacity';
import { rehomingOrder } from './dependencies';
import { approvalDateOf, approvedAfter, deadlineFor } from './deadlines';
import { dispositionOf } from './disposition';
import { instancesOf, NO_FOOTPRINT, primaryFootprint, sizeOf, type SystemSize } from './footprint';
import type { MigrationView, PlannedMove, SystemStatus, WaveView } from './types';

/** The plan's deadline for each kind of wave (policy.deadlines). */
export function planDeadlineFor(kind: WaveKind, deadlines: PlanDeadlines): string {
  switch (kind) {
    case 'center-move':
      return deadlines.centerMoves;
    case 'division-consolidation':
      return deadlines.divisionConsolidation;
    case 'platform-connection':
      return deadlines.platformConnection;
  }
}

/**
 * Plan order: by deadline, then by position in migration.yaml. A wave is finished by its deadline,
 * so that is when its systems run in their new center.
 */
export function orderWaves(waves: readonly Wave[]): { wave: Wave; fileIndex: number }[] {
  return waves
    .map((wave, fileIndex) => ({ wave, fileIndex }))
    .sort((a, b) => (a.wave.deadline < b.wave.deadline ? -1 : a.wave.deadline > b.wave.deadline ? 1 : a.fileIndex - b.fileIndex));
}

function systemStatus(system: InfoSystem, index: number, env: Environment, size: SystemSize): SystemStatus {
  const disposition = dispositionOf(system, env.policy.deadlines);
  const approvedOn = approvalDateOf(system);
  // Approved after the consolidation deadline: born on 兵团云, or there by approval + grace (MIG-008).
  const bornLate = approvedAfter(system, env.policy.deadlines.centerMoves);
  return {
    id: system.id,
    name: system.name ?? system.id,
    pointer: childPointer('/systems', index),
    class: system.class,
    classified: system.classified === true,
    location: system.location,
    disposition,
    replacement: system.replacement,
    divisions: [...new Set([...(system.location.division !== undefined ? [system.location.division] : []), ...(system.scope?.divisions ?? [])])].sort(),
    dependencies: system.dependencies ?? [],
    ...(approvedOn !== undefined ? { approvedOn } : {}),
    ...(bornLate ? { graceEnds: deadlineFor(system, env.policy.deadlines.centerMoves, env.policy) } : {}),
    connectBy: deadlineFor(system, env.policy.deadlines.platformConnection, env.policy),
    moves: [],
    moved: false,
    level: system.mlps?.level ?? env.policy.defaultMlpsLevel,
    footprint: primaryFootprint(size),
    ...(size.unreadable !== undefined ? { unreadable: size.unreadable } : {}),
  };
}

/** A system named by a move but not filed: shown by id, occupying nothing. */
function unfiledStatus(id: string, from: PlannedMove['from'], env: Environment): SystemStatus {
  return {
    id,
    name: id,
    pointer: '',
    classified: false,
    location: from,
    disposition: 'unclassified',
    divisions: from.division !== undefined ? [from.division] : [],
    dependencies: [],
    connectBy: env.policy.deadlines.platformConnection,
    moves: [],
    moved: false,
    level: env.policy.defaultMlpsLevel,
    footprint: NO_FOOTPRINT,
  };
}

/**
 * Where a system runs before the plan: the `from` of its first move when it has moves (its
 * inventory location may already show where it went), else its inventory location. Retired
 * systems are switched off and not counted (INV-003 reports any that still run).
 */
function startingCenter(s: SystemStatus, firstMove: Move | undefined): string | undefined {
  if (firstMove) return firstMove.from.kind === 'cloud' ? firstMove.from.center : undefined;
  return s.disposition === 'on-cloud' && s.class !== 'retire' ? s.location.center : undefined;
}

/** The deadline a wave is held to (see WaveView.dueBy). */
function waveDueBy(moves: readonly PlannedMove[], planDeadline: string): { dueBy?: string } {
  if (moves.length === 0) return { dueBy: planDeadline };
  const due = moves.flatMap((m) => (m.dueBy !== undefined ? [m.dueBy] : [])).sort(compareCodePoints);
  return due.length > 0 ? { dueBy: due[0] } : {};
}

export function buildMigrationView(env: Environment, asOf: string): MigrationView {
  const sizes = new Map(env.inventory.systems.map((s) => [s.id, sizeOf(s)]));
  const systems = env.inventory.systems.map((s, i) => systemStatus(s, i, env, sizes.get(s.id)!));
  const byId = new Map(systems.map((s) => [s.id, s]));
  const filedById = new Map(env.inventory.systems.map((s) => [s.id, s]));
  const ordered = orderWaves(env.migration.waves);
  const firstMove = new Map<string, Move>();
  for (const { wave } of ordered) for (const m of wave.moves) if (!firstMove.has(m.system)) firstMove.set(m.system, m);
  for (const [id, m] of firstMove) if (!byId.has(id)) byId.set(id, unfiledStatus(id, m.from, env));

  const ledger = new CapacityLedger(env.topology.centers, env.policy.headroom);
  const centers = new Map(env.topology.centers.map((c) => [c.id, c]));
  const run = (s: SystemStatus, center: string): void => {
    const size = sizes.get(s.id) ?? { replicas: 0, cpuMillicores: 0, memoryBytes: 0, storageGiB: 0 };
    ledger.place(s.id, instancesOf(env, centers.get(center), center, size, s.level));
  };
  for (const s of byId.values()) {
    const first = firstMove.get(s.id);
    const center = startingCenter(s, first);
    if (center !== undefined) run(s, center);
    // Arrival on 兵团云: before the plan (-1) when it starts there, else the wave of its first move.
    s.arrival = center !== undefined || (first === undefined && s.disposition === 'on-cloud') ? -1 : undefined;
  }
  const baseline = ledger.snapshot();
  const waves: WaveView[] = ordered.map(({ wave, fileIndex }, order) => {
    const pointer = childPointer('/waves', fileIndex);
    const moves = wave.moves.map((m, k): PlannedMove => {
      const status = byId.get(m.system)!;
      const done = m.done === true;
      const rehoming = m.from.kind === 'cloud';
      const filed = filedById.get(m.system);
      const move: PlannedMove = {
        system: m.system,
        systemName: status.name,
        wave: wave.id,
        waveOrder: order,
        pointer: childPointer(childPointer(pointer, 'moves'), k),
        from: m.from,
        to: m.to,
        done,
        ...(m.doneOn !== undefined ? { doneOn: m.doneOn } : {}),
        late: !done && wave.deadline < asOf,
        rehoming,
        ...(!rehoming && filed !== undefined ? { dueBy: deadlineFor(filed, planDeadlineFor(wave.kind, env.policy.deadlines), env.policy) } : {}),
      };
      status.moves.push(move);
      if (status.arrival === undefined) status.arrival = order;
      run(status, m.to);
      return move;
    });
    return {
      id: wave.id,
      name: wave.name,
      kind: wave.kind,
      ...(wave.start !== undefined ? { start: wave.start } : {}),
      deadline: wave.deadline,
      planDeadline: planDeadlineFor(wave.kind, env.policy.deadlines),
      ...waveDueBy(moves, planDeadlineFor(wave.kind, env.policy.deadlines)),
      order,
      pointer,
      moves,
      overdue: moves.some((m) => m.late),
      capacity: ledger.snapshot(),
    };
  });
  for (const s of byId.values()) s.moved = s.moves.length > 0 && s.moves.every((m) => m.done);
  const view: MigrationView = {
    asOf,
    headroom: env.policy.headroom,
    baseline,
    waves,
    systems: [...byId.values()],
    systemById: byId,
  };
  // A re-homing is a move like any other: what it depends on is on 兵团云 by its wave.
  for (const v of rehomingOrder(view)) v.move.laterDependencies = [...(v.move.laterDependencies ?? []), v.dependency.id];
  return view;
}

const CACHE = new WeakMap<Environment, Map<string, MigrationView>>();

/** The planning model of `env` as of `asOf`, computed once and shared by every MIG rule. */
export function migrationView(env: Environment, asOf: string): MigrationView {
  let perDate = CACHE.get(env);
  if (!perDate) {
    perDate = new Map();
    CACHE.set(env, perDate);
  }
  let view = perDate.get(asOf);
  if (!view) {
    view = buildMigrationView(env, asOf);
    perDate.set(asOf, view);
  }
  return view;
}
