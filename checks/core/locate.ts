/** Source positions of an environment's documents: JSON pointer → line/column. */
import type { DocumentName, SourcePosition } from './types';
import { parentPointer } from './pointer';

export type PositionMaps = Partial<Record<DocumentName, ReadonlyMap<string, SourcePosition>>>;

/**
 * Position of `pointer` in `doc`. A pointer with no node of its own (a field filled by a default,
 * a missing field) resolves to its nearest ancestor that has one, so a finding still names a line.
 */
export function makeLocator(maps: PositionMaps): (doc: DocumentName, pointer: string) => SourcePosition | undefined {
  return (doc, pointer) => {
    const map = maps[doc];
    if (!map) return undefined;
    for (let p = pointer; ; p = parentPointer(p)) {
      const pos = map.get(p);
      if (pos) return { line: pos.line, column: pos.column };
      if (p === '') return undefined;
    }
  };
}
