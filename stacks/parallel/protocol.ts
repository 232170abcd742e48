/** Messages between the synth pool (parent) and its worker processes, over the fork IPC channel. */
import type { InputProblem } from '../../checks/core/errors';
import type { ManifestEntry } from './manifest';

/** Parent → worker: load the environment once, then build and synthesize stacks one at a time. */
export type ToWorker =
  | { type: 'init'; envDir: string; cwd: string; asOf: string }
  | { type: 'stack'; id: string; outDir: string }
  | { type: 'exit' };

/** Worker → parent. `manifest` is the stack's entry of cdktf's manifest.json. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; id: string; manifest: ManifestEntry }
  | { type: 'failed'; id?: string; problems?: InputProblem[]; refusal?: boolean; usage?: string; message?: string };
