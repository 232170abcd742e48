/**
 * One cell of the filing form into a model value, or the reason it cannot be taken. The messages
 * never quote the cell (it may hold anything); they say what the column expects.
 *
 * Dates: an Excel date cell; a number cell (or digits-only text of at most 5 digits) as an Excel
 * serial number in the 1900 date system (61 = 1900-03-01 … 2958465 = 9999-12-31; from 1904-01-01
 * in a workbook of the 1904 date system); text
 * `YYYY-MM-DD`, `YYYY/M/D`, `YYYY.M.D` or `YYYY年M月D日`. Day-first and month-first text
 * (`06/30/2018`, `30.06.2018`) is refused as ambiguous, as is a cell with a time of day.
 */
import { isRealDate } from '../../core/dates';
import type { ReadCell } from '../sheets';
import type { Field } from './fields';
import { LIST_SEPARATOR, toAsciiForms } from './normalize';

export type CellReading = { value: unknown; problem?: undefined } | { value?: undefined; problem: string };

const K8S_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MS_PER_DAY = 86_400_000;
/** Excel serial 0 in the 1900 system is 1899-12-30 (serials from 61 on; 60 is the phantom 1900-02-29). */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/** In a workbook of the 1904 date system (old Excel for Mac), serial 0 is 1904-01-01. */
const SERIAL_EPOCH_1904 = Date.UTC(1904, 0, 1);

function ok(value: unknown): CellReading {
  return { value };
}
function no(problem: string): CellReading {
  return { problem };
}

function fromSerial(n: number, date1904 = false): CellReading {
  if (!Number.isInteger(n) || n < 61 || n > 2958465) return no('not a date: a number here is read as an Excel date serial (61 … 2958465), and this one is not a whole day in that range');
  return ok(new Date((date1904 ? SERIAL_EPOCH_1904 : SERIAL_EPOCH) + n * MS_PER_DAY).toISOString().slice(0, 10));
}

function pad(n: string): string {
  return n.padStart(2, '0');
}

