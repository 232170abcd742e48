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
    const ns = r.kind === 'namespace' ? r.metadata.name : r.metadata.namespace;
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
