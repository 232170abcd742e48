/**
 * How to share stacks among synth workers: as many workers as cores (BTYUN_SYNTH_WORKERS overrides),
 * never more than tasks, and none below POOL_MIN_SYSTEMS; heavy stacks in parts (stack-parts.ts);
 * and the heaviest tasks first (longest-processing-time-first), so no worker is left with a big
 * stack at the end while the others idle. A stack's weight is the number of system instances it
 * holds: primaries placed there and DR standbys kept there.
 */
import * as os from 'node:os';
import type { Environment } from '../../checks/core/types';
import { UsageError } from '../../checks/core/errors';
import { hasPersistentData, placements } from '../../checks/plan/center-plan';
import { drPlanOf } from '../../checks/plan/dr-placement';
import { partCount, PART_MAX_DEPLOYMENTS, type StackPart } from './stack-parts';

/**
 * Below this many systems an environment is synthesized in process. The pool's fixed cost,
 * measured (docs/performance.md): +1.1–1.4 s of CPU at 200–1,000 systems (two more Node processes
 * loading cdktf and the provider bindings, the model cloned to each), ≈ 0.7 s of it on the critical
 * path; what it halves: the stacks' own synthesis, ≈ 8 ms of CPU per system. That breaks even near
 * 200 systems on an idle 2-core machine (issue 18 measured the pool losing at 200: 0.89× wall);
 * the threshold is set at 2.5× that, so that on a shared machine, where the workers' start competes
 * for the same cores, the pool is still only used where it clearly pays.
 */
export const POOL_MIN_SYSTEMS = 500;

/**
 * Worker processes for `stacks` tasks (stacks or parts) of an environment of `systems` systems: BTYUN_SYNTH_WORKERS
 * when set (any size; 1 = in process), else one per core from POOL_MIN_SYSTEMS on, else 1.
 */
export function workerCount(stacks: number, systems: number, requested = process.env.BTYUN_SYNTH_WORKERS): number {
  let wanted = systems < POOL_MIN_SYSTEMS ? 1 : os.availableParallelism();
  if (requested !== undefined && requested !== '') {
    if (!/^\d+$/.test(requested) || Number(requested) < 1) throw new UsageError(`BTYUN_SYNTH_WORKERS '${requested}' is not a positive integer`);
    wanted = Number(requested);
  }
  return Math.max(1, Math.min(wanted, stacks));
}

/** One unit of work of a synthesis: a whole stack, or one part of a heavy one (stack-parts.ts). */
export interface SynthTask {
  id: string;
  part?: StackPart;
  /** System deployments the task builds (its share of the stack's). */
  weight: number;
}

/** System deployments per stack of `ids`: primaries placed there and DR standbys kept there. */
function stackWeights(env: Environment, ids: readonly string[], asOf: string): Map<string, number> {
  const weight = new Map(ids.map((id) => [id, 0]));
  const bump = (id: string | undefined): void => {
    if (id !== undefined && weight.has(id)) weight.set(id, weight.get(id)! + 1);
  };
  const placed = placements(env, asOf);
  for (const system of env.inventory.systems) {
    const p = placed.get(system.id);
    if (!p || !p.deployed) continue;
    bump(p.center.id);
    bump(drPlanOf(env, p.center, p.level, hasPersistentData(system)).center?.id);
  }
  return weight;
}

/**
 * The tasks that synthesize `ids`: each stack whole, or in partCount parts when it holds more than
 * `maxPerPart` deployments; heaviest first (ties: as given, parts in order).
 */
export function synthTasks(env: Environment, ids: readonly string[], asOf: string, maxPerPart = PART_MAX_DEPLOYMENTS): SynthTask[] {
  const weights = stackWeights(env, ids, asOf);
  const tasks: SynthTask[] = [];
  for (const id of ids) {
    const w = weights.get(id)!;
    const count = partCount(w, maxPerPart);
    if (count === 1) tasks.push({ id, weight: w });
    else for (let index = 0; index < count; index++) tasks.push({ id, part: { index, count }, weight: w / count });
  }
  return tasks.map((t, i) => ({ t, i })).sort((a, b) => b.t.weight - a.t.weight || a.i - b.i).map((x) => x.t);
}
