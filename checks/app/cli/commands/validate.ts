/**
 * `btyun validate [--env NAME|PATH] [--format text|json]`: schema and cross-reference validation
 * of an environment. Exit 0 when valid; bad input → InputError → one line per problem, exit 2.
 */
import type { Command } from '../io';
import { parseArgs, stringFlag, boolFlag } from '../args';
import { InputError, UsageError } from '../../../core/errors';
import { DEFAULT_ENVIRONMENT, loadEnvironment } from '../../../core/load';

const HELP = `usage: btyun validate [--env NAME|PATH] [--format text|json]

Validates an environment's five documents (topology, networks, inventory, migration, policy):
safe YAML, JSON Schema (environments/schemas/), cross-references (校验环境模型).

  --env NAME|PATH    environment name under environments/ or a folder path (default: ${DEFAULT_ENVIRONMENT})
  --format text|json output format (default: text)
  --help             this help

Exit status: 0 valid; 2 bad usage or invalid input (one line per problem: file:line:column: /path: message).
`;

export const validate: Command = async (argv, io) => {
  const args = parseArgs(argv, { env: { type: 'string' }, format: { type: 'string' }, help: { type: 'bool' } });
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const format = stringFlag(args, 'format') ?? 'text';
  if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json (got '${format}')`);
  const ref = stringFlag(args, 'env') ?? DEFAULT_ENVIRONMENT;
  let env;
  try {
    env = loadEnvironment(ref, { cwd: io.cwd });
  } catch (e) {
    // JSON readers (CI) get the problems on stdout too; the one-line form still goes to stderr.
    if (format === 'json' && e instanceof InputError) io.stdout(JSON.stringify({ environment: ref, valid: false, problems: e.problems }, null, 2) + '\n');
    throw e;
  }
  const counts = {
    centers: env.topology.centers.length,
    systems: env.inventory.systems.length,
    waves: env.migration.waves.length,
  };
  if (format === 'json') {
    io.stdout(JSON.stringify({ environment: env.name, valid: true, ...counts, files: env.files }, null, 2) + '\n');
  } else {
    io.stdout(`environment ${env.name}: valid (${counts.centers} centers, ${counts.systems} systems, ${counts.waves} waves)\n`);
  }
  return 0;
};
