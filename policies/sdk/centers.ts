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

/** The center of that id, if the topology has one. */
export function centerById(env: Environment, id: string | undefined): Center | undefined {
  return id === undefined ? undefined : env.topology.centers.find((c) => c.id === id);
}
