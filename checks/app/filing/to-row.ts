/** A system (or a data resource) as a row of the filing form: the inverse of read-cell.ts. */
import type { CellValue } from '../sheets';
import type { Field } from './fields';
import { getPath } from './model-path';

/** One field's value as written in its cell: enums bilingual (`继续使用 keep`), booleans 是/否, lists comma-separated. */
export function cellOf(field: Field, value: unknown): CellValue {
  if (value === undefined || value === null) return null;
  switch (field.kind) {
    case 'bool':
      return value === true ? '是' : '否';
    case 'enum': {
      const zh = field.values?.[String(value)];
      return zh === undefined ? String(value) : `${zh} ${String(value)}`;
    }
    case 'ids':
    case 'ports':
      return (value as unknown[]).join(', ');
    case 'platforms':
      return (value as { platform: string; connectedOn?: string }[]).map((c) => (c.connectedOn === undefined ? c.platform : `${c.platform}:${c.connectedOn}`)).join(', ');
    case 'number':
    case 'integer':
      return typeof value === 'number' ? value : String(value);
    default:
      return String(value);
  }
}

export function rowOf(fields: readonly Field[], record: unknown): CellValue[] {
  return fields.map((f) => cellOf(f, getPath(record, f.path)));
}
