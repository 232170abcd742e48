/**
 * Center capacities that fit the generated load: each center's committed requests (primary
 * instances, plus the DR standbys it keeps for other centers' level-3/4 systems) stay well below
 * capacity less the headroom (MIG-004), with room to grow.
 */
import type { Capacity } from '../../core/types';
import { cpuMillicores, memoryBytes } from '../../plan/quantity';
import { drCenterOf, type CenterDraft, type CenterWithCapacity } from './centers';
import type { SystemDraft } from './systems';

const GIB = 1024 ** 3;
/** Committed load may use at most this share of capacity (the policy keeps 20 % free). */
const TARGET_USE = 0.5;
const FLOOR: Capacity = { cpu: 64, memoryGiB: 256, storageGiB: 10_000 };

interface Load {
  cpuMillicores: number;
  memoryBytes: number;
  storageGiB: number;
}

function add(load: Load, replicas: number, cpu: number, memory: number, storage: number): void {
  load.cpuMillicores += replicas * cpu;
  load.memoryBytes += replicas * memory;
  load.storageGiB += storage;
}

/** Rounded up to a multiple of `step`, at least `floor`. */
function roundUp(value: number, step: number, floor: number): number {
  return Math.max(floor, Math.ceil(value / step) * step);
}

export function withCapacities(centers: readonly CenterDraft[], drafts: readonly SystemDraft[]): CenterWithCapacity[] {
  const loads = new Map<string, Load>(centers.map((c) => [c.id, { cpuMillicores: 0, memoryBytes: 0, storageGiB: 0 }]));
  for (const { system, center, level } of drafts) {
    const w = system.workload;
    if (!w) continue;
    const cpu = cpuMillicores(w.resources.requests.cpu) ?? 0;
    const memory = memoryBytes(w.resources.requests.memory) ?? 0;
    const storage = w.storageGiB ?? 0;
    add(loads.get(center.id)!, w.replicas, cpu, memory, storage);
    const dr = drCenterOf(center, level);
    // Counted at full replicas whatever the DR mode: an upper bound is enough to size capacity.
    if (dr !== undefined) add(loads.get(dr)!, Math.max(w.replicas, 2), cpu, memory, storage);
  }
  return centers.map((c) => {
    const load = loads.get(c.id)!;
    return {
      ...c,
      capacity: {
        cpu: roundUp(load.cpuMillicores / 1000 / TARGET_USE, 16, FLOOR.cpu),
        memoryGiB: roundUp(load.memoryBytes / GIB / TARGET_USE, 64, FLOOR.memoryGiB),
        storageGiB: roundUp(load.storageGiB / TARGET_USE, 1000, FLOOR.storageGiB),
      },
    };
  });
}
