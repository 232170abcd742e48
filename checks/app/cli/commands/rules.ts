/** `btyun rules [--pack P] [--format text|json|markdown]`: the rule catalogue. */
import { ALL_RULES, PACK_IDS } from '../../../../policies';
import { UsageError } from '../../../core/errors';
import { renderCatalogueJson, renderCatalogueMarkdown, renderCatalogueText } from '../../report/catalogue';
import { boolFlag, listFlag, parseArgs, stringFlag } from '../args';
import type { Command } from '../io';

const HELP = `usage: btyun rules [--pack P,…] [--format text|json|markdown]

The rule catalogue (规则目录): id, severity, titles, clause, MLPS levels, remediation.

  --pack P,…     only these packs: ${PACK_IDS.join(', ')}
  --format F     text (default) | json | markdown (docs/rules.md is this output)
`;

export const rules: Command = async (argv, io) => {
  const args = parseArgs(argv, { pack: { type: 'list' }, format: { type: 'string' }, help: { type: 'bool' } });
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const packs = listFlag(args, 'pack');
  const unknown = (packs ?? []).filter((p) => !PACK_IDS.includes(p));
  if (unknown.length > 0) throw new UsageError(`unknown pack ${unknown.join(', ')} (known: ${PACK_IDS.join(', ')})`);
  const format = stringFlag(args, 'format') ?? 'text';
  const selected = packs ? ALL_RULES.filter((r) => packs.includes(r.pack)) : ALL_RULES;
  if (format === 'text') io.stdout(renderCatalogueText(selected));
  else if (format === 'json') io.stdout(renderCatalogueJson(selected));
  else if (format === 'markdown') io.stdout(renderCatalogueMarkdown(selected));
  else throw new UsageError(`--format must be text, json or markdown (got '${format}')`);
  return 0;
};
