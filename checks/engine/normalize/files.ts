/** File helpers of the configuration readers: relative POSIX names, sorted listings, clear errors. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../core/errors';

/** `file` relative to cwd with POSIX separators (as findings print it). */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

export function readText(file: string, cwd: string): string {
  try {
    return fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, a file was expected' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new InputError([{ file: displayPath(file, cwd), message: why }]);
  }
}

/**
 * A symbolic link seen as what it points to: a `.tf` linked in from a shared folder (a common
 * Terraform layout) is read like any other file, never skipped. A broken link is bad input.
 */
function throughLink(e: fs.Dirent, abs: string, dir: string, cwd: string): fs.Dirent {
  let target: fs.Stats;
  try {
    target = fs.statSync(path.join(abs, e.name));
  } catch {
    throw new InputError([{ file: displayPath(path.join(dir, e.name), cwd), message: 'broken symbolic link (its target does not exist)' }]);
  }
  return Object.assign(Object.create(Object.getPrototypeOf(e)) as fs.Dirent, e, {
    isFile: () => target.isFile(),
    isDirectory: () => target.isDirectory(),
    isSymbolicLink: () => false,
  });
}

/** Sorted entries of a directory that must exist (symbolic links resolved). */
export function listDir(dir: string, cwd: string): fs.Dirent[] {
  const abs = path.resolve(cwd, dir);
  let st: fs.Stats;
  try {
    st = fs.statSync(abs);
  } catch {
    throw new InputError([{ file: displayPath(dir, cwd), message: 'no such directory' }]);
  }
  if (!st.isDirectory()) throw new InputError([{ file: displayPath(dir, cwd), message: 'is not a directory' }]);
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(abs, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([{ file: displayPath(dir, cwd), message: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : 'cannot be read' }]);
  }
  return entries.map((e) => (e.isSymbolicLink() ? throughLink(e, abs, dir, cwd) : e)).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
