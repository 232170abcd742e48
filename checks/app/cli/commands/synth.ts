/**
 * `btyun synth [--env NAME|PATH] [--stack ID …] [--out DIR]`: synthesizes the environment's center
 * stacks (all, or only the named ones) into a cdktf output folder, replaced atomically: a failed
 * synth leaves the previous output intact. Prints one line per stack written.
 */
import * as path from 'node:path';
import { DEFAULT_ENVIRONMENT, displayPath, loadEnvironment } from '../../../core/load';
import { boolFlag, listFlag, parseArgs, stringFlag, type FlagSpec } from '../args';
import type { Command } from '../io';
import { withProgress } from '../check-controls';
import { POOL_MIN_SYSTEMS } from '../../../../stacks/parallel/plan';

const HELP = `usage: btyun synth [--env NAME|PATH] [--stack ID …] [--out DIR]

Synthesizes the environment's stacks (one per 兵团云 center) as Terraform JSON (cdk.tf.json),
through the policy gate (合规检查), as of today: while a finding at or above the policy's fail-on
exists, nothing is written and the previous output stays as it was. The output folder records the
environment it was made from and the gate's verdict (btyun-synth.json); when it already holds
exactly what would be written (today, this environment, this build, unchanged), nothing is rebuilt.

  --env NAME|PATH   environment under environments/ or a folder (default: ${DEFAULT_ENVIRONMENT})
  --stack ID …      only these stacks (center ids; repeat, space or comma separated)
  --out DIR         output folder (default: cdktf.out)

BTYUN_SYNTH_WORKERS=N synthesizes with N worker processes (default: one per core from ${POOL_MIN_SYSTEMS.toLocaleString('en-US')}
systems on, in process below; 1 = in process).
Exit status: 0 written; 1 refused by the gate; 2 bad usage or input (the previous output is left as it was).
`;

const FLAGS: Record<string, FlagSpec> = {
  env: { type: 'string' },
  stack: { type: 'list', variadic: true },
  out: { type: 'string' },
  help: { type: 'bool' },
};

export const synth: Command = async (argv, io) => {
  const args = parseArgs(argv, FLAGS);
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const env = loadEnvironment(stringFlag(args, 'env') ?? DEFAULT_ENVIRONMENT, { cwd: io.cwd });
  // Loaded lazily: only synthesis pays for cdktf and the provider bindings.
  const { selectStacks } = await import('../../../../stacks/stack-ids.js');
  const { gatedSynthesis } = await import('../../gate/index.js');
  const stacks = selectStacks(env, listFlag(args, 'stack'));
  const outDir = path.resolve(io.cwd, stringFlag(args, 'out') ?? 'cdktf.out');
  // The policy gate, as for `cdktf synth`; several stacks of a large environment: one worker
  // process per core (stacks/parallel/plan.ts; BTYUN_SYNTH_WORKERS overrides), same output bytes.
  const result = await withProgress(io, `btyun synth: checking and synthesizing ${stacks.length} stack(s)`, () =>
    gatedSynthesis(env, { outDir, stacks, log: io.stderr, parallel: { source: { envDir: env.dir, cwd: io.cwd } } }),
  );
  // An absolute --out is shown as given, a relative one relative to the working folder.
  const given = stringFlag(args, 'out');
  const shown = (id: string): string => (given !== undefined && path.isAbsolute(given) ? path.join(given, 'stacks', id, 'cdk.tf.json') : displayPath(path.join(result.outDir, 'stacks', id, 'cdk.tf.json'), io.cwd));
  for (const id of result.stacks) io.stdout(`${id}: ${shown(id)}\n`);
  return 0;
};
