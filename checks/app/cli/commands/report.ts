/**
 * `btyun report [--env NAME] [--format html|csv|xlsx] [--output FILE] [--as-of DATE]`: the
 * self-contained HTML report for reviewers and assessors (等保测评 / 审计), or its control matrix
 * (单项测评) as CSV or XLSX for the assessor's own workbook. Accepts the configuration flags of
 * `check` too; with none, the environment is synthesized first. Exit status as `check`.
 */
import { runSessionWithModel } from '../../session';
import { renderHtml, type ReportContext } from '../../report/html';
import { buildControlMatrix, type ControlMatrix } from '../../report/control-matrix';
import { configurationText, gitCommit, inputFiles } from '../../report/html/provenance';
import { renderMatrixCsv } from '../../report/matrix-csv';
import { renderMatrixXlsx } from '../../report/matrix-xlsx';
import { computeScorecard, scorecardSection } from '../../scorecard';
import { boolFlag, parseArgs, stringFlag } from '../args';
import type { Command } from '../io';
import { UsageError } from '../../../core/errors';
import type { Environment } from '../../../core/types';
import { migrationView } from '../../../plan/plan';
import type { RunResult } from '../../../engine/run';
import type { SessionOptions } from '../../session';
import { applyControls, CONTROL_FLAGS, controlsFrom, withProgress } from '../check-controls';
import { deliverReport, SESSION_FLAGS, sessionOptionsFrom } from './check';

const FORMATS = ['html', 'csv', 'xlsx'] as const;
type ReportFormat = (typeof FORMATS)[number];

const HELP = `usage: btyun report [--env NAME|PATH] [--format html|csv|xlsx] [--output FILE] [--as-of DATE]
                    [--synth DIR | --plan FILE | --tf DIR | --manifests PATH] [--packs P,…] [--rules ID,…]
                    [--fail-on SEV|none] [--skip-rules ID,…] [--baseline FILE]

html (default): a self-contained report (合规报告) — verdict and scope with the input files'
SHA-256, topology (两地三中心, zones and flows), findings worst first, capacity per center after
each wave, the migration timeline, the systems, the control matrix (单项测评), the result per rule.
csv / xlsx: the control matrix, one row per system and 等保 control (xlsx needs --output).
Written to FILE (atomically) or stdout. Exit status: 0 nothing at or above fail-on; 1 findings;
2 bad usage or input.
`;

function formatOf(value: string | undefined, output: string | undefined): ReportFormat {
  const format = value ?? 'html';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; \`btyun check --format …\` has the other formats`);
  if (format === 'xlsx' && output === undefined) throw new UsageError('--format xlsx needs --output FILE (a workbook is binary)');
  return format as ReportFormat;
}

function reportContext(result: RunResult, env: Environment, matrix: ControlMatrix, options: SessionOptions): ReportContext {
  const inputs = inputFiles(env, options.source, options.cwd);
  const commit = gitCommit(env.dir);
  return {
    env,
    migration: migrationView(env, result.asOf),
    matrix,
    inputs: inputs.files,
    ...(inputs.omitted > 0 ? { inputsOmitted: inputs.omitted } : {}),
    configuration: configurationText(options.source),
    // The plan's evaluation (§三(三)) per division; wrapped so that the wide table scrolls on a phone.
    scorecard: { id: 'scorecard', title: '评价 Scorecard (§三(三))', body: `<div class="scroll">${scorecardSection(computeScorecard(env, 'division', result.asOf))}</div>` },
    ...(commit !== undefined ? { commit: commit.commit, ...(commit.dirty ? { commitDirty: true } : {}) } : {}),
  };
}

export const report: Command = async (argv, io) => {
  const args = parseArgs(argv, { ...SESSION_FLAGS, 'skip-rules': CONTROL_FLAGS['skip-rules'], baseline: CONTROL_FLAGS.baseline, format: { type: 'string' } });
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const output = stringFlag(args, 'output');
  const format = formatOf(stringFlag(args, 'format'), output);
  const options = sessionOptionsFrom(args, io);
  const label = options.source.kind === 'none' ? `btyun report: synthesizing the stacks of ${options.envRef} 合成中` : 'btyun report: reading and checking 检查中';
  // The matrix needs what each rule judged per system (符合 only where a rule judged the system).
  const session = await withProgress(io, label, () => runSessionWithModel({ ...options, recordCoverage: true }));
  const { result } = applyControls(session.result, controlsFrom(args), io, 'report');
  const env = session.env;
  const matrix = buildControlMatrix(result, env, result.evaluatedBySystem);
  let rendered: string | Uint8Array;
  if (format === 'html') rendered = renderHtml(result, reportContext(result, env, matrix, options));
  else if (format === 'csv') rendered = renderMatrixCsv(matrix);
  else rendered = await renderMatrixXlsx(matrix);
  const status = deliverReport(result, rendered, output, io, 'report');
  return controlsFrom(args).softFail && status === 1 ? 0 : status;
};
