/**
 * Committed capacity per center, as systems are placed wave by wave. Totals are kept in exact
 * base units (millicores, bytes, GiB) and converted for display only when a snapshot is taken.
 */
import type { Center } from '../core/types';
import { BYTES_PER_GIB } from './quantity';
import type { Instance } from './footprint';
import type { Amount, CenterUsage, Footprint } from './types';

interface Totals {
  cpuMillicores: number;
  memoryBytes: number;
  storageGiB: number;
}

const round = (x: number, digits: number): number => {
  const f = 10 ** digits;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** One resource: committed vs capacity in base units, reported in display units (÷ unit). */
export function amount(committed: number, capacity: number, headroom: number, unit: number): Amount {
  // Rounded so that 100 × (1 − 0.2) is 80, not 80.00000000000001.
  const limit = round(capacity * (1 - headroom), 6);
  return {
    committed: round(committed / unit, 3),
    capacity: round(capacity / unit, 3),
    limit: round(limit / unit, 3),
    left: round((limit - committed) / unit, 3),
    percent: capacity > 0 ? round((committed / capacity) * 100, 1) : 0,
    over: committed > limit,
  };
}

export class CapacityLedger {
  private readonly totals = new Map<string, Totals>();
  private readonly placement = new Map<string, readonly Instance[]>();

  constructor(
    private readonly centers: readonly Center[],
    private readonly headroom: number,
  ) {}

  /** Runs `system` as `instances` from now on (leaving the centers it ran in before, if any). */
  place(system: string, instances: readonly Instance[]): void {
    for (const i of this.placement.get(system) ?? []) this.add(i.center, i.footprint, -1);
    this.placement.set(system, instances);
    for (const i of instances) this.add(i.center, i.footprint, 1);
  }

  /** Every center of the topology, in topology order. */
  snapshot(): CenterUsage[] {
    return this.centers.map((c) => {
      const t = this.totals.get(c.id) ?? { cpuMillicores: 0, memoryBytes: 0, storageGiB: 0 };
      return {
        center: c.id,
        name: c.name,
        role: c.role,
        cpu: amount(t.cpuMillicores, c.capacity.cpu * 1000, this.headroom, 1000),
        memoryGiB: amount(t.memoryBytes, c.capacity.memoryGiB * BYTES_PER_GIB, this.headroom, BYTES_PER_GIB),
        storageGiB: amount(t.storageGiB, c.capacity.storageGiB, this.headroom, 1),
      };
    });
  }

  private add(center: string, f: Footprint, sign: 1 | -1): void {
    const t = this.totals.get(center) ?? { cpuMillicores: 0, memoryBytes: 0, storageGiB: 0 };
    t.cpuMillicores += sign * f.cpuMillicores;
    t.memoryBytes += sign * f.memoryBytes;
    t.storageGiB += sign * f.storageGiB;
    this.totals.set(center, t);
  }
}
