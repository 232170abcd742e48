/**
 * Service accounts of a configuration, looked up by (stack, namespace, name). A
 * kubernetes_default_service_account manages the `default` account of its namespace.
 */
import type { Resource, ResourceIndex } from '../../sdk';

export function serviceAccountKey(stack: string, namespace: string, name: string): string {
  return `${stack}\u0000${namespace}\u0000${name}`;
}

const byIndex = new WeakMap<ResourceIndex, ReadonlyMap<string, Resource>>();

/** Built once per resource index: K8S-024 looks up the account of every pod template it judges. */
export function serviceAccountsByKey(index: ResourceIndex): ReadonlyMap<string, Resource> {
  const hit = byIndex.get(index);
  if (hit) return hit;
  const out = new Map<string, Resource>();
  for (const r of index.byKind('service_account')) {
    if (r.metadata.name !== undefined) out.set(serviceAccountKey(r.stack, r.metadata.namespace ?? 'default', r.metadata.name), r);
  }
  for (const r of index.byKind('default_service_account')) {
    out.set(serviceAccountKey(r.stack, r.metadata.namespace ?? 'default', 'default'), r);
  }
  byIndex.set(index, out);
  return out;
}
