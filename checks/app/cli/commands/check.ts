/**
 * `btyun check`: runs the rules on the environment and its Terraform configuration.
 * Exit 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad usage/input, or a rule
 * that failed internally (its line names the rule; the other rules' findings are still printed).
 */
import { PACK_IDS } from '../../../../policies';
import { runSession, type SessionOptions } from '../../session';
import type { ConfigurationSource, Severity } from '../../../engine/types';
import { blockingFindings, exitStatusOf, type RunResult } from '../../../engine/run';
import { UsageError } from '../../../core/errors';
import { DEFAULT_ENVIRONMENT } from '../../../core/load';
import { CHECK_FORMATS, renderCheck, type CheckFormat } from '../../report';
import { verdict } from '../../report/labels';
import { writeAtomically } from '../../report/output';
import { asOfFlag, boolFlag, didYouMean, listFlag, parseArgs, stringFlag, type FlagSpec, type ParsedArgs } from '../args';
import type { Command, CommandIO } from '../io';
import { applyControls, CONTROL_FLAGS, controlsFrom, parseFailOn, withProgress } from '../check-controls';

const HELP = `usage: btyun check [--env NAME|PATH] [--synth DIR | --plan FILE | --tf DIR | --manifests PATH] [--var-file FILE …] [--packs P,…] [--rules ID,…]
                   [--fail-on SEV|none] [--as-of DATE] [--format text|json|sarif|junit|markdown] [--output FILE]
                   [--skip-rules ID,…] [--compact] [--quiet] [--baseline FILE] [--create-baseline FILE]

Runs the rules (合规检查) on the environment model and the Terraform configuration to be deployed.

  --env NAME|PATH   environment under environments/ or a folder (default: ${DEFAULT_ENVIRONMENT})
  --synth DIR       a cdktf output folder (DIR/stacks/<stack>/cdk.tf.json) or a folder of *.tf.json
  --plan FILE       \`terraform show -json PLANFILE\` output
  --tf DIR          a folder of plain .tf (HCL) files, with the local modules it calls
  --manifests PATH  Kubernetes manifests: a file or folder of YAML / JSON (multi-document, kind: List,
                    helm template output); the same rules judge them
  --var-file FILE   tfvars for --tf / --synth, after terraform.tfvars and *.auto.tfvars (repeatable)
                    (none of these inputs: the environment's stacks are synthesized first)
  --packs P,…       packs to run: ${PACK_IDS.join(',')} (default: the policy's packs)
  --rules ID,…      rules to run (with --packs: both)
  --fail-on SEV     lowest severity that fails the run: critical|high|medium|low|info (default: the policy's, high)
  --as-of DATE      check date YYYY-MM-DD (default: today, UTC)
  --format F        text (default) | json | sarif | junit | markdown
                    (junit: one testsuite per pack, one testcase per rule × target; a testcase fails
                    only for unsuppressed findings at or above --fail-on, lower ones are listed in
                    its system-out, suppressed ones make it skipped)
  --output FILE     write the report to FILE (atomically) instead of stdout
  --skip-rules ID,… rules not to run (after --packs / --rules)
  --compact         text: one line per finding
  --quiet           text: the blocking findings and the summary only
  --baseline FILE   findings recorded in FILE are reported as baselined and do not fail the run;
                    an entry that matches no finding is reported (stable fingerprints: rule, stack,
                    address or file and path, system — never line numbers)
  --create-baseline FILE  write a baseline of the current findings to FILE
  -h, --help        this help

Severities are case-insensitive; --fail-on none reports everything and exits 0 (soft fail).
While the stacks are synthesized, progress is shown on stderr when it is a terminal.

Exit status: 0 nothing at or above --fail-on; 1 findings at or above it; 2 bad usage or input.
`;

