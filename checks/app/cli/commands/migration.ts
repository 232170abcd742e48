/**
 * `btyun migration [--env NAME|PATH] [--base NAME|PATH] [--as-of DATE] [--format text|json|markdown]`: the migration
 * plan — waves in order, committed capacity per center after each wave, what is late, what is
 * left, what is retired or replaced instead of moved — and the MIG findings.
 * Exit 0: no MIG finding at or above the policy's failOn; 1 otherwise; 2 bad usage or input.
 */
import type { Command } from '../io';
import { asOfFlag, boolFlag, parseArgs, stringFlag } from '../args';
import { UsageError } from '../../../core/errors';
import { DEFAULT_ENVIRONMENT, loadEnvironment } from '../../../core/load';
import { blockingFindings, runChecks } from '../../../engine/run';
import { migrationView } from '../../../plan/plan';
import { migrationReport, type MigrationReport } from '../../report/migration-document';
import { migrationDiff, migrationDiffMarkdown, migrationDiffText } from '../../report/migration-diff';
import { migrationHistory, migrationHistoryMarkdown, migrationHistoryText } from '../../report/migration-history';
import type { Environment } from '../../../core/types';
import { renderMigrationJson } from '../../report/migration-json';
import { renderMigrationMarkdown } from '../../report/migration-markdown';
import { renderMigrationText } from '../../report/migration-text';
import { MIG_RULES } from '../../../../policies/mig';

const HELP = `usage: btyun migration [--env NAME|PATH] [--base NAME|PATH] [--as-of DATE] [--format text|json|markdown]

The migration plan (迁移计划): waves in order with their systems (from → to, done/late), the
capacity each center has committed and left after each wave (CPU cores, memory GiB, storage GiB,
% of capacity; the limit keeps policy.headroom free), what is late (逾期) as of --as-of, what is
left (未迁移), which systems are retired or replaced (淘汰/替代) instead of moved, and the MIG findings.

  --env NAME|PATH   environment name under environments/ or a folder path (default: ${DEFAULT_ENVIRONMENT})
  --base NAME|PATH  compare with another environment (a pull request's base, or the predecessor,
                    e.g. environments/baseline-2017): systems added, moved or re-planned, capacity
                    change per center and wave, and what became of every system of the base
                    (moved, replaced, retired … or missing 无记录)
  --as-of DATE      the date the plan is judged on, YYYY-MM-DD (default: today, UTC)
  --format F        text (default), json or markdown (for a pull-request comment)
  --help            this help

Exit status: 0 no MIG finding at or above the policy's failOn; 1 otherwise; 2 bad usage or input.
`;

const FORMATS = ['text', 'json', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

/** The base environment's plan, judged on the same date. */
function baseReport(ref: string, asOf: string, cwd: string): { env: Environment; report: MigrationReport } {
  const env = loadEnvironment(ref, { cwd });
  const result = runChecks({ env, resources: [], hasConfiguration: false, rules: MIG_RULES, asOf });
  const blocking = blockingFindings(result).length;
  return { env, report: migrationReport({ tool: result.tool, environment: env.name, failOn: result.failOn, view: migrationView(env, asOf), findings: result.findings, blocking }) };
}

export const migration: Command = async (argv, io) => {
  const args = parseArgs(argv, { env: { type: 'string' }, base: { type: 'string' }, 'as-of': { type: 'string' }, format: { type: 'string' }, help: { type: 'bool' } });
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const format = stringFlag(args, 'format') ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be text, json or markdown (got '${format}')`);
  const asOf = asOfFlag(args);
  const env = loadEnvironment(stringFlag(args, 'env') ?? DEFAULT_ENVIRONMENT, { cwd: io.cwd });

  // The MIG rules through the engine: severity overrides and suppressions apply as in `btyun check`.
  const result = runChecks({ env, resources: [], hasConfiguration: false, rules: MIG_RULES, asOf });
  if (result.ruleErrors.length > 0) {
    for (const e of result.ruleErrors) io.stderr(`btyun migration: rule ${e.ruleId} failed: ${e.message}\n`);
    return 2;
  }
  const blocking = blockingFindings(result).length;
  const report = migrationReport({
    tool: result.tool,
    environment: env.name,
    failOn: result.failOn,
    view: migrationView(env, asOf),
    findings: result.findings,
    blocking,
  });
  const baseRef = stringFlag(args, 'base');
  const base = baseRef === undefined ? undefined : { ...baseReport(baseRef, asOf, io.cwd), ref: baseRef };
  const diff = base === undefined ? undefined : migrationDiff({ env, report }, base);
  // What became of each system of the base (its predecessor's story, e.g. baseline-2017 → production).
  const history = base === undefined ? undefined : migrationHistory({ env, report }, base);
  const render: Record<Format, () => string> = {
    text: () => renderMigrationText(report) + (diff && history && base ? '\n' + migrationDiffText(diff) + '\n' + migrationHistoryText(history, base.ref) : ''),
    json: () => (diff ? JSON.stringify({ ...report, diff: { ...diff, history } }, null, 2) + '\n' : renderMigrationJson(report)),
    markdown: () =>
      renderMigrationMarkdown(
        report,
        diff && history && base
          ? (b) => {
              migrationDiffMarkdown(diff, b);
              migrationHistoryMarkdown(history, base.ref, b);
            }
          : undefined,
      ),
  };
  io.stdout(render[format as Format]());
  return blocking > 0 ? 1 : 0;
};
