/** JSON output of `btyun migration`: the report document, keys in a fixed order. */
import type { MigrationReport } from './migration-document';

export function renderMigrationJson(r: MigrationReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}
