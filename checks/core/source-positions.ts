/**
 * JSON pointer → source position of one YAML document, stored compactly: a tree that mirrors the
 * document (one source offset per node, a node's children by key or index) and the line starts of
 * the text (not the text). No pointer string is built while reading, and line and column are
 * worked out only when a position is asked for — a problem or a finding is printed — so reading
 * 2,000 systems (over 100,000 nodes) does not pay for positions nobody reads.
 */
import type { SourcePosition } from './types';
import { positionAt } from './line-index';
import { childPointer, splitPointer } from './pointer';

/** One node of the document: its offset (-1: none, such as an empty value) and its children. */
export interface PositionNode {
  at: number;
  kids?: Map<string, PositionNode> | PositionNode[];
}

const INDEX = /^(?:0|[1-9]\d*)$/;

export class SourcePositions implements ReadonlyMap<string, SourcePosition> {
  constructor(
    private readonly root: PositionNode | undefined,
    private readonly starts: ArrayLike<number>,
  ) {}

  private node(pointer: string): PositionNode | undefined {
    if (pointer !== '' && !pointer.startsWith('/')) return undefined;
    let node = this.root;
    for (const token of splitPointer(pointer)) {
      const kids = node?.kids;
      if (kids === undefined) return undefined;
      node = Array.isArray(kids) ? (INDEX.test(token) ? kids[Number(token)] : undefined) : kids.get(token);
    }
    return node;
  }

  /** The source offset (0-based, UTF-16 code units) of the node at `pointer`. */
  offsetOf(pointer: string): number | undefined {
    const at = this.node(pointer)?.at;
    return at === undefined || at < 0 ? undefined : at;
  }

  has(pointer: string): boolean {
    return this.offsetOf(pointer) !== undefined;
  }

  get(pointer: string): SourcePosition | undefined {
    const at = this.offsetOf(pointer);
    return at === undefined ? undefined : positionAt(this.starts, at);
  }

  get size(): number {
    let n = 0;
    for (const _ of this.keys()) n++;
    return n;
  }

  /** Every pointer with a position, in document order. */
  *keys(): MapIterator<string> {
    if (!this.root) return;
    const stack: [string, PositionNode][] = [['', this.root]];
    while (stack.length > 0) {
      const [pointer, node] = stack.pop()!;
      if (node.at >= 0) yield pointer;
      const kids = node.kids;
      if (kids === undefined) continue;
      const children: [string, PositionNode][] = Array.isArray(kids) ? kids.map((k, i) => [childPointer(pointer, i), k]) : [...kids].map(([key, k]) => [childPointer(pointer, key), k]);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }

  *entries(): MapIterator<[string, SourcePosition]> {
    for (const pointer of this.keys()) yield [pointer, this.get(pointer)!];
  }

  *values(): MapIterator<SourcePosition> {
    for (const [, position] of this.entries()) yield position;
  }

  [Symbol.iterator](): MapIterator<[string, SourcePosition]> {
    return this.entries();
  }

  forEach(fn: (value: SourcePosition, key: string, map: ReadonlyMap<string, SourcePosition>) => void, thisArg?: unknown): void {
    for (const [pointer, position] of this.entries()) fn.call(thisArg, position, pointer, this);
  }
}
