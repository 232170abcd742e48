/**
 * `btyun lists [--env NAME|PATH] [--as-of DATE] [--department ID] [--format json|csv|xlsx] [--out DIR]`: the plan's
 * lists — 清理整合清单, 接入平台清单 per department, the 政务信息资源目录 — and every system's filing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, UsageError } from '../../../core/errors';
import { DEFAULT_ENVIRONMENT, displayPath, loadEnvironment } from '../../../core/load';
import { refuseInputFolderOutput } from '../../../core/output-guard';
import { buildLists } from '../../lists/build';
import { LISTS_FORMATS, listsFiles, renderListsJson, type ListsFormat } from '../../lists/render';
import { writeOutputFile } from '../../sheets/write-file';
import { asOfFlag, boolFlag, didYouMean, parseArgs, stringFlag } from '../args';
import type { Command } from '../io';

const HELP = `usage: btyun lists [--env NAME|PATH] [--as-of DATE] [--department ID] [--format json|csv|xlsx] [--out DIR]

The plan's lists (§二(一), §二(五)), per department (部门):
  清理整合清单 cleanup         system, class (淘汰/替代/继续使用), consequence, deadline, O&M funding decision
  接入平台清单 connections     each system's connection to 大协同 / 大数据 (and other platforms): date, status
  政务信息资源目录 catalogue   data resources: owner, sharing type (共享类型), conditions, personal data
  备案 filing                  every system's filing, in the form \`btyun import filing\` reads back

  --env NAME|PATH   environment name under environments/ or a folder path (default: ${DEFAULT_ENVIRONMENT})
  --as-of DATE      the date connections are judged on, YYYY-MM-DD (default: today, UTC)
  --department ID   only that department's lists (各部门提出的清单: what one department submits)
  --format F        json (default), csv (UTF-8 with BOM: cleanup.csv, connections.csv, catalogue.csv,
                    filing.csv) or xlsx (lists.xlsx, one sheet per list)
  --out DIR         write the files into DIR (created if absent); a file of the same name is replaced
                    only if btyun wrote it. Without --out: json on stdout.
  --help            this help

Exit status: 0 written; 2 bad usage or input.
`;

/** The --out folder: created if absent (its parent must exist), refused if it is not a folder or an input. */
function outputFolder(out: string, cwd: string): string {
  const dir = path.resolve(cwd, out);
  refuseInputFolderOutput(dir, out, { cwd });
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(dir);
  } catch {
    st = undefined;
  }
  if (st && !st.isDirectory()) throw new InputError([{ file: out, message: 'cannot write: --out must be a folder' }]);
  if (!st) {
    if (!fs.existsSync(path.dirname(dir))) throw new InputError([{ file: out, message: `cannot write: folder ${displayPath(path.dirname(dir), cwd)} does not exist` }]);
    fs.mkdirSync(dir);
  }
  return dir;
}

export const lists: Command = async (argv, io) => {
  const args = parseArgs(argv, { env: { type: 'string' }, 'as-of': { type: 'string' }, department: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, help: { type: 'bool' } });
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const format = stringFlag(args, 'format') ?? 'json';
  if (!(LISTS_FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be json, csv or xlsx (got '${format}')`);
  const out = stringFlag(args, 'out');
  if (out === undefined && format !== 'json') throw new UsageError(`--format ${format} writes files: give --out DIR`);
  const asOf = asOfFlag(args);
  const env = loadEnvironment(stringFlag(args, 'env') ?? DEFAULT_ENVIRONMENT, { cwd: io.cwd });
  const department = stringFlag(args, 'department');
  const ids = env.inventory.departments.map((d) => d.id);
  if (department !== undefined && !ids.includes(department)) throw new UsageError(`--department: no department '${department}' in ${env.name}${didYouMean(department, ids)}`);
  const built = buildLists(env, asOf, department);
  if (out === undefined) {
    io.stdout(renderListsJson(built));
    return 0;
  }
  const dir = outputFolder(out, io.cwd);
  const files = await listsFiles(built, env, format as ListsFormat);
  for (const f of files) writeOutputFile(displayPath(path.join(dir, f.name), io.cwd), f.data, io.cwd, f.prefix);
  io.stderr(`btyun lists: wrote ${files.map((f) => displayPath(path.join(dir, f.name), io.cwd)).join(', ')}\n`);
  return 0;
};
