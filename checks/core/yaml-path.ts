/**
 * The JSON pointer of the YAML node at a source offset. The yaml parser reports some problems
 * (duplicate key, unresolved tag) with an offset only; people also need the path in the document.
 */
import { isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import { childPointer } from './pointer';

type Range = readonly [number, number, number];

function rangeOf(node: unknown): Range | undefined {
  const range = (node as YamlNode | null)?.range;
  return range ?? undefined;
}

function holds(node: unknown, offset: number): boolean {
  const r = rangeOf(node);
  return r !== undefined && r[0] <= offset && offset < Math.max(r[2], r[0] + 1);
}

/** Where an entry ends; a tag or anchor written before a node lies before its range, still inside its entry. */
function endOf(node: unknown): number {
  return rangeOf(node)?.[2] ?? -1;
}

/**
 * Walks down from the root to the innermost entry that holds `offset`: a map entry spans its key to
 * the end of its value, a list item the space after the previous item to its own end. Iterative
 * (each step descends one level), so a deeply nested document cannot exhaust the stack.
 */
export function pointerAtOffset(doc: Document, offset: number): string | undefined {
  let node: unknown = doc.contents;
  const root = rangeOf(node);
  if (!root || offset >= Math.max(root[2], root[0] + 1)) return undefined;
  let pointer = '';
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (rangeOf(p.key)?.[0] ?? Infinity) <= offset && offset < Math.max(endOf(p.value), endOf(p.key)));
      if (!pair || !isScalar(pair.key)) return pointer;
      pointer = childPointer(pointer, pair.key.value === null ? '' : String(pair.key.value));
      if (holds(pair.key, offset) || !holds(pair.value, offset)) return pointer;
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex((item) => offset < endOf(item));
      if (i < 0) return pointer;
      pointer = childPointer(pointer, i);
      if (!holds(node.items[i], offset)) return pointer;
      node = node.items[i];
    } else {
      return pointer;
    }
  }
}
