/**
 * Follows a Terraform reference such as `${kubernetes_storage_class_v1.enc.metadata[0].name}`
 * (what cdktf emits for `sc.metadata.name`) to the resource it names in the same stack.
 * Nothing is evaluated: only the `TYPE.NAME` head of a single reference is read.
 */
import { canonicalKind, isUnresolved, type Resource, type ResourceIndex, type Value } from '../../sdk';

const SINGLE_REFERENCE = /^\$\{([a-z][a-z0-9_]*)\.([A-Za-z_][A-Za-z0-9_-]*)\.metadata(?:\[0\]|\.0)?\.name\}$/;

export function referencedResource(index: ResourceIndex, stack: string, v: Value | undefined): Resource | undefined {
  if (!isUnresolved(v)) return undefined;
  const m = SINGLE_REFERENCE.exec(v.$unresolved.trim());
  if (!m) return undefined;
  const address = `${m[1]}.${m[2]}`;
  return index.byKind(canonicalKind(m[1])).find((r) => r.stack === stack && r.address === address);
}

/**
 * The literal name a field holds, or the metadata.name of the resource it references.
 * Undefined when absent or not resolvable without evaluation.
 */
export function nameOrReference(index: ResourceIndex, stack: string, v: Value | undefined): string | undefined {
  if (typeof v === 'string') return v;
  return referencedResource(index, stack, v)?.metadata.name;
}
