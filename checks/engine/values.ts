/**
 * Readers for normalized attribute values. Terraform JSON may write a nested block as an object
 * or as a list of objects; these accept both. Unresolved `${...}` expressions are never literals.
 */
import type { Unresolved, Value } from './types';

export type Obj = { readonly [k: string]: Value };

export function isUnresolved(v: unknown): v is Unresolved {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as Unresolved).$unresolved === 'string';
}

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnresolved(v);
}

/** All blocks named `key` under `parent`: `{}` → [{}], `[{},{}]` → both, missing → []. */
export function blocks(parent: Value | undefined, key: string): Obj[] {
  if (!isObj(parent)) return [];
  const v = parent[key];
  if (Array.isArray(v)) return v.filter(isObj);
  return isObj(v) ? [v] : [];
}

/** The first block named `key`, if any (`blocks(parent, key)[0]`, without building the list: rules ask it per resource). */
export function block(parent: Value | undefined, key: string): Obj | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  if (!Array.isArray(v)) return isObj(v) ? v : undefined;
  for (let i = 0; i < v.length; i++) if (isObj(v[i])) return v[i] as Obj;
  return undefined;
}

/** Follow a path of block names, taking the first block at each step. */
export function dig(parent: Value | undefined, ...keys: string[]): Obj | undefined {
  let cur: Obj | undefined = isObj(parent) ? parent : undefined;
  for (const k of keys) {
    if (!cur) return undefined;
    cur = block(cur, k);
  }
  return cur;
}

/** A literal string, or undefined (missing, unresolved or another type). */
export function str(parent: Value | undefined, key: string): string | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  return typeof v === 'string' ? v : undefined;
}

/** A literal boolean; Terraform JSON may write booleans as "true"/"false". */
export function bool(parent: Value | undefined, key: string): boolean | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** A literal number; numeric strings are accepted. */
export function num(parent: Value | undefined, key: string): number | undefined {
  if (!isObj(parent)) return undefined;
  const v = parent[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
}

/** A list of literal strings (unresolved items dropped); a single string counts as a list of one. */
export function strList(parent: Value | undefined, key: string): string[] {
  if (!isObj(parent)) return [];
  const v = parent[key];
  if (typeof v === 'string') return [v];
  if (!Array.isArray(v)) return [];
  return v.filter((x): x is string => typeof x === 'string');
}

/** Whether the attribute is present at all (literal or unresolved). */
export function has(parent: Value | undefined, key: string): boolean {
  return isObj(parent) && parent[key] !== undefined && parent[key] !== null;
}

/** A map of literal strings (e.g. labels); unresolved values dropped. */
export function strMap(v: Value | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  const m = Array.isArray(v) ? v[0] : v; // HCL/plan may wrap a map attribute in a list
  if (!isObj(m)) return out;
  // for…in over own keys: no list of entries per map (labels and annotations of every resource).
  for (const k in m) {
    if (!Object.prototype.hasOwnProperty.call(m, k)) continue;
    const x = m[k];
    if (typeof x === 'string') out[k] = x;
  }
  return out;
}
