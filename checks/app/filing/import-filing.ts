/**
 * A filing spreadsheet into inventory systems: the systems sheet (备案 filing) and, in an XLSX,
 * the data-resources sheet (政务信息资源目录 catalogue) are read (read-form.ts); the systems are
 * validated exactly as `validate` does — the inventory schema (checks/core/schema.ts) and the
 * cross-references (checks/core/crossref.ts) against the environment they are filed into — and
 * every problem is told at its sheet, row, column and field. Systems already in the environment
 * with the same id are replaced by the filed ones for the cross-references.
 */
import { InputError, type InputProblem } from '../../core/errors';
import { crossReferences } from '../../core/crossref';
import { validateDocument } from '../../core/schema';
import type { Environment, InfoSystem } from '../../core/types';
import type { ReadSheet } from '../sheets';
import { FILING_SHEET, RESOURCE_DERIVED, RESOURCE_FIELDS, RESOURCES_SHEET, SYSTEM_FIELDS, type Field } from './fields';
import { toAsciiForms } from './normalize';
import { placeText, readForm, type FormRow, type SheetPlace, type SheetProblem } from './read-form';

/** Top-level keys of a system in the order inventory.yaml writes them. */
const SYSTEM_KEY_ORDER = ['id', 'name', 'function', 'department', 'class', 'scope', 'usageFrequency', 'approval', 'funding', 'builder', 'dataResources', 'replacement', 'mlps', 'classified', 'classifiedFiling', 'personalInfo', 'zone', 'location', 'dependencies', 'platforms', 'workload'];
const RESOURCE_KEY_ORDER = ['id', 'name', 'sharing', 'purpose', 'personal', 'catalogueId'];

function ordered(record: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of order) if (record[k] !== undefined) out[k] = record[k];
  return out;
}

function named(sheets: readonly ReadSheet[], names: { zh: string; en: string }, aliases: string[] = []): ReadSheet | undefined {
  const wanted = [names.zh, names.en.toLowerCase(), `${names.zh} ${names.en}`.toLowerCase(), ...aliases];
  return sheets.find((s) => wanted.includes(toAsciiForms(s.name).trim().replace(/\s+/g, ' ').toLowerCase()));
}

export interface FilingResult {
  systems: InfoSystem[];
}

/** Where each system and each of its data resources was read: for telling a problem's place. */
interface Places {
  systems: FormRow[];
  resources: FormRow[][];
  systemSheet: ReadSheet;
  resourceSheet?: ReadSheet;
}

function toProblem(file: string, p: SheetProblem): InputProblem {
  return { file, path: placeText(p.place), message: p.message };
}

export function importFiling(file: string, format: 'csv' | 'xlsx', sheets: readonly ReadSheet[], env: Environment): FilingResult {
  const csv = format === 'csv';
  const systemSheet = csv ? sheets[0] : (named(sheets, FILING_SHEET) ?? (sheets.length === 1 ? sheets[0] : undefined));
  if (systemSheet === undefined) {
    throw new InputError([{ file, message: `no sheet named ${FILING_SHEET.zh} ${FILING_SHEET.en} (the workbook has ${sheets.length === 0 ? 'no sheet' : `the sheets ${sheets.map((s) => s.name).join(', ')}`})` }]);
  }
  const resourceSheet = csv ? undefined : named(sheets, RESOURCES_SHEET, ['数据资源', 'dataresources', '数据资源 dataresources']);
  const problems: SheetProblem[] = [];
  const systemsRead = readForm(systemSheet, SYSTEM_FIELDS, csv);
  problems.push(...systemsRead.problems);
  const resourcesRead = resourceSheet ? readForm(resourceSheet, RESOURCE_FIELDS, false) : { rows: [], problems: [] };
  problems.push(...resourcesRead.problems);
  if (problems.length === 0 && systemsRead.rows.length === 0) problems.push({ place: { sheet: systemSheet.name, row: 2, csv }, message: 'no system: the sheet has its header row only (one row per system follows it)' });
  // A sheet that could not be read at all (its header, merges, size): nothing more to tell.
  const unread = (read: { rows: FormRow[]; problems: SheetProblem[] }): boolean => read.rows.length === 0 && read.problems.length > 0;
  if (systemsRead.rows.length === 0 || unread(resourcesRead)) throw new InputError(problems.map((p) => toProblem(file, p)));

  // Each data resource joins its system's list, in the sheet's order.
  const index = new Map<string, number>();
  systemsRead.rows.forEach((r, i) => {
    const id = r.record.id;
    if (typeof id === 'string' && !index.has(id)) index.set(id, i);
  });
  const resources: Record<string, unknown>[][] = systemsRead.rows.map(() => []);
  const resourcePlaces: FormRow[][] = systemsRead.rows.map(() => []);
  for (const r of resourcesRead.rows) {
    const i = index.get(String(r.record.system));
    if (i === undefined) {
      problems.push({ place: { sheet: resourceSheet!.name, row: r.row, column: r.columns.get('system'), field: RESOURCE_FIELDS.find((f) => f.path === 'system'), csv: false }, message: 'no system with this id on the filing sheet' });
      continue;
    }
    const fields = Object.fromEntries(Object.entries(r.record).filter(([k]) => k !== 'system' && !RESOURCE_DERIVED.has(k)));
    resources[i].push(ordered(fields, RESOURCE_KEY_ORDER));
    resourcePlaces[i].push(r);
  }

  // The model's checks run on what the cells gave, so that one round tells every problem; a
  // field whose cell was refused is not reported again (as missing, say).
  const systems = systemsRead.rows.map((r, i) => ordered({ ...r.record, ...(resources[i].length > 0 ? { dataResources: resources[i] } : {}) }, SYSTEM_KEY_ORDER)) as unknown as InfoSystem[];
  const places: Places = { systems: systemsRead.rows, resources: resourcePlaces, systemSheet, resourceSheet };
  const refused = new Set(problems.map((p) => cellKey(p.place)));
  problems.push(...validate(systems, env, places, csv).filter((p) => !refused.has(cellKey(p.place))));
  if (problems.length > 0) throw new InputError(sortedByPlace(problems, systemSheet.name).map((p) => toProblem(file, p)));
  return { systems };
}

