/**
 * The stack ids of an environment (one per center) and the checked selection of some: without
 * cdktf, so a command can name the stacks before deciding whether it must load cdktf at all.
 */
import type { Environment } from '../checks/core/types';
import { UsageError } from '../checks/core/errors';

/** Valid stack ids of an environment: its centers, in topology order. */
export function stackIds(env: Environment): string[] {
  return env.topology.centers.map((c) => c.id);
}

/** The requested stacks in topology order, or a UsageError naming the valid ids. */
export function selectStacks(env: Environment, requested?: readonly string[]): string[] {
  const valid = stackIds(env);
  if (requested === undefined || requested.length === 0) return valid;
  const unknown = requested.filter((id) => !valid.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown stack ${unknown.map((u) => `'${u}'`).join(', ')}; valid stacks (center ids 中心): ${valid.join(', ')}`);
  }
  return valid.filter((id) => requested.includes(id));
}

