/**
 * `btyun import filing FILE.xlsx|FILE.csv --out FILE.yaml [--force] [--env NAME|PATH]`: a filing
 * (备案) spreadsheet into inventory systems. Every row is validated as `validate` validates the
 * inventory; every problem is one line naming sheet, row, column and field; nothing is written
 * while any row is bad.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, UsageError } from '../../../core/errors';
import { DEFAULT_ENVIRONMENT, displayPath, loadEnvironment } from '../../../core/load';
import { DOCUMENT_NAMES } from '../../../core/types';
import { toYamlText } from '../../gen/yaml-text';
import { importFiling } from '../../filing/import-filing';
import { writeAtomically } from '../../report/output';
import { readSpreadsheet } from '../../sheets';
import { boolFlag, didYouMean, parseArgs, stringFlag } from '../args';
import type { Command } from '../io';

const HELP = `usage: btyun import filing FILE.xlsx|FILE.csv --out FILE.yaml [--force] [--env NAME|PATH]

Reads a filing (备案) spreadsheet — one row per system, the columns named by the filing fields in
Chinese (名称, 功能, 使用范围, 审批时间 …), in English (name, function, scope.level, approval.date …)
or both (docs/filing-template.xlsx) — validates every row with the inventory schema and the
cross-references against the environment, and writes the systems as inventory YAML (systems:).
An XLSX may carry the data resources on a sheet 政务信息资源目录 catalogue (as \`btyun lists\` writes it).

  --out FILE.yaml   where the systems are written (atomically)
  --force           replace FILE.yaml if it exists
  --env NAME|PATH   the environment the systems are filed into: its departments, centers, platforms,
                    divisions and systems are what the rows may name (default: ${DEFAULT_ENVIRONMENT})
  --help            this help

Cells: spaces around a value are dropped; full-width digits and letters (２０１８，ＡＢＣ) are read as
ASCII in ids, dates, numbers and lists; dates as Excel dates, Excel serial numbers, or year-first
text (2018-06-30, 2018/6/30, 2018年6月30日); merged cells and formulas are refused.
Exit status: 0 written; 2 bad usage or a bad spreadsheet (one line per problem, nothing written).
`;

const SUBJECTS = ['filing'];

/** One of the five documents of an environment folder (a folder that has them all). */
function isEnvironmentDocument(file: string): boolean {
  const dir = path.dirname(file);
  return DOCUMENT_NAMES.some((d) => path.basename(file) === `${d}.yaml`) && DOCUMENT_NAMES.every((d) => fs.existsSync(path.join(dir, `${d}.yaml`)));
}

export const importCommand: Command = async (argv, io) => {
  const args = parseArgs(argv, { out: { type: 'string' }, force: { type: 'bool' }, env: { type: 'string' }, help: { type: 'bool' } }, true);
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const [subject, file, ...extra] = args.positionals;
  if (subject === undefined) throw new UsageError('what to import? `btyun import filing FILE.xlsx --out FILE.yaml`');
  if (!SUBJECTS.includes(subject)) throw new UsageError(`cannot import '${subject}'${didYouMean(subject, SUBJECTS)}: only \`filing\``);
  if (file === undefined) throw new UsageError('give the spreadsheet: `btyun import filing FILE.xlsx --out FILE.yaml`');
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}' (one spreadsheet at a time)`);
  const out = stringFlag(args, 'out');
  if (out === undefined) throw new UsageError('--out FILE.yaml is required');
  const outAbs = path.resolve(io.cwd, out);
  // The output is a `systems:` fragment: replacing an environment's document with it would lose that document.
  if (isEnvironmentDocument(outAbs)) throw new InputError([{ file: out, message: 'is an environment document; the import writes a systems: fragment to paste into inventory.yaml — choose another file name' }]);
  if (fs.existsSync(outAbs) && !boolFlag(args, 'force')) throw new InputError([{ file: out, message: 'exists; --force replaces it' }]);

  const env = loadEnvironment(stringFlag(args, 'env') ?? DEFAULT_ENVIRONMENT, { cwd: io.cwd });
  const shown = displayPath(path.resolve(io.cwd, file), io.cwd);
  const { format, sheets } = await readSpreadsheet(path.resolve(io.cwd, file), shown);
  const { systems } = importFiling(shown, format, sheets, env);
  const header = `备案 filing imported by btyun import filing from ${path.basename(file)}: ${systems.length} systems, validated against ${env.name}.\nPaste under systems: of inventory.yaml (a system of the same id replaces the one there).`;
  // Named with --out, the fragment may go into an environment folder (docs/contract/CLI.md).
  writeAtomically(out, toYamlText({ systems }, header), io.cwd, { intoEnvironment: true });
  io.stderr(`btyun import: ${systems.length} systems written to ${displayPath(outAbs, io.cwd)}\n`);
  return 0;
};
