/**
 * Level applicability of MLPS rules (RULES.md): a rule judges a system, resource or center only
 * when its MLPS level is in `rule.levels`. For resource rules (defineResourceRule) the engine
 * filters by `ctx.levelOf(resource)`; rules over systems and centers ask here.
 */
import type { Center, Environment, InfoSystem, MlpsLevel, Resource, RuleContext } from '../../sdk';

export function applies(levels: readonly MlpsLevel[], level: MlpsLevel): boolean {
  return levels.includes(level);
}

/** Systems by id, built once per (frozen) environment: rules ask per resource, so no linear scan. */
const systemsById = new WeakMap<Environment, ReadonlyMap<string, InfoSystem>>();

export function inventorySystem(env: Environment, id: string): InfoSystem | undefined {
  let byId = systemsById.get(env);
  if (!byId) {
    const map = new Map<string, InfoSystem>();
    for (const s of env.inventory.systems) if (!map.has(s.id)) map.set(s.id, s); // first wins, like find()
    systemsById.set(env, map);
    byId = map;
  }
  return byId.get(id);
}

/** The filed level of a system, else the policy default (also for unfiled ids). */
export function systemLevel(env: Environment, id: string): MlpsLevel {
  return inventorySystem(env, id)?.mlps?.level ?? env.policy.defaultMlpsLevel;
}

/** The highest level among resources (label, else system, else default). */
export function highestLevel(ctx: RuleContext, resources: readonly Resource[]): MlpsLevel {
  let max: MlpsLevel = 1;
  for (const r of resources) {
    const l = ctx.levelOf(r);
    if (l > max) max = l;
  }
  return max;
}

/** Center rules (三权分立, audit) apply by the highest level the center may host. */
export function centerApplies(levels: readonly MlpsLevel[], center: Center): boolean {
  return applies(levels, center.mlpsLevel);
}

/** Level of a system seen in the configuration: its filing, else the highest of its resources. */
export function deployedSystemLevel(ctx: RuleContext, id: string): MlpsLevel {
  const filed = inventorySystem(ctx.env, id)?.mlps?.level;
  if (filed !== undefined) return filed;
  const resources = ctx.resources.bySystem(id);
  return resources.length > 0 ? highestLevel(ctx, resources) : ctx.env.policy.defaultMlpsLevel;
}
