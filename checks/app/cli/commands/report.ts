/**
 * `btyun report [--env NAME] [--output FILE] [--as-of DATE]`: the self-contained HTML report
 * for reviewers (等保测评 / 审计). Accepts the configuration flags of `check` too; with none, the
 * environment is synthesized first. Exit status as `check`.
 */
import { runSession } from '../../session';
import { renderHtml } from '../../report/html';
import { boolFlag, parseArgs, stringFlag } from '../args';
import type { Command } from '../io';
import { deliverReport, SESSION_FLAGS, sessionOptionsFrom } from './check';

const HELP = `usage: btyun report [--env NAME|PATH] [--output FILE] [--as-of DATE]
                    [--synth DIR | --plan FILE | --tf DIR] [--packs P,…] [--rules ID,…] [--fail-on SEV]

Writes a self-contained HTML report (合规报告: summary, findings per center and system, rule
catalogue) to FILE (atomically) or stdout. Exit status: 0 nothing at or above fail-on; 1 findings; 2 bad usage or input.
`;

export const report: Command = async (argv, io) => {
  const args = parseArgs(argv, SESSION_FLAGS);
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const options = sessionOptionsFrom(args, io);
  const output = stringFlag(args, 'output');
  const result = await runSession(options);
  return deliverReport(result, renderHtml(result), output, io, 'report');
};
