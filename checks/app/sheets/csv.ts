/**
 * CSV as Excel and LibreOffice read it (RFC 4180): UTF-8 with a byte-order mark — without it Excel
 * opens Chinese text as mojibake — CRLF line ends, and a field quoted when it holds a comma, a
 * quote, a line break or leading/trailing spaces. `writeCsv` and `parseCsv` are inverses.
 */
import type { CellValue } from './cell';

const BOM = '\ufeff';

/**
 * Text that Excel would run as a formula when it opens a CSV (`=`, `+`, `-`, `@`, tab, CR first:
 * CSV injection) is written with a leading apostrophe, Excel's mark of text; `parseCsv` drops that
 * mark again, so a value survives the round trip. Numbers are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const TEXT_MARK = /^'(?=[=+\-@\t\r])/;

function field(v: CellValue): string {
  const raw = v === null || v === undefined ? '' : String(v);
  const s = typeof v === 'string' && FORMULA_START.test(v) ? `'${raw}` : raw;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The CSV text of `rows` (the first is the header): BOM, CRLF, quoted where needed. */
export function writeCsv(rows: readonly (readonly CellValue[])[]): string {
  return BOM + rows.map((r) => r.map(field).join(',') + '\r\n').join('');
}

/** One record read from a CSV: its fields and the line it starts on (1-based). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/** Where a CSV cannot be read: the line and what is wrong. */
export interface CsvProblem {
  line: number;
  message: string;
}

/**
 * Reads CSV text (a leading BOM is dropped; CRLF, LF or CR line ends). A quote inside an unquoted
 * field is taken literally, as Excel does; an unterminated quoted field is a problem. A blank line
 * is a record of one empty field (the caller decides what an empty row means).
 */
export function parseCsv(text: string): { records: CsvRecord[]; problem?: CsvProblem } {
  const s = text.startsWith(BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < s.length) {
    const start = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (s[i] === '"') {
        const openLine = line;
        i++;
        for (;;) {
          if (i >= s.length) return { records, problem: { line: openLine, message: 'a quoted field is not closed (a " is missing)' } };
          const c = s[i];
          if (c === '"') {
            if (s[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\n' || (c === '\r' && s[i + 1] !== '\n')) line++;
          value += c;
          i++;
        }
        // After the closing quote only a separator or the end of the record may follow.
        if (i < s.length && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') return { records, problem: { line, message: 'text after a closing quote (quote the whole field, double the " inside)' } };
      } else {
        while (i < s.length && s[i] !== ',' && s[i] !== '\r' && s[i] !== '\n') value += s[i++];
      }
      fields.push(value.replace(TEXT_MARK, ''));
      if (s[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    if (s[i] === '\r') i++;
    if (s[i] === '\n') i++;
    line++;
    records.push({ fields, line: start });
  }
  return { records };
}
