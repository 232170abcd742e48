/**
 * What runs in one center: the systems placed there as primary (placement.ts) and the DR instances
 * other centers' systems keep there (dr-placement.ts). Pure, so a stack builds only its own center
 * and the checks can ask the same question.
 */
import type { Center, Department, Environment, InfoSystem, MlpsLevel, ZoneId } from '../core/types';
import type { PlacementRole } from '../core/labels';
import { placementOf, type Placement } from './placement';
import { drPlanOf, type DrMode } from './dr-placement';

export interface SystemDeployment {
  system: InfoSystem;
  /** Index of the system in inventory.systems (for error positions). */
  index: number;
  department?: Department;
  center: Center;
  role: PlacementRole;
  level: MlpsLevel;
  zone: ZoneId;
  /** The primary center (itself for role primary). */
  primaryCenter: Center;
  /** For role dr. */
  drMode?: DrMode;
  /** Replicas of the workload here. */
  replicas: number;
  /** A replica PVC receiving the primary's data here (role dr). */
  replica: boolean;
}

/** Replicas a system must run at its level: ≥ 2 from level 3 (MLPS-004). */
export function minReplicas(level: MlpsLevel): number {
  return level >= 3 ? 2 : 1;
}

export function hasPersistentData(system: InfoSystem): boolean {
  return (system.workload?.storageGiB ?? 0) > 0;
}

/** Placement of every system, by id. */
export function placements(env: Environment, asOf: string): Map<string, Placement> {
  const out = new Map<string, Placement>();
  for (const s of env.inventory.systems) out.set(s.id, placementOf(env, s, { asOf }));
  return out;
}

/** Systems deployed in `centerId` (primary and DR), in inventory order, primaries first. */
export function deploymentsIn(env: Environment, centerId: string, asOf: string, placed = placements(env, asOf)): SystemDeployment[] {
  const primaries: SystemDeployment[] = [];
  const standbys: SystemDeployment[] = [];
  env.inventory.systems.forEach((system, index) => {
    const p = placed.get(system.id);
    if (!p || !p.deployed) return;
    const department = env.inventory.departments.find((d) => d.id === system.department);
    const requested = system.workload?.replicas ?? 0;
    const full = Math.max(requested, minReplicas(p.level));
    const base = { system, index, department, level: p.level, zone: p.zone, primaryCenter: p.center };
    if (p.center.id === centerId) {
      primaries.push({ ...base, center: p.center, role: 'primary', replicas: full, replica: false });
      return;
    }
    const dr = drPlanOf(env, p.center, p.level, hasPersistentData(system));
    if (dr.center?.id === centerId && dr.mode) {
      const replicas = dr.mode === 'active' ? full : minReplicas(p.level);
      standbys.push({ ...base, center: dr.center, role: 'dr', drMode: dr.mode, replicas, replica: dr.replica });
    }
  });
  return [...primaries, ...standbys];
}