export function readDate(cell: ReadCell): CellReading {
  if (cell.kind === 'date') return cell.time ? no('a date with a time of day: enter the day only (YYYY-MM-DD)') : ok(cell.value);
  if (cell.kind === 'number') return fromSerial(cell.value, cell.date1904 === true);
  if (cell.kind !== 'text') return no('not a date (YYYY-MM-DD)');
  const t = toAsciiForms(cell.value).trim();
  if (/^\d{1,5}$/.test(t)) return fromSerial(Number(t));
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (!m) return no('not a date: write YYYY-MM-DD (a year-first date; day-first or month-first forms such as 06/30/2018 are ambiguous)');
  const iso = `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
  return isRealDate(iso) ? ok(iso) : no('not a real calendar day');
}

/** The cell as machine text (trimmed, full-width forms normalized), or a problem. */
function machineText(cell: ReadCell): CellReading {
  if (cell.kind === 'text') return ok(toAsciiForms(cell.value).trim());
  if (cell.kind === 'number') return ok(String(cell.value));
  return no(`expected text, found ${describe(cell)}`);
}

function describe(cell: ReadCell): string {
  switch (cell.kind) {
    case 'boolean':
      return 'a TRUE/FALSE value';
    case 'date':
      return 'a date';
    case 'number':
      return 'a number';
    default:
      return 'text';
  }
}

function readNumber(cell: ReadCell, integer: boolean): CellReading {
  let n: number;
  if (cell.kind === 'number') n = cell.value;
  else if (cell.kind === 'text') {
    const t = toAsciiForms(cell.value).trim();
    // No thousands separators: `1,234` could as well be a decimal comma.
    if (!/^-?\d+(\.\d+)?$/.test(t)) return no(integer ? 'not a whole number' : 'not a number (digits, a decimal point; no thousands separators)');
    n = Number(t);
  } else return no(`expected a number, found ${describe(cell)}`);
  if (integer && !Number.isInteger(n)) return no('not a whole number');
  return ok(n);
}

const TRUE_WORDS = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const FALSE_WORDS = new Set(['否', 'n', 'no', 'false', '0', '×']);

function readBool(cell: ReadCell): CellReading {
  if (cell.kind === 'boolean') return ok(cell.value);
  const t = machineText(cell);
  if (t.problem !== undefined) return t;
  const w = String(t.value).toLowerCase();
  if (TRUE_WORDS.has(w)) return ok(true);
  if (FALSE_WORDS.has(w)) return ok(false);
  return no('expected 是 (yes) or 否 (no)');
}

function readEnum(field: Field, cell: ReadCell): CellReading {
  const t = machineText(cell);
  if (t.problem !== undefined) return t;
  const text = String(t.value).replace(/\s+/g, ' ');
  for (const [value, zh] of Object.entries(field.values ?? {})) {
    if (text === zh || text.toLowerCase() === value.toLowerCase() || text === `${zh} ${value}`) return ok(value);
  }
  const allowed = Object.entries(field.values ?? {}).map(([v, zh]) => `${zh} ${v}`);
  return no(`expected one of: ${allowed.join(', ')}`);
}

function readId(cell: ReadCell): CellReading {
  const t = machineText(cell);
  if (t.problem !== undefined) return t;
  return K8S_NAME.test(String(t.value)) ? t : no('not an id: lower-case letters, digits and -, starting and ending with a letter or digit');
}

function readIds(cell: ReadCell): CellReading {
  const t = machineText(cell);
  if (t.problem !== undefined) return t;
  const ids = String(t.value).split(LIST_SEPARATOR).filter((x) => x !== '');
  const bad = ids.findIndex((x) => !K8S_NAME.test(x));
  return bad >= 0 ? no(`item ${bad + 1} is not an id (lower-case letters, digits and -)`) : ok(ids);
}

function readPorts(cell: ReadCell): CellReading {
  const t = machineText(cell);
  if (t.problem !== undefined) return t;
  const parts = String(t.value).split(LIST_SEPARATOR).filter((x) => x !== '');
  const bad = parts.findIndex((x) => !/^\d{1,5}$/.test(x));
  return bad >= 0 ? no(`item ${bad + 1} is not a port number`) : ok(parts.map(Number));
}

/** `dxt:2017-12-23, dsj`: platform ids, each with the date it was connected, if it was. */
function readPlatforms(cell: ReadCell): CellReading {
  const t = machineText(cell);
  if (t.problem !== undefined) return t;
  const out: { platform: string; connectedOn?: string }[] = [];
  const items = String(t.value)
    .split(/[,;、]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  for (const [i, item] of items.entries()) {
    const [id, date, extra] = item.split(':').map((x) => x.trim());
    if (!K8S_NAME.test(id) || extra !== undefined) return no(`item ${i + 1} is not a platform id, optionally with its connection date (dxt:2018-06-30)`);
    if (date === undefined || date === '') {
      out.push({ platform: id });
      continue;
    }
    const d = readDate({ kind: 'text', value: date });
    if (d.problem !== undefined) return no(`item ${i + 1}: ${d.problem}`);
    out.push({ platform: id, connectedOn: d.value as string });
  }
  return ok(out);
}

/** The value of `cell` for `field` (the cell is not empty). */
export function readCell(field: Field, cell: ReadCell): CellReading {
  if (cell.kind === 'formula') return no('a formula (公式): enter the value itself — the result a formula saved may be stale');
  if (cell.kind === 'error') return no('an error value (#REF!, #N/A …): enter the value itself');
  switch (field.kind) {
    case 'text':
      if (cell.kind === 'text') return ok(cell.value.trim());
      return cell.kind === 'number' ? ok(String(cell.value)) : no(`expected text, found ${describe(cell)}`);
    case 'id':
      return readId(cell);
    case 'ids':
      return readIds(cell);
    case 'date':
      return readDate(cell);
    case 'number':
      return readNumber(cell, false);
    case 'integer':
      return readNumber(cell, true);
    case 'bool':
      return readBool(cell);
    case 'enum':
      return readEnum(field, cell);
    case 'ports':
      return readPorts(cell);
    case 'platforms':
      return readPlatforms(cell);
  }
}
