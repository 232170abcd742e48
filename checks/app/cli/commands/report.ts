/**
 * `btyun report [--env NAME] [--output FILE] [--as-of DATE]`: the self-contained HTML report
 * for reviewers (等保测评 / 审计). Accepts the configuration flags of `check` too; with none, the
 * environment is synthesized first. Exit status as `check`.
 */
import { runSession } from '../../session';
import { renderHtml } from '../../report/html';
import { boolFlag, parseArgs, stringFlag } from '../args';
import type { Command } from '../io';
import { UsageError } from '../../../core/errors';
import { applyControls, CONTROL_FLAGS, controlsFrom, withProgress } from '../check-controls';
import { deliverReport, SESSION_FLAGS, sessionOptionsFrom } from './check';

const HELP = `usage: btyun report [--env NAME|PATH] [--format html] [--output FILE] [--as-of DATE]
                    [--synth DIR | --plan FILE | --tf DIR] [--packs P,…] [--rules ID,…] [--fail-on SEV|none]
                    [--skip-rules ID,…] [--baseline FILE]

Writes a self-contained HTML report (合规报告: summary, findings per center and system, rule
catalogue) to FILE (atomically) or stdout. Exit status: 0 nothing at or above fail-on; 1 findings; 2 bad usage or input.
`;

export const report: Command = async (argv, io) => {
  const args = parseArgs(argv, { ...SESSION_FLAGS, 'skip-rules': CONTROL_FLAGS['skip-rules'], baseline: CONTROL_FLAGS.baseline, format: { type: 'string' } });
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const format = stringFlag(args, 'format') ?? 'html';
  if (format !== 'html') throw new UsageError(`--format must be html (got '${format}'); \`btyun check --format …\` has the other formats`);
  const options = sessionOptionsFrom(args, io);
  const output = stringFlag(args, 'output');
  const label = options.source.kind === 'none' ? `btyun report: synthesizing the stacks of ${options.envRef} 合成中` : 'btyun report: reading and checking 检查中';
  const { result } = applyControls(await withProgress(io, label, () => runSession(options)), controlsFrom(args), io, 'report');
  const status = deliverReport(result, renderHtml(result), output, io, 'report');
  return controlsFrom(args).softFail && status === 1 ? 0 : status;
};
