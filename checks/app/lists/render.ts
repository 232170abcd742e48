/** The lists in their three formats: JSON (one document), CSV (one file per table), XLSX (one workbook). */
import { VERSION } from '../../core/version';
import type { Environment } from '../../core/types';
import { writeCsv, writeXlsx } from '../sheets';
import type { PlanLists } from './build';
import { listTables } from './sheets';

export const LISTS_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ListsFormat = (typeof LISTS_FORMATS)[number];

/** How the JSON document begins: also how an earlier output is recognized before it is replaced. */
export const JSON_PREFIX = '{\n  "tool": "btyun lists",';

export function renderListsJson(lists: PlanLists): string {
  return JSON.stringify({ tool: 'btyun lists', version: VERSION, ...lists }, null, 2) + '\n';
}

/** One output file: its name in the --out folder, its content, and how an earlier one begins. */
export interface ListsFile {
  name: string;
  data: string | Buffer;
  prefix?: string;
}

export async function listsFiles(lists: PlanLists, env: Environment, format: ListsFormat): Promise<ListsFile[]> {
  if (format === 'json') return [{ name: 'lists.json', data: renderListsJson(lists), prefix: JSON_PREFIX }];
  const tables = listTables(lists, env);
  if (format === 'xlsx') return [{ name: 'lists.xlsx', data: await writeXlsx(tables) }];
  return tables.map((t) => {
    const text = writeCsv(t.rows);
    return { name: `${t.stem}.csv`, data: text, prefix: text.slice(0, text.indexOf('\r\n') + 2) };
  });
}
