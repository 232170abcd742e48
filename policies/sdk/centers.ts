/** Look-ups over the topology's centers, with their positions for JSON pointers. */
import type { Center, CenterRole, Environment } from '../../checks/core/types';

export interface IndexedCenter {
  center: Center;
  index: number;
}

export function centersWithRole(env: Environment, role: CenterRole): IndexedCenter[] {
  return env.topology.centers.map((center, index) => ({ center, index })).filter((c) => c.center.role === role);
}

/** Every center by id, with its position in topology.yaml. */
export function centersById(env: Environment): Map<string, IndexedCenter> {
  return new Map(env.topology.centers.map((center, index) => [center.id, { center, index }]));
}

/** Centers by id, per (frozen) environment: rules ask per resource (MLPS-016 for each of 63,682). */
const byIdOf = new WeakMap<Environment, ReadonlyMap<string, Center>>();

/** The center of that id, if the topology has one (the first of that id, like a search in order). */
export function centerById(env: Environment, id: string | undefined): Center | undefined {
  if (id === undefined) return undefined;
  let byId = byIdOf.get(env);
  if (byId === undefined) {
    const m = new Map<string, Center>();
    for (const c of env.topology.centers) if (!m.has(c.id)) m.set(c.id, c);
    byIdOf.set(env, (byId = m));
  }
  return byId.get(id);
}
