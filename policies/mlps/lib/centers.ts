/**
 * Which center a resource is deployed in, and the corps centers by role. Our stacks are one per
 * center (stack id = center id); any other configuration can say it with the center label.
 */
import type { Resource } from '../../../checks/engine/types';
import type { Center, Environment } from '../../../checks/core/types';
import { centerById } from '../../sdk/centers';

export { centerById };

export function centerIndex(env: Environment, id: string): number {
  return env.topology.centers.findIndex((c) => c.id === id);
}

/** The center a resource runs in: its stack when that is a center, else its center label. */
export function centerOf(env: Environment, r: Resource): Center | undefined {
  return centerById(env, r.stack) ?? centerById(env, r.center);
}

export function corpsPrimary(env: Environment): Center | undefined {
  return env.topology.centers.find((c) => c.role === 'corps-primary');
}

export function corpsDrCenters(env: Environment): Center[] {
  return env.topology.centers.filter((c) => c.role === 'corps-dr');
}

/** Corps DR centers in another city than `city` (异地). */
export function remoteDrCenters(env: Environment, city: string): Center[] {
  return corpsDrCenters(env).filter((c) => c.city !== city);
}

/** Stacks of the configuration that are centers of the topology, with their center. */
export function centerStacks(env: Environment, stacks: readonly string[]): Center[] {
  return stacks.map((s) => centerById(env, s)).filter((c): c is Center => c !== undefined);
}

export function centerLabel(c: Center): string {
  return `${c.name} (${c.id}, ${c.city})`;
}
