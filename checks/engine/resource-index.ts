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

/** Two-level map: the lookups of rules run per resource, and a composite string key cost a concatenation and a hash each time. */
class Nested<V> {
  private readonly outer = new Map<string, Map<string, V>>();
  get(a: string, b: string): V | undefined {
    return this.outer.get(a)?.get(b);
  }
  inner(a: string): Map<string, V> {
    let m = this.outer.get(a);
    if (m === undefined) this.outer.set(a, (m = new Map()));
    return m;
  }
}

function pushNested(m: Nested<Resource[]>, a: string, b: string, r: Resource): void {
  push(m.inner(a), b, r);
}

export function buildResourceIndex(resources: readonly Resource[]): ResourceIndex {
  const byKind = new Map<string, Resource[]>();
  const byStack = new Map<string, Resource[]>();
  const bySystem = new Map<string, Resource[]>();
  const byNs = new Nested<Resource[]>();
  const namespaces = new Nested<Resource>();
  /** label key → value → resources; a key alone under `byLabelKey`. */
  const byLabel = new Nested<Resource[]>();
  const byLabelKey = new Map<string, Resource[]>();
  /** stack → `key\0value` → the namespaces of that stack carrying the label. */
  const namespacesByLabel = new Nested<Resource[]>();
  for (const r of resources) {
    push(byKind, r.kind, r);
    push(byStack, r.stack, r);
    if (r.system !== undefined) push(bySystem, r.system, r);
    const ns = resourceNamespace(r);
    if (ns !== undefined) pushNested(byNs, r.stack, ns, r);
    const isNamespace = r.kind === 'namespace';
    if (isNamespace && r.metadata.name !== undefined) namespaces.inner(r.stack).set(r.metadata.name, r);
    for (const [k, v] of Object.entries(r.metadata.labels)) {
      push(byLabelKey, k, r);
      pushNested(byLabel, k, v, r);
      if (isNamespace) pushNested(namespacesByLabel, r.stack, `${k}\u0000${v}`, r);
    }
  }
  const stacks = [...byStack.keys()].sort();
  return Object.freeze({
    all: resources,
    byKind: (k: string) => byKind.get(k) ?? EMPTY,
    byStack: (s: string) => byStack.get(s) ?? EMPTY,
    bySystem: (s: string) => bySystem.get(s) ?? EMPTY,
    inNamespace: (s: string, ns: string) => byNs.get(s, ns) ?? EMPTY,
    namespace: (s: string, ns: string) => namespaces.get(s, ns),
    withLabel: (k: string, v?: string) => (v === undefined ? byLabelKey.get(k) : byLabel.get(k, v)) ?? EMPTY,
    namespacesWithLabel: (s: string, k: string, v: string) => namespacesByLabel.get(s, `${k}\u0000${v}`) ?? EMPTY,
    stacks,
  });
}
