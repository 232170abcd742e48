/** Writes a report to `--output FILE` atomically (temp file in the same folder + rename), else to stdout. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../core/errors';

export function writeAtomically(file: string, text: string, cwd: string): void {
  const target = path.resolve(cwd, file);
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InputError([{ file, message: `cannot write: folder ${path.relative(cwd, dir) || '.'} does not exist` }]);
  if (fs.existsSync(target) && fs.statSync(target).isDirectory()) throw new InputError([{ file, message: 'cannot write: is a directory' }]);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(tmp, text, { mode: 0o644 });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new InputError([{ file, message: `cannot write (${(e as NodeJS.ErrnoException).code ?? 'error'})` }]);
  }
}
