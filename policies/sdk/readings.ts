/**
 * Tri-state reading of one attribute: missing, a literal, or an unresolved `${…}` expression.
 * Rules need all three: an unresolved value is neither right nor wrong (see docs/k8s-pack.md).
 */
import type { Value } from '../../checks/engine/types';
import { isObj, isUnresolved } from '../../checks/engine/values';

export type Reading<T> =
  | { readonly kind: 'missing' }
  | { readonly kind: 'literal'; readonly value: T }
  | { readonly kind: 'unresolved'; readonly expr: string };

export const MISSING: Reading<never> = Object.freeze({ kind: 'missing' });

function raw(parent: Value | undefined, key: string): Value | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  return v === null ? undefined : v;
}

/** Reads any attribute with a literal converter; a value the converter rejects counts as missing. */
function read<T>(parent: Value | undefined, key: string, convert: (v: Value) => T | undefined): Reading<T> {
  const v = raw(parent, key);
  if (v === undefined) return MISSING;
  if (isUnresolved(v)) return { kind: 'unresolved', expr: v.$unresolved };
  const value = convert(v);
  return value === undefined ? MISSING : { kind: 'literal', value };
}

/** A boolean; Terraform JSON may write it as "true"/"false". */
export function readBool(parent: Value | undefined, key: string): Reading<boolean> {
  return read(parent, key, (v) => (typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : undefined));
}

/** A number; the provider writes run_as_user as a string, so numeric strings count. */
export function readNum(parent: Value | undefined, key: string): Reading<number> {
  return read(parent, key, (v) => {
    if (typeof v === 'number') return v;
    if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
    return undefined;
  });
}

/** A string (numbers are shown as written, e.g. a quantity `2`). */
export function readStr(parent: Value | undefined, key: string): Reading<string> {
  return read(parent, key, (v) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined));
}

/**
 * A list of strings: literal items, plus the unresolved expressions found (the whole list or
 * single items). `present` says whether the attribute was written at all.
 */
export interface ListReading {
  readonly present: boolean;
  readonly literals: readonly string[];
  readonly unresolved: readonly string[];
}

export function readList(parent: Value | undefined, key: string): ListReading {
  const v = raw(parent, key);
  if (v === undefined) return { present: false, literals: [], unresolved: [] };
  if (isUnresolved(v)) return { present: true, literals: [], unresolved: [v.$unresolved] };
  const items = Array.isArray(v) ? v : [v];
  const literals: string[] = [];
  const unresolved: string[] = [];
  for (const item of items) {
    if (typeof item === 'string') literals.push(item);
    else if (isUnresolved(item)) unresolved.push(item.$unresolved);
  }
  return { present: true, literals, unresolved };
}

/** First present reading wins: a container's setting overrides the pod's (Kubernetes semantics). */
export function firstPresent<T>(...readings: Reading<T>[]): Reading<T> {
  return readings.find((r) => r.kind !== 'missing') ?? MISSING;
}
