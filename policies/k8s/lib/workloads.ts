/**
 * Judges for the pod-template rules (defineResourceRule): the engine hands each resource of the
 * rule's kinds at one of its MLPS levels to the judge; these read the resource's pod spec, or each
 * of its containers and init containers, and turn what is wrong into findings that name the
 * resource (and the container). A resource without a pod spec gives no finding here: CFG-001
 * reports that it cannot be read.
 */
import { containers, podSpec, type ContainerRef, type MlpsLevel, type Obj, type RawFinding, type Resource, type ResourceRuleSpec, type RuleContext } from '../../sdk';
import { containerSubject, resourceFinding, type Problem } from './text';

export interface Workload {
  readonly resource: Resource;
  readonly spec: Obj;
  readonly level: MlpsLevel;
  readonly ctx: RuleContext;
}

export interface WorkloadContainer extends Workload {
  readonly ref: ContainerRef;
}

type ResourceJudge = ResourceRuleSpec['judge'];

/** A judge of the pod spec: `judge` returns what is wrong (zero or more problems). */
export function judgePodSpec(judge: (w: Workload) => Problem[]): ResourceJudge {
  return (resource, ctx, level) => {
    const spec = podSpec(resource);
    if (!spec) return [];
    return judge({ resource, spec, level, ctx }).map((p) => resourceFinding(resource, p));
  };
}

/** A judge of every container and init container; each message is prefixed with the container. */
export function judgeContainers(judge: (c: WorkloadContainer) => Problem | undefined): ResourceJudge {
  return (resource, ctx, level) => {
    const spec = podSpec(resource);
    if (!spec) return [];
    const out: RawFinding[] = [];
    for (const ref of containers(spec)) {
      const problem = judge({ resource, spec, level, ctx, ref });
      if (problem) out.push(resourceFinding(resource, problem, containerSubject(ref)));
    }
    return out;
  };
}
