/**
 * Where a system is deployed, read from the configuration: its primary resources (everything
 * labelled with it except DR instances and backup replicas), their centers, and its persistent data.
 */
import { blocks, compareCodePoints, CONVENTION_LABELS, dig, type Center, type LocalizedText, type MlpsLevel, type RawFinding, type Resource, type RuleContext } from '../../sdk';
import { centerOf } from './centers';
import { applies, deployedSystemLevel, inventorySystem } from './levels';
import { sortedUnique } from './text';

export const WORKLOAD_KINDS: readonly string[] = ['deployment', 'stateful_set'];

export function backupKind(r: Resource): string | undefined {
  return r.metadata.labels[CONVENTION_LABELS.backup];
}

export function drMode(r: Resource): string | undefined {
  return r.metadata.labels[CONVENTION_LABELS.drMode];
}

/** A DR instance or an off-site replica: not where the system primarily runs. */
export function isDrOrReplica(r: Resource): boolean {
  return r.role === 'dr' || backupKind(r) === 'replica';
}

/**
 * What the system rules (MLPS-012 … 015) derive from the configuration alone, once per resource
 * index (one per run, frozen): five rules asked for it per system, each time filtering every
 * resource again (issue #18).
 */
interface Deployment {
  /** Systems with primary resources, sorted. */
  readonly systems: readonly string[];
  /** System → its primary resources, in configuration order. */
  readonly primary: ReadonlyMap<string, readonly Resource[]>;
}

const deployments = new WeakMap<RuleContext['resources'], Deployment>();

function deploymentOf(ctx: RuleContext): Deployment {
  let d = deployments.get(ctx.resources);
  if (d === undefined) {
    const primary = new Map<string, Resource[]>();
    for (const r of ctx.resources.all) {
      if (r.system === undefined || isDrOrReplica(r)) continue;
      const list = primary.get(r.system);
      if (list === undefined) primary.set(r.system, [r]);
      else list.push(r);
    }
    d = { systems: sortedUnique([...primary.keys()]), primary };
    deployments.set(ctx.resources, d);
  }
  return d;
}

const NONE: readonly Resource[] = Object.freeze([]);

export function primaryResources(ctx: RuleContext, systemId: string): readonly Resource[] {
  return deploymentOf(ctx).primary.get(systemId) ?? NONE;
}

/** Systems that have primary resources in the configuration, sorted. */
export function deployedSystems(ctx: RuleContext): readonly string[] {
  return deploymentOf(ctx).systems;
}

/** Deployed systems (sorted) whose level is in `levels`; with `withData`, only those holding persistent data. */
export function deployedSystemsAt(ctx: RuleContext, levels: readonly MlpsLevel[], withData = false): string[] {
  return deployedSystems(ctx).filter((sys) => applies(levels, deployedSystemLevel(ctx, sys)) && (!withData || hasPersistentData(ctx, sys)));
}

/** Centers (sorted by id) where the system's primary resources run. */
export function primaryCenters(ctx: RuleContext, systemId: string): Center[] {
  const byId = new Map<string, Center>();
  for (const r of primaryResources(ctx, systemId)) {
    const c = centerOf(ctx.env, r);
    if (c) byId.set(c.id, c);
  }
  return [...byId.values()].sort((a, b) => compareCodePoints(a.id, b.id));
}

/** Stacks (sorted) where the system's primary resources are. */
export function primaryStacks(ctx: RuleContext, systemId: string): string[] {
  return sortedUnique(primaryResources(ctx, systemId).map((r) => r.stack));
}

/** PVCs and stateful sets with volume claim templates: the resources that hold data. */
export function holdsData(r: Resource): boolean {
  if (r.kind === 'persistent_volume_claim') return true;
  return r.kind === 'stateful_set' && blocks(dig(r.attrs, 'spec'), 'volume_claim_template').length > 0;
}

/** Persistent data: the inventory says storageGiB > 0, or a primary resource holds data. */
export function hasPersistentData(ctx: RuleContext, systemId: string): boolean {
  const filed = inventorySystem(ctx.env, systemId)?.workload?.storageGiB ?? 0;
  return filed > 0 || primaryResources(ctx, systemId).some(holdsData);
}

/** DR workloads of a system (deployment / stateful set with role `dr`). */
export function drWorkloads(ctx: RuleContext, systemId: string): Resource[] {
  return ctx.resources.bySystem(systemId).filter((r) => WORKLOAD_KINDS.includes(r.kind) && r.role === 'dr');
}

/** Whether the system has a DR workload (role `dr`) in a center that `accept`s it. */
export function hasDrWorkload(ctx: RuleContext, systemId: string, accept: (center: Center, workload: Resource) => boolean): boolean {
  return drWorkloads(ctx, systemId).some((w) => {
    const c = centerOf(ctx.env, w);
    return c !== undefined && accept(c, w);
  });
}

/** A finding about a system's missing evidence, attached to `anchor` (and so to its stack) when there is one. */
export function systemFinding(systemId: string, anchor: Resource | undefined, message: LocalizedText, center?: string): RawFinding {
  return { ...(anchor ? { resource: anchor } : {}), system: systemId, ...(center !== undefined ? { center } : {}), message };
}

/** The resource a system-level finding in a stack is attached to: its namespace, else its first primary resource. */
export function anchorResource(ctx: RuleContext, systemId: string, stack: string): Resource | undefined {
  const inStack = primaryResources(ctx, systemId).filter((r) => r.stack === stack);
  return inStack.find((r) => r.kind === 'namespace') ?? inStack.find(holdsData) ?? inStack[0];
}

/** The resource a system finding is attached to: the namespace or first primary resource in its first primary stack. */
export function systemAnchor(ctx: RuleContext, systemId: string): Resource | undefined {
  const stack = primaryStacks(ctx, systemId)[0];
  return stack === undefined ? undefined : anchorResource(ctx, systemId, stack);
}
