/**
 * The naive way, for comparison only: the same synthesis as `btyun synth` (load the environment,
 * build every stack in one cdktf app, synthesize), in one process, run from TypeScript through a
 * source-map loader (vite-node; tsx is not installed here) — how a CDKTF project usually runs its
 * app (`app: npx tsx main.ts`). BTYUN_ENV: environment folder; CDKTF_OUTDIR: output folder.
 */
import { loadEnvironment } from '../checks/core/load';
import { synthEnvironment, UNGATED_TEMPORARY_OUTPUT } from '../stacks/synth';

const env = loadEnvironment(process.env.BTYUN_ENV || undefined);
// Synthesis alone (no policy gate), as a plain CDKTF app does it.
synthEnvironment(env, { outDir: process.env.CDKTF_OUTDIR || 'cdktf.out', gate: UNGATED_TEMPORARY_OUTPUT });