function cellKey(p: SheetPlace): string {
  return `${p.sheet}\u0000${p.row}\u0000${p.field?.path ?? ''}`;
}

/** Problems in reading order: the systems sheet first, then by row and column (stable otherwise). */
function sortedByPlace(problems: readonly SheetProblem[], systemSheet: string): SheetProblem[] {
  const key = (p: SheetProblem): number[] => [p.place.sheet === systemSheet ? 0 : 1, p.place.row, p.place.column ?? 0];
  return problems
    .map((p, i) => ({ p, i, k: key(p) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.i - b.i)
    .map((x) => x.p);
}

/** The schema and the cross-references, as `validate` runs them, with every problem told at its cell. */
function validate(systems: InfoSystem[], env: Environment, places: Places, csv: boolean): SheetProblem[] {
  const file = 'filing';
  const filed = new Set(systems.map((s) => s.id));
  const inventory = { departments: env.inventory.departments, systems: [...systems, ...env.inventory.systems.filter((s) => !filed.has(s.id))] };
  const plain = JSON.parse(JSON.stringify(inventory));
  const schemaProblems = validateDocument('inventory', plain, file, () => undefined);
  const refProblems =
    schemaProblems.length > 0
      ? []
      : crossReferences({ topology: env.topology, networks: env.networks, inventory, migration: env.migration, files: { ...env.files, inventory: file }, locate: () => undefined }).filter((p) => p.file === file);
  const out: SheetProblem[] = [];
  for (const p of [...schemaProblems, ...refProblems]) {
    const place = placeOf(p, places, systems.length, csv);
    if (place === undefined) continue; // a problem of the environment's own systems, not of this filing
    out.push({ place, message: p.message });
  }
  return out;
}

/** The cell a problem's JSON pointer (`/systems/3/approval/date`) stands for; undefined outside the filed systems. */
function placeOf(p: InputProblem, places: Places, filedCount: number, csv: boolean): SheetPlace | undefined {
  const parts = (p.path ?? '').split('/').slice(1);
  if (parts[0] !== 'systems') return undefined;
  const i = Number(parts[1]);
  if (!Number.isInteger(i) || i >= filedCount) return undefined;
  const missing = /^missing required field '([^']+)'/.exec(p.message)?.[1];
  const rest = [...parts.slice(2), ...(missing !== undefined ? [missing] : [])];
  if (rest[0] === 'dataResources' && rest.length >= 2 && places.resourceSheet) {
    const row = places.resources[i][Number(rest[1])];
    if (row !== undefined) return cellPlace(places.resourceSheet, row, RESOURCE_FIELDS, rest.slice(2), false);
  }
  return cellPlace(places.systemSheet, places.systems[i], SYSTEM_FIELDS, rest, csv);
}

function cellPlace(sheet: ReadSheet, row: FormRow, fields: readonly Field[], rest: string[], csv: boolean): SheetPlace {
  // The longest field path the pointer starts with: `/platforms/1/connectedOn` is the platforms column.
  let field: Field | undefined;
  for (let n = rest.length; n > 0 && field === undefined; n--) field = fields.find((f) => f.path === rest.slice(0, n).join('.'));
  return { sheet: sheet.name, row: row.row, column: field ? row.columns.get(field.path) : undefined, field, csv, ...(sheet.lines ? { line: sheet.lines[row.row - 1] } : {}) };
}
