/**
 * `dynamic "container" { for_each = [ {…}, {…} ] content { … } }` expanded into the blocks
 * Terraform would produce, when `for_each` is a literal list or map (variables are resolved
 * before: a variable with a literal default works too). In `content`, whole-value references to
 * the iterator — `container.value.x`, `container.key`, or `<iterator>.value.x` with `iterator =` —
 * are replaced by the element's parts; nested dynamic blocks are expanded in turn.
 *
 * Same for Terraform JSON: `"dynamic": {"container": [{"for_each": …, "content": {…}}]}`.
 *
 * A dynamic block that cannot be expanded (for_each an expression, not a collection, no content,
 * too many blocks) is left in the body under `dynamic`, where the CFG rules find and report it:
 * the blocks it produces are not verifiable. Nothing is evaluated.
 */
import { ownValue, setOwn } from '../own-property';
import { bodiesOf, isMap } from './literal';
import { follow, parseReference, substitute, type Resolver } from './substitute';

/** Blocks one resource body may produce from dynamic blocks; beyond, expansion stops (reported). */
export const MAX_DYNAMIC_BLOCKS = 10_000;

interface Budget {
  left: number;
}

/** Deeper than this, bodies are left as written (the normalizer cuts nesting at 64 levels anyway). */
const MAX_DEPTH = 128;

/** `iterator = ic` arrives as `${ic}` from hcl2json and as `ic` from JSON. */
function iteratorName(raw: unknown, blockName: string): string | undefined {
  if (raw === undefined) return blockName;
  if (typeof raw !== 'string') return undefined;
  return /^\$\{\s*([A-Za-z_][\w-]*)\s*\}$/.exec(raw)?.[1] ?? (/^[A-Za-z_][\w-]*$/.test(raw) ? raw : undefined);
}

function iteratorResolver(iterator: string, key: unknown, value: unknown): Resolver {
  return (s) => {
    const ref = parseReference(s);
    if (!ref || ref.root !== iterator) return undefined;
    if (ref.steps[0] === 'value') return follow(value, ref.steps.slice(1));
    if (ref.steps[0] === 'key' && ref.steps.length === 1) return key;
    return undefined;
  };
}

/** The elements `for_each` iterates: a list (key = index) or a map (key = map key). */
function elements(forEach: unknown): [unknown, unknown][] | undefined {
  if (Array.isArray(forEach)) return forEach.map((value, i) => [i, value]);
  if (isMap(forEach)) return Object.entries(forEach);
  return undefined;
}

/** The blocks one dynamic block produces, or undefined when it cannot be expanded. */
function expandOne(spec: unknown, blockName: string, budget: Budget, depth: number): unknown[] | undefined {
  if (!isMap(spec)) return undefined;
  const items = elements(spec.for_each);
  const content = bodiesOf(spec.content);
  const iterator = iteratorName(spec.iterator, blockName);
  const oneContent = content.length === 1 && (!Array.isArray(spec.content) || spec.content.length === 1);
  if (items === undefined || !oneContent || iterator === undefined) return undefined;
  if (items.length > budget.left) return undefined;
  budget.left -= items.length;
  return items.map(([key, value]) => expandIn(substitute(content[0], iteratorResolver(iterator, key, value)), budget, depth + 1));
}

/** `existing` blocks of that name (object or list) followed by the produced ones. */
function append(existing: unknown, produced: unknown[]): unknown[] {
  if (existing === undefined || existing === null) return produced;
  return [...(Array.isArray(existing) ? existing : [existing]), ...produced];
}

function expandIn(v: unknown, budget: Budget, depth: number): unknown {
  if (depth > MAX_DEPTH) return v;
  if (Array.isArray(v)) return v.map((x) => expandIn(x, budget, depth + 1));
  if (!isMap(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (k !== 'dynamic') setOwn(out, k, expandIn(x, budget, depth + 1));
  if (!('dynamic' in v)) return out;
  if (!isMap(v.dynamic)) {
    out.dynamic = v.dynamic; // not a map of block types: left for the CFG rules to report
    return out;
  }
  const left: Record<string, unknown> = {};
  for (const [blockName, raw] of Object.entries(v.dynamic)) {
    for (const spec of Array.isArray(raw) ? raw : [raw]) {
      const produced = expandOne(spec, blockName, budget, depth);
      const kept = ownValue(left, blockName) as unknown[] | undefined;
      if (produced === undefined) {
        if (kept) kept.push(spec);
        else setOwn(left, blockName, [spec]);
      } else setOwn(out, blockName, append(ownValue(out, blockName), produced));
    }
  }
  if (Object.keys(left).length > 0) out.dynamic = left;
  return out;
}

/** A resource body with its expandable dynamic blocks expanded (a new value; the input is not changed). */
export function expandDynamicBlocks(body: unknown): unknown {
  return expandIn(body, { left: MAX_DYNAMIC_BLOCKS }, 0);
}
