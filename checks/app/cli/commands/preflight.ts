/**
 * `btyun preflight [--env NAME|PATH] [--stack ID …]`: the deploy pre-flight (checks/app/gate/preflight.ts)
 * on this shell's environment — does each stack's Terraform state backend find the variables it
 * reads? Run it right before `cdktf deploy` (the cdktf CLI gives the app no way to tell a deploy from
 * a synth): `npx btyun preflight --stack div-8 && npx cdktf deploy div-8`. One line per problem on
 * stderr and exit 2; exit 0 when every named stack is ready. Never prints a variable's value.
 */
import { UsageError } from '../../../core/errors';
import { DEFAULT_ENVIRONMENT, loadEnvironment } from '../../../core/load';
import { awsSharedFilesExist, deployPreflight } from '../../gate/preflight';
import { boolFlag, listFlag, parseArgs, stringFlag, type FlagSpec } from '../args';
import type { Command } from '../io';

const HELP = `usage: btyun preflight [--env NAME|PATH] [--stack ID …]

Deploy pre-flight (部署前检查), before \`cdktf deploy\`: does each stack's Terraform state backend find
what it reads from this shell's environment? pg: PG_CONN_STR (export it from the variable the
topology names in connStrEnv; PGHOST also counts); s3: AWS credentials (access key pair, AWS_PROFILE,
a shared credentials file, web identity or container credentials); local: nothing.
One line per problem naming the stack and the variable — never a value.

  --env NAME|PATH   environment under environments/ or a folder (default: BTYUN_ENV, else ${DEFAULT_ENVIRONMENT})
  --stack ID …      only these stacks (center ids; repeat, space or comma separated; default: all)

  npx btyun preflight --stack div-8 && npx cdktf deploy div-8

Exit status: 0 ready; 2 a problem (one line each), bad usage or bad input.
`;

const FLAGS: Record<string, FlagSpec> = {
  env: { type: 'string' },
  stack: { type: 'list', variadic: true },
  help: { type: 'bool' },
};

export const preflight: Command = async (argv, io) => {
  const args = parseArgs(argv.map((a) => (a === '-h' ? '--help' : a)), FLAGS);
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  // The environment `cdktf deploy` will build: the app reads BTYUN_ENV, so the default follows it.
  const env = loadEnvironment(stringFlag(args, 'env') ?? (process.env.BTYUN_ENV || DEFAULT_ENVIRONMENT), { cwd: io.cwd });
  const valid = env.topology.centers.map((c) => c.id);
  const requested = listFlag(args, 'stack');
  const unknown = (requested ?? []).filter((id) => !valid.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown stack ${unknown.map((u) => `'${u}'`).join(', ')}; valid stacks (center ids 中心): ${valid.join(', ')}`);
  }
  const stacks = requested && requested.length > 0 ? valid.filter((id) => requested.includes(id)) : valid;
  const problems = deployPreflight(env, stacks, process.env, { awsSharedFiles: awsSharedFilesExist(process.env) });
  if (problems.length > 0) {
    io.stderr(problems.join('\n') + '\n');
    return 2;
  }
  io.stdout(`btyun pre-flight: ${stacks.join(', ')}: state backend ready (部署前检查通过)\n`);
  return 0;
};
