/**
 * Namespaces as the unit of tenant isolation: which namespace a resource is in, which namespaces
 * belong to a system, and which zone a namespaced resource sits in.
 */
import { CONVENTION_LABELS, effectiveZone, namespaceOf as kubernetesNamespace, type Resource, type RuleContext } from '../../sdk';

/**
 * Kubernetes puts a namespaced resource without a namespace into `default` (the sdk's one
 * definition, which the resource index files by); a namespace is its own.
 */
export function namespaceOf(r: Resource): string {
  return kubernetesNamespace(r) ?? (r.kind === 'namespace' ? '' : r.metadata.namespace ?? 'default');
}

/** A namespace resource of a system (system label, or namespace-kind `system`). */
export function isSystemNamespace(r: Resource): boolean {
  return r.kind === 'namespace' && (r.system !== undefined || r.metadata.labels[CONVENTION_LABELS.namespaceKind] === 'system');
}

/**
 * The zone of a resource: its own zone label, else its namespace's (the sdk's effectiveZone), where
 * a namespaced resource without a namespace is in `default`, as Kubernetes places it.
 */
export function zoneOf(ctx: RuleContext, r: Resource): string | undefined {
  return effectiveZone(ctx.resources, r);
}
