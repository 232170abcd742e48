/** What a spreadsheet cell holds, for the writers and the readers of checks/app/sheets. */

/** A value written into a cell: text, a number, a boolean, or nothing. */
export type CellValue = string | number | boolean | null | undefined;

/** One sheet to write: its name (Excel allows 31 characters) and its rows, the first being the header. */
export interface SheetSpec {
  name: string;
  rows: readonly (readonly CellValue[])[];
}

/** A1-style column letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
