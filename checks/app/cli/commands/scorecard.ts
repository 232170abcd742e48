/**
 * `btyun scorecard [--env NAME|PATH] [--as-of DATE] [--by department|division] [--format F] [--output FILE]`:
 * the plan's evaluation (§三(三)) computed from the model. Definitions: docs/scorecard.md.
 */
import { UsageError } from '../../../core/errors';
import { DEFAULT_ENVIRONMENT, loadEnvironment } from '../../../core/load';
import { writeAtomically } from '../../report/output';
import { computeScorecard, renderScorecardCsv, renderScorecardJson, renderScorecardMarkdown, renderScorecardText, renderScorecardXlsx, SCORECARD_BY, SCORECARD_FORMATS, type ScorecardBy, type ScorecardFormat } from '../../scorecard';
import { asOfFlag, boolFlag, didYouMean, parseArgs, stringFlag } from '../args';
import type { Command } from '../io';

const HELP = `usage: btyun scorecard [--env NAME|PATH] [--as-of DATE] [--by department|division] [--format F] [--output FILE]

The plan's evaluation (评估, §三(三)) per department (部门) or division (师市), from the model:
整合数 systems integrated, 共享信息数 data resources shared, 协同应用数 applications on 大协同,
系统联通率 share of the systems to connect that are connected to 大协同 and 大数据, and
重点任务进展 each dated task of the plan: 完成 done, 逾期 late, 进行中 open. Definitions: docs/scorecard.md.

  --env NAME|PATH   environment name under environments/ or a folder path (default: ${DEFAULT_ENVIRONMENT})
  --as-of DATE      the date judged, YYYY-MM-DD (default: today, UTC)
  --by UNIT         department (default) or division (兵团本级 corps level and each division)
  --format F        text (default), json, markdown, csv (UTF-8 with BOM) or xlsx (needs --output)
  --output FILE     write to FILE (atomically) instead of stdout
  --help            this help

Exit status: 0 written; 2 bad usage or input.
`;

export const scorecard: Command = async (argv, io) => {
  const args = parseArgs(argv, { env: { type: 'string' }, 'as-of': { type: 'string' }, by: { type: 'string' }, format: { type: 'string' }, output: { type: 'string' }, help: { type: 'bool' } });
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const format = stringFlag(args, 'format') ?? 'text';
  if (!(SCORECARD_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${SCORECARD_FORMATS.join(', ')} (got '${format}')${didYouMean(format, SCORECARD_FORMATS)}`);
  const by = stringFlag(args, 'by') ?? 'department';
  if (!(SCORECARD_BY as readonly string[]).includes(by)) throw new UsageError(`--by must be department or division (got '${by}')${didYouMean(by, SCORECARD_BY)}`);
  const output = stringFlag(args, 'output');
  if (format === 'xlsx' && output === undefined) throw new UsageError('--format xlsx writes a workbook: give --output FILE.xlsx');
  const asOf = asOfFlag(args);
  const env = loadEnvironment(stringFlag(args, 'env') ?? DEFAULT_ENVIRONMENT, { cwd: io.cwd });
  const card = computeScorecard(env, by as ScorecardBy, asOf);
  const render: Record<ScorecardFormat, () => Promise<string | Buffer>> = {
    text: async () => renderScorecardText(card),
    json: async () => renderScorecardJson(card),
    markdown: async () => renderScorecardMarkdown(card),
    csv: async () => renderScorecardCsv(card),
    xlsx: () => renderScorecardXlsx(card),
  };
  const data = await render[format as ScorecardFormat]();
  if (output === undefined) io.stdout(data as string);
  else writeAtomically(output, data, io.cwd);
  return 0;
};
