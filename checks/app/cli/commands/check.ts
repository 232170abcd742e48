/**
 * `btyun check`: runs the rules on the environment and its Terraform configuration.
 * Exit 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad usage/input, or a rule
 * that failed internally (its line names the rule; the other rules' findings are still printed).
 */
import { PACK_IDS } from '../../../../policies';
import { runSession, type SessionOptions } from '../../session';
import { SEVERITIES, type ConfigurationSource, type Severity } from '../../../engine/types';
import { blockingFindings, exitStatusOf, type RunResult } from '../../../engine/run';
import { UsageError } from '../../../core/errors';
import { DEFAULT_ENVIRONMENT } from '../../../core/load';
import { CHECK_FORMATS, renderCheck, type CheckFormat } from '../../report';
import { verdict } from '../../report/labels';
import { writeAtomically } from '../../report/output';
import { asOfFlag, boolFlag, listFlag, parseArgs, stringFlag, type FlagSpec, type ParsedArgs } from '../args';
import type { Command, CommandIO } from '../io';

const HELP = `usage: btyun check [--env NAME|PATH] [--synth DIR | --plan FILE | --tf DIR] [--var-file FILE …] [--packs P,…] [--rules ID,…]
                   [--fail-on SEV] [--as-of DATE] [--format text|json|sarif|junit|markdown] [--output FILE]

Runs the rules (合规检查) on the environment model and the Terraform configuration to be deployed.

  --env NAME|PATH   environment under environments/ or a folder (default: ${DEFAULT_ENVIRONMENT})
  --synth DIR       a cdktf output folder (DIR/stacks/<stack>/cdk.tf.json) or a folder of *.tf.json
  --plan FILE       \`terraform show -json PLANFILE\` output
  --tf DIR          a folder of plain .tf (HCL) files, with the local modules it calls
  --var-file FILE   tfvars for --tf / --synth, after terraform.tfvars and *.auto.tfvars (repeatable)
                    (none of the three: the environment's stacks are synthesized first)
  --packs P,…       packs to run: ${PACK_IDS.join(',')} (default: the policy's packs)
  --rules ID,…      rules to run (with --packs: both)
  --fail-on SEV     lowest severity that fails the run: critical|high|medium|low|info (default: the policy's, high)
  --as-of DATE      check date YYYY-MM-DD (default: today, UTC)
  --format F        text (default) | json | sarif | junit | markdown
                    (junit: one testsuite per pack, one testcase per rule × target; a testcase fails
                    only for unsuppressed findings at or above --fail-on, lower ones are listed in
                    its system-out, suppressed ones make it skipped)
  --output FILE     write the report to FILE (atomically) instead of stdout

Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad usage or input.
`;

/** Flags `check` and `report` share: environment, configuration input, rule selection, fail-on, date, output. */
export const SESSION_FLAGS: Record<string, FlagSpec> = {
  env: { type: 'string' },
  synth: { type: 'string' },
  plan: { type: 'string' },
  tf: { type: 'string' },
  'var-file': { type: 'list' },
  packs: { type: 'list' },
  rules: { type: 'list' },
  'fail-on': { type: 'string' },
  'as-of': { type: 'string' },
  output: { type: 'string' },
  help: { type: 'bool' },
};

export const CHECK_FLAGS: Record<string, FlagSpec> = { ...SESSION_FLAGS, format: { type: 'string' } };

export function sourceFlag(args: ParsedArgs): ConfigurationSource {
  const given = (['synth', 'plan', 'tf'] as const).filter((k) => stringFlag(args, k) !== undefined);
  if (given.length > 1) throw new UsageError(`--synth, --plan and --tf are mutually exclusive (got ${given.map((g) => `--${g}`).join(' and ')})`);
  const synth = stringFlag(args, 'synth');
  const plan = stringFlag(args, 'plan');
  const tf = stringFlag(args, 'tf');
  const varFiles = listFlag(args, 'var-file') ?? [];
  if (varFiles.length > 0 && synth === undefined && tf === undefined) throw new UsageError('--var-file applies to --tf and --synth (a plan already holds its values)');
  if (synth !== undefined) return { kind: 'synth', dir: synth, ...(varFiles.length > 0 ? { varFiles } : {}) };
  if (plan !== undefined) return { kind: 'plan', file: plan };
  if (tf !== undefined) return { kind: 'tf', dir: tf, ...(varFiles.length > 0 ? { varFiles } : {}) };
  return { kind: 'none' };
}

export function failOnFlag(args: ParsedArgs): Severity | undefined {
  const v = stringFlag(args, 'fail-on');
  if (v === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(v)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')} (got '${v}')`);
  return v as Severity;
}

function formatFlag(args: ParsedArgs): CheckFormat {
  const v = stringFlag(args, 'format') ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${CHECK_FORMATS.join(', ')} (got '${v}')`);
  return v as CheckFormat;
}

/** Rule errors: one line each, on stderr. */
export function reportRuleErrors(result: RunResult, io: CommandIO, command: string): boolean {
  for (const e of result.ruleErrors) io.stderr(`btyun ${command}: internal error in rule ${e.ruleId}: ${e.message}\n`);
  return result.ruleErrors.length > 0;
}

/** The session the shared flags ask for; every flag is validated here, before any slow work. */
export function sessionOptionsFrom(args: ParsedArgs, io: CommandIO): SessionOptions {
  return {
    envRef: stringFlag(args, 'env') ?? DEFAULT_ENVIRONMENT,
    source: sourceFlag(args),
    packs: listFlag(args, 'packs'),
    rules: listFlag(args, 'rules'),
    failOn: failOnFlag(args),
    asOf: asOfFlag(args),
    cwd: io.cwd,
  };
}

/**
 * Writes the rendered report to --output (atomically; one line on stderr says where, and the
 * verdict, so a CI log shows the outcome without opening the file) or stdout, and gives the exit
 * status of `check` and `report`.
 */
export function deliverReport(result: RunResult, rendered: string, output: string | undefined, io: CommandIO, command: string): number {
  if (output !== undefined) {
    writeAtomically(output, rendered, io.cwd);
    io.stderr(`btyun ${command}: wrote ${output} — ${verdict(result, blockingFindings(result).length)}\n`);
  } else io.stdout(rendered);
  if (reportRuleErrors(result, io, command)) return 2;
  return exitStatusOf(result);
}

export const check: Command = async (argv, io) => {
  const args = parseArgs(argv, CHECK_FLAGS);
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  // Validate every flag before any slow work.
  const options = sessionOptionsFrom(args, io);
  const format = formatFlag(args);
  const output = stringFlag(args, 'output');
  const result = await runSession(options);
  const color = format === 'text' && output === undefined && io.isTTY && process.env.NO_COLOR === undefined;
  return deliverReport(result, renderCheck(result, format, { color }), output, io, 'check');
};
