/**
 * RBAC reading: the role a binding grants (following a `${…metadata[0].name}` reference in the same
 * stack), whether that role is cluster-admin-like, and binding subjects.
 */
import { blocks, dig, str, strList, type Resource, type ResourceIndex } from '../../sdk';
import { namespaceOf } from './namespaces';
import { nameOrReference } from './references';

export interface Subject {
  kind: string;
  name: string;
}

/** Subjects with a literal name (unresolved names cannot be judged). */
export function subjects(binding: Resource): Subject[] {
  return blocks(binding.attrs, 'subject')
    .map((s) => ({ kind: str(s, 'kind') ?? 'User', name: str(s, 'name') }))
    .filter((s): s is Subject => s.name !== undefined);
}

export function subjectKey(s: Subject): string {
  return `${s.kind}/${s.name}`;
}

export function roleRefName(index: ResourceIndex, binding: Resource): string | undefined {
  return nameOrReference(index, binding.stack, dig(binding.attrs, 'role_ref')?.name);
}

/** The Role / ClusterRole a binding refers to, when it is defined in the same stack. */
export function boundRole(index: ResourceIndex, binding: Resource): Resource | undefined {
  const ref = dig(binding.attrs, 'role_ref');
  const name = roleRefName(index, binding);
  if (name === undefined) return undefined;
  if (str(ref, 'kind') === 'Role') {
    return index.inNamespace(binding.stack, namespaceOf(binding)).find((r) => r.kind === 'role' && r.metadata.name === name);
  }
  return index.byKind('cluster_role').find((r) => r.stack === binding.stack && r.metadata.name === name);
}

/** A role with a rule granting every verb or every resource: as good as admin. */
export function hasWildcardRule(role: Resource): boolean {
  return blocks(role.attrs, 'rule').some((rule) => strList(rule, 'verbs').includes('*') || strList(rule, 'resources').includes('*'));
}
