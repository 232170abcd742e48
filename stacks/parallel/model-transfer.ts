/**
 * The parsed environment handed from the pool's parent to its workers over the IPC channel
 * (structured clone), so the YAML is read, parsed, validated and cross-checked once per synthesis
 * instead of once per process (≈ 3 s of CPU each at 2,000 systems).
 *
 * An Environment is plain data but for `locate` (a closure over the documents' position maps).
 * The stacks ask it for the positions of centers and systems only (stacks/constructs/center-stack.ts
 * `sourceOf`: `/centers/<i>`, `/systems/<i>`), so those are sent as a table; any other pointer —
 * none today — makes the worker load the environment from its folder once and ask its locator, so
 * a position is never wrong, only slower.
 */
import type { DocumentName, Environment, SourcePosition } from '../../checks/core/types';

export interface TransferredModel {
  env: Omit<Environment, 'locate'>;
  /** `doc pointer` → position, for the pointers the stacks ask for. */
  positions: Map<string, SourcePosition>;
}

const key = (doc: DocumentName, pointer: string): string => `${doc} ${pointer}`;

/** The model as the workers need it; `env` itself is not changed. */
export function packModel(env: Environment): TransferredModel {
  const positions = new Map<string, SourcePosition>();
  const add = (doc: DocumentName, pointer: string): void => {
    const pos = env.locate(doc, pointer);
    if (pos) positions.set(key(doc, pointer), pos);
  };
  env.topology.centers.forEach((_, i) => add('topology', `/centers/${i}`));
  env.inventory.systems.forEach((_, i) => add('inventory', `/systems/${i}`));
  const { locate: _locate, ...data } = env;
  return { env: data, positions };
}

/** The worker's Environment; `load` reads it from its folder, only if a pointer is not in the table. */
export function unpackModel(model: TransferredModel, load: () => Environment): Environment {
  let loaded: Environment | undefined;
  const locate = (doc: DocumentName, pointer: string): SourcePosition | undefined => {
    const known = model.positions.get(key(doc, pointer));
    if (known) return { line: known.line, column: known.column };
    loaded ??= load();
    return loaded.locate(doc, pointer);
  };
  return { ...model.env, locate };
}
