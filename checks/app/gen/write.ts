/**
 * Writes a generated environment folder atomically: into a temporary sibling folder, then renamed
 * into place. An existing folder is replaced only when it is empty or was itself written by
 * `btyun gen` (it holds the marker file), so gen never overwrites someone's environment.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../core/errors';
import { swapFolder } from '../../core/folders';
import { refuseInputFolderOutput, removeOnSignal, removeStaleLeftovers } from '../../core/output-guard';
import { DOCUMENT_NAMES } from '../../core/types';
import { PACKAGE_ROOT } from '../../core/version';
import type { GeneratedTexts } from './generate';

/** Marks a folder as written by `btyun gen` (safe to regenerate over). */
export const MARKER_FILE = '.btyun-gen.json';

export interface GenMarker {
  generator: 'btyun gen';
  systems: number;
  seed: number;
  centers: number;
}

/**
 * The editor's schema line (yaml-language-server, as in the shipped environments): the document's
 * JSON Schema in this package, relative to the folder written. Left out when that path holds a
 * space or a character outside printable ASCII (the directive ends at whitespace).
 */
export function schemaLine(outDir: string, doc: string): string {
  const schema = path.join(PACKAGE_ROOT, 'environments', 'schemas', `${doc}.schema.json`);
  const rel = path.relative(outDir, schema).split(path.sep).join('/');
  return /^[\x21-\x7e]+$/.test(rel) ? `# yaml-language-server: $schema=${rel}\n` : '';
}

function entries(dir: string): string[] | undefined {
  try {
    return fs.readdirSync(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export function writeGenerated(outDir: string, texts: GeneratedTexts, marker: GenMarker, shownAs: string): void {
  // Never into the shipped environments/ or an environment that was read (by real path).
  refuseInputFolderOutput(outDir, shownAs, { folder: true });
  removeStaleLeftovers(outDir);
  const existing = entries(outDir);
  if (existing !== undefined && !fs.statSync(outDir).isDirectory()) {
    throw new InputError([{ file: shownAs, message: 'exists and is not a folder' }]);
  }
  if (existing !== undefined && existing.length > 0 && !existing.includes(MARKER_FILE)) {
    throw new InputError([{ file: shownAs, message: `folder is not empty and was not written by btyun gen (no ${MARKER_FILE}); refusing to overwrite it` }]);
  }
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  removeOnSignal(tmp);
  fs.mkdirSync(tmp);
  try {
    for (const doc of DOCUMENT_NAMES) fs.writeFileSync(path.join(tmp, `${doc}.yaml`), schemaLine(outDir, doc) + texts[doc]);
    fs.writeFileSync(path.join(tmp, MARKER_FILE), `${JSON.stringify(marker, null, 2)}\n`);
    swapFolder(tmp, outDir);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
}
