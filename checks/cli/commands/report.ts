/**
 * `btyun report [--env NAME] [--output FILE] [--as-of DATE]`: the self-contained HTML report
 * for reviewers (等保测评 / 审计). Accepts the configuration flags of `check` too; with none, the
 * environment is synthesized first. Exit status as `check`.
 */
import { exitStatusOf } from '../../engine/run';
import { runSession } from '../../engine/session';
import { DEFAULT_ENVIRONMENT } from '../../model/load';
import { renderHtml } from '../../report/html';
import { writeAtomically } from '../../report/output';
import { asOfFlag, boolFlag, listFlag, parseArgs, stringFlag } from '../args';
import type { Command } from '../io';
import { failOnFlag, reportRuleErrors, sourceFlag } from './check';

const HELP = `usage: btyun report [--env NAME|PATH] [--output FILE] [--as-of DATE]
                    [--synth DIR | --plan FILE | --tf DIR] [--packs P,…] [--rules ID,…] [--fail-on SEV]

Writes a self-contained HTML report (合规报告: summary, findings per center and system, rule
catalogue) to FILE (atomically) or stdout. Exit status: 0 nothing at or above fail-on; 1 findings; 2 bad usage or input.
`;

export const report: Command = async (argv, io) => {
  const args = parseArgs(argv, {
    env: { type: 'string' },
    output: { type: 'string' },
    'as-of': { type: 'string' },
    synth: { type: 'string' },
    plan: { type: 'string' },
    tf: { type: 'string' },
    packs: { type: 'list' },
    rules: { type: 'list' },
    'fail-on': { type: 'string' },
    help: { type: 'bool' },
  });
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const source = sourceFlag(args);
  const failOn = failOnFlag(args);
  const asOf = asOfFlag(args);
  const output = stringFlag(args, 'output');
  const result = await runSession({
    envRef: stringFlag(args, 'env') ?? DEFAULT_ENVIRONMENT,
    source,
    packs: listFlag(args, 'packs'),
    rules: listFlag(args, 'rules'),
    failOn,
    asOf,
    cwd: io.cwd,
  });
  const html = renderHtml(result);
  if (output !== undefined) {
    writeAtomically(output, html, io.cwd);
    io.stderr(`btyun report: wrote ${output}\n`);
  } else io.stdout(html);
  if (reportRuleErrors(result, io, 'report')) return 2;
  return exitStatusOf(result);
};
