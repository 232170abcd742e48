/**
 * The cdktf app entry (cdktf.json: `node dist/checks/app/cdktf-app.js`), so `cdktf synth` / `cdktf deploy
 * <center>` work as every CDKTF user expects — through the policy gate (checks/app/gate), which judges
 * as of today and writes nothing while a blocking finding exists.
 *
 * - BTYUN_ENV: environment name under environments/ or a folder path (default `production`).
 * - BTYUN_STACKS: comma list of stack (center) ids to build; default all. The cdktf CLI does not
 *   tell the app which stack `cdktf deploy <stack>` targets (it synthesizes the whole app, then
 *   deploys that stack), so `BTYUN_STACKS=<stack> cdktf deploy <stack>` builds only that one; the
 *   other stacks of the previous output are kept as they were.
 * - CDKTF_OUTDIR (set by the cdktf CLI): output folder, default `cdktf.out`.
 *
 * Bad input exits 2 with one line per problem, never a stack trace; a gate refusal exits 1.
 */
import { reportError } from './cli/main';
import { gatedSynthesis } from './gate';
import { loadEnvironment } from '../core/load';
import { selectStacks } from '../../stacks/stack-ids';

function requestedStacks(): string[] | undefined {
  const list = process.env.BTYUN_STACKS;
  if (list === undefined || list.trim() === '') return undefined;
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

async function run(): Promise<void> {
  const env = loadEnvironment(process.env.BTYUN_ENV || undefined);
  const stacks = selectStacks(env, requestedStacks());
  // The same gate and worker pool as `btyun synth`: the same bytes, whichever writes them.
  await gatedSynthesis(env, { outDir: process.env.CDKTF_OUTDIR || 'cdktf.out', stacks, parallel: { source: { envDir: env.dir, cwd: process.cwd() } } });
}

run().catch((e: unknown) => {
  process.exitCode = reportError(e, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), isTTY: false, cwd: process.cwd() }, 'cdktf app');
});
