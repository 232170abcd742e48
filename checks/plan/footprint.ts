/**
 * The resources a system occupies: replicas × requests (CPU, memory) and its persistent data
 * (workload.storageGiB, counted once per system). Requests, not limits: they are what the scheduler
 * reserves. A system without a workload occupies nothing.
 *
 * DR instances are counted too, placed as the stacks place them (stacks/dr-placement.ts): from
 * MLPS level 3 a standby in a corps DR center in another city — warm with the minimum replicas at
 * level 3, active with full replicas at level 4 — plus a replica of the data (storageGiB) there.
 */
import type { Center, Environment, InfoSystem, MlpsLevel } from '../core/types';
import { drPlanOf } from './dr-placement';
import { minReplicas } from './center-plan';
import { cpuMillicores, memoryBytes } from './quantity';
import type { Footprint } from './types';

export const NO_FOOTPRINT: Footprint = Object.freeze({ cpuMillicores: 0, memoryBytes: 0, storageGiB: 0 });

export interface SystemSize {
  replicas: number;
  /** requests.cpu of one replica, millicores. */
  cpuMillicores: number;
  /** requests.memory of one replica, bytes. */
  memoryBytes: number;
  storageGiB: number;
  /** What could not be read, e.g. `requests.cpu '2 cores'` (counted as 0). */
  unreadable?: string;
}

export function sizeOf(system: InfoSystem): SystemSize {
  const w = system.workload;
  if (!w) return { replicas: 0, cpuMillicores: 0, memoryBytes: 0, storageGiB: 0 };
  const requests = w.resources?.requests;
  const cpu = requests?.cpu === undefined ? undefined : cpuMillicores(requests.cpu);
  const mem = requests?.memory === undefined ? undefined : memoryBytes(requests.memory);
  const bad: string[] = [];
  if (cpu === undefined) bad.push(`requests.cpu '${requests?.cpu ?? ''}'`);
  if (mem === undefined) bad.push(`requests.memory '${requests?.memory ?? ''}'`);
  return {
    replicas: Number.isFinite(w.replicas) && w.replicas > 0 ? w.replicas : 0,
    cpuMillicores: cpu ?? 0,
    memoryBytes: mem ?? 0,
    storageGiB: typeof w.storageGiB === 'number' && w.storageGiB > 0 ? w.storageGiB : 0,
    ...(bad.length > 0 ? { unreadable: bad.join(', ') } : {}),
  };
}

/** The primary instance: replicas × requests, and the data. */
export function primaryFootprint(size: SystemSize): Footprint {
  return { cpuMillicores: size.replicas * size.cpuMillicores, memoryBytes: size.replicas * size.memoryBytes, storageGiB: size.storageGiB };
}

export interface Instance {
  center: string;
  footprint: Footprint;
}

/** Every instance of a system whose primary runs in `primary`: the primary and, by level, its DR standby. */
export function instancesOf(env: Environment, primary: Center | undefined, primaryId: string, size: SystemSize, level: MlpsLevel): Instance[] {
  const out: Instance[] = [{ center: primaryId, footprint: primaryFootprint(size) }];
  if (!primary || size.replicas === 0) return out;
  const dr = drPlanOf(env, primary, level, size.storageGiB > 0);
  if (!dr.center || !dr.mode) return out;
  const replicas = dr.mode === 'active' ? Math.max(size.replicas, minReplicas(level)) : minReplicas(level);
  out.push({
    center: dr.center.id,
    footprint: { cpuMillicores: replicas * size.cpuMillicores, memoryBytes: replicas * size.memoryBytes, storageGiB: dr.replica ? size.storageGiB : 0 },
  });
  return out;
}
