/**
 * Indexes resources once (by kind, stack, system, namespace, label) so that rules look up
 * instead of scanning: no quadratic passes.
 */
import type { Resource, ResourceIndex } from './types';

function push<K>(m: Map<K, Resource[]>, k: K, r: Resource): void {
  const list = m.get(k);
  if (list) list.push(r);
  else m.set(k, [r]);
}

const EMPTY: readonly Resource[] = Object.freeze([]);

/**
 * Kubernetes kinds that live in no namespace (canonical kinds, see Resource.kind). Every other
 * `kubernetes_*` kind is namespaced.
 */
export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set([
  'namespace', 'cluster_role', 'cluster_role_binding', 'persistent_volume', 'storage_class', 'priority_class',
  'mutating_webhook_configuration', 'validating_webhook_configuration', 'csi_driver', 'runtime_class',
  'api_service', 'certificate_signing_request', 'custom_resource_definition', 'node_taint', 'node',
  'manifest', 'labels', 'annotations', 'env',
]);

/**
 * The namespace a resource is in, as Kubernetes places it: a namespace is its own (by name); a
 * namespaced Kubernetes object without metadata.namespace is in `default`; a cluster-scoped object
 * or a resource of another provider is in none (its literal metadata.namespace, if any).
 */
export function resourceNamespace(r: Resource): string | undefined {
  if (r.kind === 'namespace') return r.metadata.name;
  if (r.metadata.namespace !== undefined) return r.metadata.namespace;
  if (!r.type.startsWith('kubernetes_') || CLUSTER_SCOPED_KINDS.has(r.kind)) return undefined;
  // An unresolved namespace (`${…}`) is somewhere, but not provably `default`.
  const meta = r.attrs.metadata;
  const m = Array.isArray(meta) ? meta[0] : meta;
  if (m !== null && typeof m === 'object' && !Array.isArray(m) && (m as Record<string, unknown>).namespace !== undefined) return undefined;
  return 'default';
}

export function buildResourceIndex(resources: readonly Resource[]): ResourceIndex {
  const byKind = new Map<string, Resource[]>();
  const byStack = new Map<string, Resource[]>();
  const bySystem = new Map<string, Resource[]>();
  const byNs = new Map<string, Resource[]>();
  const namespaces = new Map<string, Resource>();
  const byLabel = new Map<string, Resource[]>();
  for (const r of resources) {
    push(byKind, r.kind, r);
    push(byStack, r.stack, r);
    if (r.system !== undefined) push(bySystem, r.system, r);
    const ns = resourceNamespace(r);
    if (ns !== undefined) push(byNs, `${r.stack}\u0000${ns}`, r);
    if (r.kind === 'namespace' && r.metadata.name !== undefined) namespaces.set(`${r.stack}\u0000${r.metadata.name}`, r);
    for (const [k, v] of Object.entries(r.metadata.labels)) {
      push(byLabel, k, r);
      push(byLabel, `${k}\u0000${v}`, r);
    }
  }
  const stacks = [...byStack.keys()].sort();
  return Object.freeze({
    all: resources,
    byKind: (k: string) => byKind.get(k) ?? EMPTY,
    byStack: (s: string) => byStack.get(s) ?? EMPTY,
    bySystem: (s: string) => bySystem.get(s) ?? EMPTY,
    inNamespace: (s: string, ns: string) => byNs.get(`${s}\u0000${ns}`) ?? EMPTY,
    namespace: (s: string, ns: string) => namespaces.get(`${s}\u0000${ns}`),
    withLabel: (k: string, v?: string) => byLabel.get(v === undefined ? k : `${k}\u0000${v}`) ?? EMPTY,
    stacks,
  });
}
