/** Writes a report to `--output FILE` atomically (temp file in the same folder + rename), else to stdout. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../core/errors';
import { fileKind } from '../../core/input-file';
import { forgetOnSignal, realPathOf, refuseInputFolderOutput, removeOnSignal, removeStaleLeftovers } from '../../core/output-guard';

/**
 * `intoEnvironment`: the caller may write inside an environment folder (`import`, whose `--out`
 * names the file explicitly — docs/contract/CLI.md); every other output is refused there.
 */
export function writeAtomically(file: string, text: string | Uint8Array, cwd: string, opts: { intoEnvironment?: boolean } = {}): void {
  const given = path.resolve(cwd, file);
  // Through a symbolic link: the file it points to is written, the link stays a link.
  const target = realPathOf(given);
  if (opts.intoEnvironment !== true) refuseInputFolderOutput(target, file, { cwd });
  const dir = path.dirname(target);
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InputError([{ file, message: `cannot write: folder ${path.relative(cwd, dir) || '.'} does not exist` }]);
  const st = fs.existsSync(target) ? fs.statSync(target) : undefined;
  if (st?.isDirectory()) throw new InputError([{ file, message: 'cannot write: is a directory' }]);
  if (st && !st.isFile()) {
    // A device (/dev/null, a terminal) or a FIFO is written in place, never replaced by a file.
    if (!st.isCharacterDevice() && !st.isFIFO()) throw new InputError([{ file, message: `cannot write: not a regular file (${fileKind(st)}); refusing to replace it` }]);
    try {
      fs.writeFileSync(target, text);
    } catch (e) {
      throw new InputError([{ file, message: writeFailure(e) }]);
    }
    return;
  }
  removeStaleLeftovers(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.tmp`);
  removeOnSignal(tmp);
  try {
    fs.writeFileSync(tmp, text, { mode: 0o644 });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new InputError([{ file, message: writeFailure(e) }]);
  } finally {
    forgetOnSignal(tmp);
  }
}

/** One line for a failed write: a full disk or a file-size limit is said as such, never "internal error". */
export function writeFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOSPC':
      return 'cannot write: no space left on the device (ENOSPC)';
    case 'EDQUOT':
      return 'cannot write: disk quota exceeded (EDQUOT)';
    case 'EFBIG':
      return 'cannot write: file too large for this file system or limit (EFBIG)';
    case 'EROFS':
      return 'cannot write: read-only file system (EROFS)';
    case 'EACCES':
    case 'EPERM':
      return `cannot write: permission denied (${code})`;
    default:
      return `cannot write (${code ?? 'error'})`;
  }
}
