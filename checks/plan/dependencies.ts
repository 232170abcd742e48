/**
 * Dependency order of the plan: a system arrives on 兵团云 no earlier than what it depends on
 * (already there, same wave, or an earlier one). Systems depending on each other form a cycle
 * that can only move together: a cycle whose members arrive in different waves is reported once.
 */
import { compareCodePoints } from '../core/order';
import { cyclicComponents, shortestCycle } from './scc';
import type { MigrationView, PlannedMove, SystemStatus } from './types';

export interface OrderViolation {
  system: SystemStatus;
  dependency: SystemStatus;
}

export interface CrossWaveCycle {
  /** Members, sorted. */
  members: string[];
  /** A cycle through the smallest member, in dependency order: `a → b → a`. */
  cycle: string[];
  /** Wave ids the members arrive in, in plan order. */
  waves: string[];
}

export interface DependencyOrder {
  violations: OrderViolation[];
  cycles: CrossWaveCycle[];
}

const moving = (s: SystemStatus | undefined): s is SystemStatus & { arrival: number } => s !== undefined && s.arrival !== undefined && s.arrival >= 0;

export function dependencyOrder(view: MigrationView): DependencyOrder {
  // Only moving systems constrain each other: a dependency already on the cloud is satisfied, and
  // one that never moves is MIG-001's finding, not an order problem.
  const edges = new Map<string, string[]>();
  const nodes: string[] = [];
  for (const s of view.systems) {
    if (!moving(s)) continue;
    nodes.push(s.id);
    edges.set(s.id, [...new Set(s.dependencies.filter((d) => d !== s.id && moving(view.systemById.get(d))))].sort());
  }
  nodes.sort();
  const cycles: CrossWaveCycle[] = [];
  /** Member → index of its cross-wave cycle. */
  const cycleOf = new Map<string, number>();
  for (const members of cyclicComponents(nodes, edges)) {
    const arrivals = [...new Set(members.map((m) => view.systemById.get(m)!.arrival!))].sort((a, b) => a - b);
    if (arrivals.length < 2) continue; // the whole cycle moves in one wave: allowed
    for (const m of members) cycleOf.set(m, cycles.length);
    cycles.push({
      members,
      cycle: shortestCycle(members[0], new Set(members), edges),
      waves: arrivals.map((a) => view.waves[a].id),
    });
  }
  const violations: OrderViolation[] = [];
  for (const id of nodes) {
    const system = view.systemById.get(id)!;
    for (const d of edges.get(id)!) {
      const dependency = view.systemById.get(d)!;
      if (cycleOf.has(id) && cycleOf.get(id) === cycleOf.get(d)) continue; // reported once, as the cycle
      if (dependency.arrival! > system.arrival!) violations.push({ system, dependency });
    }
  }
  return { violations, cycles };
}

export interface RehomingViolation {
  system: SystemStatus;
  /** The re-homing move (between two 兵团云 centers). */
  move: PlannedMove;
  /** A dependency that reaches 兵团云 only in a later wave. */
  dependency: SystemStatus;
}

/**
 * Dependency order of a re-homing (MIG-009): a system moved between two cloud centers in wave k
 * needs what it depends on on 兵团云 by then — already there, or arrived in wave k or earlier.
 */
export function rehomingOrder(view: MigrationView): RehomingViolation[] {
  const out: RehomingViolation[] = [];
  for (const system of view.systems) {
    for (const move of system.moves) {
      if (!move.rehoming) continue;
      for (const id of [...new Set(system.dependencies)].sort(compareCodePoints)) {
        const dependency = view.systemById.get(id);
        if (moving(dependency) && dependency.arrival > move.waveOrder) out.push({ system, move, dependency });
      }
    }
  }
  return out;
}