/** Flags `check` and `report` share: environment, configuration input, rule selection, fail-on, date, output. */
export const SESSION_FLAGS: Record<string, FlagSpec> = {
  env: { type: 'string' },
  synth: { type: 'string' },
  plan: { type: 'string' },
  tf: { type: 'string' },
  manifests: { type: 'string' },
  'var-file': { type: 'list' },
  packs: { type: 'list' },
  rules: { type: 'list' },
  'fail-on': { type: 'string' },
  'as-of': { type: 'string' },
  output: { type: 'string' },
  help: { type: 'bool' },
};

export const CHECK_FLAGS: Record<string, FlagSpec> = { ...SESSION_FLAGS, ...CONTROL_FLAGS, format: { type: 'string' } };

export function sourceFlag(args: ParsedArgs): ConfigurationSource {
  const given = (['synth', 'plan', 'tf', 'manifests'] as const).filter((k) => stringFlag(args, k) !== undefined);
  if (given.length > 1) throw new UsageError(`--synth, --plan, --tf and --manifests are mutually exclusive (got ${given.map((g) => `--${g}`).join(' and ')})`);
  const synth = stringFlag(args, 'synth');
  const plan = stringFlag(args, 'plan');
  const tf = stringFlag(args, 'tf');
  const varFiles = listFlag(args, 'var-file') ?? [];
  if (varFiles.length > 0 && synth === undefined && tf === undefined) throw new UsageError('--var-file applies to --tf and --synth (a plan already holds its values)');
  if (synth !== undefined) return { kind: 'synth', dir: synth, ...(varFiles.length > 0 ? { varFiles } : {}) };
  if (plan !== undefined) return { kind: 'plan', file: plan };
  const manifests = stringFlag(args, 'manifests');
  if (manifests !== undefined) return { kind: 'manifests', path: manifests };
  if (tf !== undefined) return { kind: 'tf', dir: tf, ...(varFiles.length > 0 ? { varFiles } : {}) };
  return { kind: 'none' };
}

/** Case-insensitive; `none` (soft fail: report everything, exit 0) gives undefined here (check-controls.ts). */
export function failOnFlag(args: ParsedArgs): Severity | undefined {
  return parseFailOn(args).failOn;
}

function formatFlag(args: ParsedArgs): CheckFormat {
  const v = stringFlag(args, 'format') ?? 'text';
  if (!(CHECK_FORMATS as readonly string[]).includes(v)) throw new UsageError(`--format must be one of ${CHECK_FORMATS.join(', ')} (got '${v}')${didYouMean(v, CHECK_FORMATS)}`);
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
export function deliverReport(result: RunResult, rendered: string | Uint8Array, output: string | undefined, io: CommandIO, command: string): number {
  if (output !== undefined) {
    writeAtomically(output, rendered, io.cwd);
    io.stderr(`btyun ${command}: wrote ${output} — ${verdict(result, blockingFindings(result).length)}\n`);
  } else if (typeof rendered === 'string') io.stdout(rendered);
  else throw new UsageError(`btyun ${command}: a workbook is written to a file: give --output FILE`);
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
  const controls = controlsFrom(args);
  const synthesizing = options.source.kind === 'none' ? `btyun check: synthesizing the stacks of ${options.envRef} 合成中` : 'btyun check: reading and checking 检查中';
  const { result, unmatched } = applyControls(await withProgress(io, synthesizing, () => runSession(options)), controls, io, 'check');
  const color = format === 'text' && output === undefined && io.isTTY && process.env.NO_COLOR === undefined;
  const status = deliverReport(result, renderCheck(result, format, { color, compact: controls.compact, quiet: controls.quiet, unmatchedBaseline: unmatched }), output, io, 'check');
  // --fail-on none: report everything, never fail on findings (bad input and rule errors still exit 2).
  if (controls.softFail && status === 1) {
    io.stderr(`btyun check: --fail-on none: exit 0 (soft fail); ${blockingFindings(result).length} finding(s) at or above ${result.failOn} reported\n`);
    return 0;
  }
  return status;
};
