/**
 * Whole-value references resolved against known literal values: `"${var.p}"` becomes the literal
 * the variable is bound to, `"${container.value.name}"` (inside a dynamic block's content) the
 * element's field. Only a string that is ONE reference is replaced; partial templates
 * (`"app-${var.x}"`) and anything with functions or operators stay unresolved. Nothing is evaluated.
 */
import { setOwn } from '../own-property';
import { isMap } from './literal';

/** `root.a.b["c"][0]` → root `root`, steps `a`, `b`, `c`, 0 — or undefined when it is not a plain reference. */
export function parseReference(s: string): { root: string; steps: (string | number)[] } | undefined {
  const m = /^\$\{\s*([A-Za-z_][\w-]*)((?:\s*(?:\.[A-Za-z_][\w-]*|\.\d+|\[\s*(?:\d+|"[^"\\]*")\s*\]))*)\s*\}$/.exec(s);
  if (!m) return undefined;
  const steps: (string | number)[] = [];
  const re = /\.([A-Za-z_][\w-]*)|\.(\d+)|\[\s*(?:(\d+)|"([^"\\]*)")\s*\]/g;
  for (let s2 = re.exec(m[2]); s2; s2 = re.exec(m[2])) {
    if (s2[1] !== undefined) steps.push(s2[1]);
    else if (s2[2] !== undefined) steps.push(Number(s2[2]));
    else if (s2[3] !== undefined) steps.push(Number(s2[3]));
    else steps.push(s2[4]);
  }
  return { root: m[1], steps };
}

/** Follows `steps` into a literal value; undefined when a step is missing. */
export function follow(value: unknown, steps: readonly (string | number)[]): unknown {
  let cur = value;
  for (const step of steps) {
    if (Array.isArray(cur) && typeof step === 'number') cur = cur[step];
    else if (isMap(cur) && typeof step === 'string' && Object.prototype.hasOwnProperty.call(cur, step)) cur = cur[step];
    else return undefined;
  }
  return cur;
}

/** Resolves a whole-value reference string, or undefined when it cannot be (it then stays as written). */
export type Resolver = (s: string) => unknown;

/** Deeper than this, values are left as written (the normalizer cuts nesting at 64 levels anyway). */
const MAX_DEPTH = 128;

/** Deep copy of `v` with every whole-value reference the resolver knows replaced. Keys are never touched. */
export function substitute(v: unknown, resolve: Resolver, depth = 0): unknown {
  if (typeof v === 'string') {
    if (!v.startsWith('${')) return v;
    const got = resolve(v);
    return got === undefined ? v : got;
  }
  if (depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) return v.map((x) => substitute(x, resolve, depth + 1));
  if (isMap(v)) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) setOwn(out, k, substitute(x, resolve, depth + 1));
    return out;
  }
  return v;
}

/** A resolver for `${var.NAME…}` from the variables whose value is a known literal. */
export function variableResolver(known: ReadonlyMap<string, unknown>): Resolver {
  return (s) => {
    const ref = parseReference(s);
    if (!ref || ref.root !== 'var' || typeof ref.steps[0] !== 'string' || !known.has(ref.steps[0])) return undefined;
    return follow(known.get(ref.steps[0]), ref.steps.slice(1));
  };
}
