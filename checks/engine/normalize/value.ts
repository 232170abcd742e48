/**
 * A JSON value → its normalized form (types.ts `Value`): strings holding a template (`${…}`,
 * `%{…}`) become Unresolved, escaped ones (`$${`, `%%{`) the literal text Terraform deploys, keys
 * `//` (cdktf metadata) and undefined values are dropped, nesting past 64 levels is cut. Nothing is
 * evaluated.
 *
 * Two ways, one walk:
 *  - in place, over a reader's own `JSON.parse` output (referenced nowhere else): no copy, no
 *    freeze, the objects stay the plain objects V8 keeps in fast mode (measured on 63,682
 *    resources: the deep copy into frozen `Object.create(null)` dictionaries cost 2 s, and every
 *    rule's property reads on them were slower);
 *  - as a copy, for values the caller keeps (tests, literals, substituted documents whose parts
 *    may be shared).
 * Rules never mutate what they read (test/engine/rules-pure.test.ts), so nothing is frozen.
 *
 * `__proto__`: JSON.parse makes it an own property, never the prototype; a copy defines it as an
 * own property too (a plain assignment would set the prototype), so it is judged like any key.
 *
 * The walk also hands every normalized string, list and object to an optional visitor: the secret
 * collection (secrets.ts) rides on it instead of walking every resource a second time.
 */
import { readTemplate } from '../../core/terraform-template';
import { setOwn } from '../own-property';
import type { Unresolved, Value } from '../types';

export const MAX_VALUE_DEPTH = 64;

/** What the walk shows, bottom-up, each value once normalized (Unresolved values are not shown). */
export interface ValueVisitor {
  string(s: string): void;
  list(items: readonly Value[]): void;
  object(o: { readonly [k: string]: Value }): void;
}

/**
 * How many Unresolved values the walks have made, or met as an input object with a `$unresolved`
 * key of its own (which reads as one, types.ts): a walk that leaves it unchanged produced a value
 * holding none (template-free.ts), whatever a rule would look for.
 */
let unresolvedMet = 0;

export function unresolvedCount(): number {
  return unresolvedMet;
}

function unresolved(text: string): Unresolved {
  unresolvedMet++;
  return { $unresolved: text };
}

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

function walk(v: unknown, depth: number, copy: boolean, visit: ValueVisitor | undefined): Value {
  if (depth > MAX_VALUE_DEPTH) return unresolved('<nesting too deep>');
  if (typeof v === 'string') {
    // Most strings hold no `{`: neither a template nor an escape (no reading allocated for them).
    if (v.indexOf('{') === -1) {
      visit?.string(v);
      return v;
    }
    const read = readTemplate(v);
    if (read.kind === 'template') return unresolved(v);
    visit?.string(read.value);
    return read.value;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) {
    const out: Value[] = copy ? new Array<Value>(v.length) : v;
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      const n = walk(x, depth + 1, copy, visit);
      if (copy || n !== x) out[i] = n;
    }
    visit?.list(out);
    return out;
  }
  if (typeof v === 'object') {
    const src = v as Record<string, unknown>;
    if (src.$unresolved !== undefined) unresolvedMet++;
    let out: Record<string, Value>;
    // A `//` key goes by rebuilding the object: `delete` would turn it into a slow dictionary.
    if (copy || hasOwn(src, '//')) {
      out = {};
      for (const k of Object.keys(src)) {
        const x = src[k];
        if (k === '//' || x === undefined) continue;
        setOwn(out, k, walk(x, depth + 1, copy, visit));
      }
    } else {
      out = src as Record<string, Value>;
      // for…in over own keys: no array of keys allocated per object (JSON.parse objects enumerate fast).
      for (const k in src) {
        if (!hasOwn(src, k)) continue;
        const x = src[k];
        const n = walk(x, depth + 1, false, visit);
        if (n !== x) setOwn(out, k, n);
      }
    }
    visit?.object(out);
    return out;
  }
  return null; // functions, symbols, bigints: not JSON
}

/** A normalized copy of `v` (the argument is left as it was). */
export function normalizeValue(v: unknown, visit?: ValueVisitor): Value {
  return walk(v, 0, true, visit);
}

/**
 * `v` normalized in place — only for JSON (a reader's own parse output) that nothing else
 * references: a part shared with another value would be normalized twice (an escape `$${` read
 * twice is a template).
 * The result may be a new object (a `//` key dropped): use the return value.
 */
export function normalizeInPlace(v: unknown, visit?: ValueVisitor): Value {
  return walk(v, 0, false, visit);
}
