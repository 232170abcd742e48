/**
 * How cell text is taken. Every cell is trimmed (a leading or trailing space is invisible in Excel
 * and never meant). In machine fields — ids, dates, numbers, enums, lists — full-width forms are
 * normalized to ASCII (`２０１８－０６－３０` → `2018-06-30`, `，` → `,`, the ideographic space
 * → a space), as a Chinese input method types them; free text (names, functions, sites) is kept as
 * written.
 */

/** Full-width ASCII forms U+FF01–U+FF5E and the ideographic space U+3000 → ASCII. */
export function toAsciiForms(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Separators of a list cell: comma, semicolon, the ideographic comma 、 or white space. */
export const LIST_SEPARATOR = /[,;、\s]+/;
