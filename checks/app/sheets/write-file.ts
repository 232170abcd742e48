/**
 * Writing a table file (CSV text or XLSX bytes) atomically, replacing only a file btyun wrote: an
 * existing file of that name that is not recognizably our output is refused, never clobbered.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../core/errors';
import { writeAtomically } from '../report/output';
import { looksLikeZip, zipEntryData } from './zip';

/** Whether `existing` is a file btyun wrote: a workbook whose creator is btyun, or text starting with `textPrefix`. */
function writtenByBtyun(existing: Buffer, textPrefix: string | undefined): boolean {
  if (looksLikeZip(existing)) return /<dc:creator>btyun<\/dc:creator>/.test(zipEntryData(existing, 'docProps/core.xml')?.toString('utf8') ?? '');
  return textPrefix !== undefined && existing.toString('utf8', 0, Buffer.byteLength(textPrefix)) === textPrefix;
}

/**
 * Writes `data` to `shown` (relative to `cwd`) through the one atomic writer of the app: a temporary
 * file beside it, renamed into place. `textPrefix`: how a text file btyun wrote begins.
 */
export function writeOutputFile(shown: string, data: string | Buffer, cwd: string, textPrefix?: string): void {
  const file = path.resolve(cwd, shown);
  let existing: Buffer | undefined;
  try {
    const st = fs.statSync(file);
    if (!st.isFile()) throw new InputError([{ file: shown, message: 'cannot write: exists and is not a regular file; refusing to replace it' }]);
    existing = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError([{ file: shown, message: 'cannot write: the existing file cannot be read' }]);
  }
  if (existing !== undefined && !writtenByBtyun(existing, textPrefix)) throw new InputError([{ file: shown, message: 'cannot write: a file of this name exists and was not written by btyun; move it away or choose another --out' }]);
  writeAtomically(shown, data, cwd);
}
