/** Messages between the synth pool (parent) and its worker processes, over the fork IPC channel. */
import type { InputProblem } from '../../checks/core/errors';
import type { ManifestEntry } from './manifest';
import type { TransferredModel } from './model-transfer';
import type { StackMerge, StackPart } from './stack-parts';

/**
 * Parent → worker: the parsed environment (and the folder it came from, read only if a source
 * position is missing from the model), then stacks (or parts of heavy ones) to build and synthesize
 * one at a time.
 */
export type ToWorker =
  | { type: 'init'; model: TransferredModel; envDir: string; cwd: string; asOf: string }
  | { type: 'stack'; id: string; part?: StackPart; outDir: string }
  | { type: 'merge'; merge: StackMerge }
  | { type: 'exit' };

/** Worker → parent. `manifest` is the stack's entry of cdktf's manifest.json. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: string; manifest: ManifestEntry }
  | { type: 'merged'; id: string }
  | { type: 'failed'; id?: string; problems?: InputProblem[]; refusal?: boolean; usage?: string; message?: string };
