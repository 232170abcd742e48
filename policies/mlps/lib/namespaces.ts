/**
 * Namespaces as the unit of tenant isolation: which namespaces belong to a system, and which
 * zone a namespaced resource sits in.
 */
import type { Resource, RuleContext } from '../../../checks/engine/types';
import { CONVENTION_LABELS } from '../../../checks/core/conventions';

/** Kubernetes puts a namespaced resource without a namespace into `default`. */
export function namespaceOf(r: Resource): string {
  return r.kind === 'namespace' ? (r.metadata.name ?? '') : (r.metadata.namespace ?? 'default');
}

export function isSystemNamespace(r: Resource): boolean {
  return r.kind === 'namespace' && (r.system !== undefined || r.metadata.labels[CONVENTION_LABELS.namespaceKind] === 'system');
}

/** Namespace resources of systems (system label, or namespace-kind `system`), in input order. */
export function systemNamespaces(ctx: RuleContext): Resource[] {
  return ctx.resources.byKind('namespace').filter(isSystemNamespace);
}

/** The zone of a resource: its own zone label, else its namespace's. */
export function zoneOf(ctx: RuleContext, r: Resource): string | undefined {
  if (r.zone !== undefined) return r.zone;
  return ctx.resources.namespace(r.stack, namespaceOf(r))?.zone;
}
