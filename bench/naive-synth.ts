/**
 * The baselines `npm run bench` compares `btyun synth` with, in one process, from TypeScript
 * through a source-map loader (vite-node; tsx is not installed here) — how a CDKTF project usually
 * runs its app (`app: npx tsx main.ts`): the project's own constructs, every stack in ONE cdktf
 * app, `app.synth()` as cdktf ships it (three resolve passes over every token, a stack-trace walk
 * per token), no policy gate.
 *
 * - BENCH_BASELINE=naive (default): "the in-process naive way" — what btyun did before issue 18:
 *   cdktf's token traces walked but not formatted (`Error.prepareStackTrace`, issue 12's fix).
 * - BENCH_BASELINE=plain: plain CDKTF — the traces formatted too, as cdktf does by default.
 *
 * BTYUN_ENV: environment folder; CDKTF_OUTDIR: output folder (manifest.json + stacks/).
 */
import { todayUtc } from '../checks/core/dates';
import { loadEnvironment } from '../checks/core/load';
import { constructStacks, createApp, stackIds } from '../stacks/synth';

const baseline = process.env.BENCH_BASELINE ?? 'naive';
if (baseline !== 'naive' && baseline !== 'plain') throw new Error(`BENCH_BASELINE '${baseline}': naive or plain`);

const env = loadEnvironment(process.env.BTYUN_ENV || undefined);
const previous = Error.prepareStackTrace;
if (baseline === 'naive') Error.prepareStackTrace = () => '';
try {
  const app = createApp(process.env.CDKTF_OUTDIR || 'cdktf.out');
  constructStacks(app, env, stackIds(env), todayUtc());
  app.synth();
} finally {
  Error.prepareStackTrace = previous;
}
