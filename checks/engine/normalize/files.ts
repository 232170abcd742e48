/** File helpers of the configuration readers: relative POSIX names, sorted listings, clear errors. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, type InputProblem } from '../../core/errors';
import { fsReason, readInputText, type InputKind } from '../../core/input-file';
import { compareCodePoints } from '../../core/order';

/** `file` relative to cwd with POSIX separators (as findings print it). */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

/** The kind of a configuration file by its name: `.json` is JSON, everything else HCL. */
function kindOf(file: string): InputKind {
  return file.endsWith('.json') ? 'json' : 'hcl';
}

/** The text of one input file: stat'ed first (regular files only, through links), within its kind's size limit. */
export function readText(file: string, cwd: string, kind: InputKind = kindOf(file)): string {
  const shown = displayPath(file, cwd);
  // `/dev/zero`, not `../../../dev/zero`: a path given absolute and outside cwd is shown as given.
  return readInputText(path.resolve(cwd, file), path.isAbsolute(file) && shown.startsWith('../') ? file : shown, kind);
}

/** A directory entry seen through symbolic links (what the link points to). */
export interface Entry {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  /** Neither a regular file nor a directory: a FIFO, a device, a socket. */
  isSpecial(): boolean;
  /** What it is, for people (`a FIFO`, `a character device`, …). */
  readonly kind: string;
}

function entryOf(name: string, st: fs.Stats): Entry {
  const kind = st.isFile() ? 'a file' : st.isDirectory() ? 'a directory' : st.isFIFO() ? 'a FIFO' : st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : st.isSocket() ? 'a socket' : 'not a regular file';
  return { name, kind, isFile: () => st.isFile(), isDirectory: () => st.isDirectory(), isSpecial: () => !st.isFile() && !st.isDirectory() };
}

/** A file name's bytes shown as text: valid UTF-8 as is, every other byte as `\xNN`. */
export function escapedFileName(bytes: Buffer): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      const s = bytes.subarray(i, i + len).toString('utf8');
      ok = !s.includes('\ufffd');
      if (ok) {
        out += s;
        i += len;
        continue;
      }
    }
    out += `\\x${b.toString(16).padStart(2, '0')}`;
    i++;
  }
  return out;
}

/**
 * Sorted entries of a directory that must exist, symbolic links seen as what they point to: a
 * `.tf` linked in from a shared folder (a common Terraform layout) is read like any other file,
 * never skipped. A broken link, a link loop, a file name that is not UTF-8 are bad input.
 */
export function listDir(dir: string, cwd: string): Entry[] {
  const abs = path.resolve(cwd, dir);
  const shownDir = displayPath(dir, cwd);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([{ file: shownDir, message: code === 'ENOENT' ? 'no such directory' : fsReason(e, 'directory') }]);
  }
  if (!st.isDirectory()) throw new InputError([{ file: shownDir, message: 'is not a directory' }]);
  let raw: fs.Dirent<Buffer>[];
  try {
    raw = fs.readdirSync(abs, { withFileTypes: true, encoding: 'buffer' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([{ file: shownDir, message: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'cannot be read' }]);
  }
  const problems: InputProblem[] = [];
  const out: Entry[] = [];
  for (const e of raw) {
    const bytes = e.name;
    const name = bytes.toString('utf8');
    if (!Buffer.from(name, 'utf8').equals(bytes)) {
      problems.push({ file: displayPath(path.join(dir, escapedFileName(bytes)), cwd), message: 'file name is not valid UTF-8 (rename it)' });
      continue;
    }
    if (!e.isSymbolicLink()) {
      const kind = e.isFile() ? undefined : e.isDirectory() ? undefined : 'special';
      if (kind === undefined) {
        out.push({ name, kind: e.isFile() ? 'a file' : 'a directory', isFile: () => e.isFile(), isDirectory: () => e.isDirectory(), isSpecial: () => false });
        continue;
      }
    }
    try {
      out.push(entryOf(name, fs.statSync(path.join(abs, name))));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      problems.push({ file: displayPath(path.join(dir, name), cwd), message: code === 'ENOENT' ? 'broken symbolic link (its target does not exist)' : fsReason(err) });
    }
  }
  if (problems.length > 0) throw new InputError(problems.sort((a, b) => compareCodePoints(a.file, b.file)));
  return out.sort((a, b) => compareCodePoints(a.name, b.name));
}
