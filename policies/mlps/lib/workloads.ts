/**
 * Workload redundancy evidence: replicas, spreading over nodes, and a matching
 * PodDisruptionBudget.
 */
import { blocks, dig, has, isUnresolved, num, pdbSelectsPods, podLabelsOf, podSpec, str, termSelectsOwnPods, type Resource, type ResourceIndex } from '../../sdk';
import { namespaceOf } from './namespaces';

export const HOSTNAME_KEY = 'kubernetes.io/hostname';

/** Replicas: a literal number, 1 when absent (the Kubernetes default), else the unresolved expression. */
export function replicas(r: Resource): number | { expression: string } {
  const spec = dig(r.attrs, 'spec');
  if (!has(spec, 'replicas')) return 1;
  const v = spec?.replicas;
  if (isUnresolved(v)) return { expression: v.$unresolved };
  return num(spec, 'replicas') ?? { expression: JSON.stringify(v) };
}

/**
 * Spread across nodes by topology spread constraints or pod anti-affinity on the hostname — a
 * constraint or term counts only if its label selector selects the workload's own pods (sdk).
 */
export function spreadsAcrossNodes(r: Resource): boolean {
  const spec = podSpec(r);
  const onHostname = (t: Parameters<typeof str>[0]) => str(t, 'topology_key') === HOSTNAME_KEY;
  if (blocks(spec, 'topology_spread_constraint').some((c) => onHostname(c) && termSelectsOwnPods(c, r))) return true;
  const anti = dig(spec, 'affinity', 'pod_anti_affinity');
  const required = blocks(anti, 'required_during_scheduling_ignored_during_execution');
  if (required.some((t) => onHostname(t) && termSelectsOwnPods(t, r))) return true;
  return blocks(anti, 'preferred_during_scheduling_ignored_during_execution').some((p) => {
    const term = dig(p, 'pod_affinity_term');
    return onHostname(term) && termSelectsOwnPods(term, r);
  });
}

export function podLabels(r: Resource): Record<string, string> {
  return podLabelsOf(r);
}

/** PodDisruptionBudgets in the workload's stack and namespace whose selector matches its pods. */
export function matchingDisruptionBudgets(index: ResourceIndex, r: Resource): Resource[] {
  const labels = podLabels(r);
  return index
    .inNamespace(r.stack, namespaceOf(r))
    .filter((p) => p.kind === 'pod_disruption_budget')
    .filter((p) => pdbSelectsPods(p, labels));
}
