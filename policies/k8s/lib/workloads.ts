/**
 * Iteration over the pod templates of a configuration, honouring the rule's MLPS levels:
 * a resource rule judges only resources whose level (ctx.levelOf) it applies to.
 */
import type { RawFinding, Resource, RuleContext } from '../../../checks/engine/types';
import type { MlpsLevel } from '../../../checks/core/types';
import { POD_TEMPLATE_KINDS, containers, podSpec, type ContainerRef } from '../../../checks/engine/pods';
import type { Obj } from '../../../checks/engine/values';
import { containerSubject, resourceFinding, type Problem } from './text';

export interface Workload {
  readonly resource: Resource;
  readonly spec: Obj;
  readonly level: MlpsLevel;
}

export interface WorkloadContainer extends Workload {
  readonly ref: ContainerRef;
}

/** Resources of the given kinds whose MLPS level is one of `levels`. */
export function resourcesAtLevels(ctx: RuleContext, kinds: readonly string[], levels: readonly MlpsLevel[]): { resource: Resource; level: MlpsLevel }[] {
  const out: { resource: Resource; level: MlpsLevel }[] = [];
  for (const kind of kinds) {
    for (const resource of ctx.resources.byKind(kind)) {
      const level = ctx.levelOf(resource);
      if (levels.includes(level)) out.push({ resource, level });
    }
  }
  return out;
}

/** Every pod-template resource at the rule's levels that has a pod spec. */
export function workloads(ctx: RuleContext, levels: readonly MlpsLevel[]): Workload[] {
  const out: Workload[] = [];
  for (const { resource, level } of resourcesAtLevels(ctx, POD_TEMPLATE_KINDS, levels)) {
    const spec = podSpec(resource);
    if (spec) out.push({ resource, spec, level });
  }
  return out;
}

/** Judges every pod spec; the judge returns what is wrong (zero or more problems). */
export function checkPodSpecs(ctx: RuleContext, levels: readonly MlpsLevel[], judge: (w: Workload) => Problem[]): RawFinding[] {
  return workloads(ctx, levels).flatMap((w) => judge(w).map((p) => resourceFinding(w.resource, p)));
}

/** Judges every container and init container; the message is prefixed with the container. */
export function checkContainers(
  ctx: RuleContext,
  levels: readonly MlpsLevel[],
  judge: (c: WorkloadContainer) => Problem | undefined,
): RawFinding[] {
  const out: RawFinding[] = [];
  for (const w of workloads(ctx, levels)) {
    for (const ref of containers(w.spec)) {
      const problem = judge({ ...w, ref });
      if (problem) out.push(resourceFinding(w.resource, problem, containerSubject(ref)));
    }
  }
  return out;
}
