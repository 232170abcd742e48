/**
 * Which center a resource is deployed in, and the corps DR centers by city. Our stacks are one per
 * center (stack id = center id); any other configuration can say it with the center label.
 * Look-ups by id and role are the sdk's (centerById, centersById, centersWithRole).
 */
import { centerById, centersById, centersWithRole, type Center, type Environment, type IndexedCenter, type Resource } from '../../sdk';

/** The center a resource runs in: its stack when that is a center, else its center label. */
export function centerOf(env: Environment, r: Resource): Center | undefined {
  return centerById(env, r.stack) ?? centerById(env, r.center);
}

/** The corps DR centers, in topology order. */
export function corpsDrCenters(env: Environment): Center[] {
  return centersWithRole(env, 'corps-dr').map((c) => c.center);
}

/** Corps DR centers in another city than `city` (异地). */
export function remoteDrCenters(env: Environment, city: string): Center[] {
  return corpsDrCenters(env).filter((c) => c.city !== city);
}

/** Stacks of the configuration that are centers of the topology, with their center and its position. */
export function centerStacks(env: Environment, stacks: readonly string[]): IndexedCenter[] {
  const byId = centersById(env);
  return stacks.map((s) => byId.get(s)).filter((c): c is IndexedCenter => c !== undefined);
}

export function centerLabel(c: Center): string {
  return `${c.name} (${c.id}, ${c.city})`;
}
