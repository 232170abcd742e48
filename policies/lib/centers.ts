/** Look-ups over the topology's centers, with their positions for JSON pointers. */
import type { Center, CenterRole, Environment } from '../../checks/core/types';

export interface IndexedCenter {
  center: Center;
  index: number;
}

export function centersWithRole(env: Environment, role: CenterRole): IndexedCenter[] {
  return env.topology.centers.map((center, index) => ({ center, index })).filter((c) => c.center.role === role);
}

export function centerById(env: Environment): Map<string, IndexedCenter> {
  return new Map(env.topology.centers.map((center, index) => [center.id, { center, index }]));
}
