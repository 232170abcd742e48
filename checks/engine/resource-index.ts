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

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** The resources carrying label `key`, and by its value; in configuration order. */
interface LabelIndex {
  readonly all: Resource[];
  readonly byValue: Map<string, Resource[]>;
}

function labelIndex(resources: readonly Resource[], key: string): LabelIndex {
  const ix: LabelIndex = { all: [], byValue: new Map() };
  for (const r of resources) {
    if (!hasOwn(r.metadata.labels, key)) continue;
    ix.all.push(r);
    push(ix.byValue, r.metadata.labels[key], r);
  }
  return ix;
}

const nonEmpty = (list: readonly Resource[]): readonly Resource[] | undefined => (list.length > 0 ? list : undefined);

export function buildResourceIndex(resources: readonly Resource[]): ResourceIndex {
  const byKind = new Map<string, Resource[]>();
  const byStack = new Map<string, Resource[]>();
  const bySystem = new Map<string, Resource[]>();
  const byNs = new Nested<Resource[]>();
  const namespaces = new Nested<Resource>();
  for (const r of resources) {
    push(byKind, r.kind, r);
    push(byStack, r.stack, r);
    if (r.system !== undefined) push(bySystem, r.system, r);
    const ns = resourceNamespace(r);
    if (ns !== undefined) pushNested(byNs, r.stack, ns, r);
    if (r.kind === 'namespace' && r.metadata.name !== undefined) namespaces.inner(r.stack).set(r.metadata.name, r);
  }
  // Label lookups are indexed per label key on the first question about that key: the rules ask
  // about two keys, and indexing every label of every resource cost 0.07 s (issue #18).
  const byLabel = new Map<string, LabelIndex>();
  const label = (k: string): LabelIndex => {
    let ix = byLabel.get(k);
    if (ix === undefined) byLabel.set(k, (ix = labelIndex(resources, k)));
    return ix;
  };
  /** Label key → stack → label value → the namespaces of that stack carrying it. */
  const namespacesByLabel = new Map<string, Nested<Resource[]>>();
  const namespaceLabel = (k: string): Nested<Resource[]> => {
    let ix = namespacesByLabel.get(k);
    if (ix === undefined) {
      ix = new Nested<Resource[]>();
      for (const r of byKind.get('namespace') ?? EMPTY) if (hasOwn(r.metadata.labels, k)) pushNested(ix, r.stack, r.metadata.labels[k], r);
      namespacesByLabel.set(k, ix);
    }
    return ix;
  };
  const stacks = [...byStack.keys()].sort();
  return Object.freeze({
    all: resources,
    byKind: (k: string) => byKind.get(k) ?? EMPTY,
    byStack: (s: string) => byStack.get(s) ?? EMPTY,
    bySystem: (s: string) => bySystem.get(s) ?? EMPTY,
    inNamespace: (s: string, ns: string) => byNs.get(s, ns) ?? EMPTY,
    namespace: (s: string, ns: string) => namespaces.get(s, ns),
    withLabel: (k: string, v?: string) => (v === undefined ? nonEmpty(label(k).all) : label(k).byValue.get(v)) ?? EMPTY,
    namespacesWithLabel: (s: string, k: string, v: string) => namespaceLabel(k).get(s, v) ?? EMPTY,
    stacks,
  });
}
