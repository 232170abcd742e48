/**
 * What every writer of output checks first (`check --output`, `report --output`, `synth --out`,
 * `gen --out`, the cdktf app's output folder):
 *
 * - nothing is written into an input: the shipped `environments/` folder and every environment
 *   folder this process loaded are refused by real path (a symbolic link into them too);
 * - leftovers of interrupted runs beside the target (`X.tmp-PID`, `X.work-PID`, `X.old-PID`,
 *   `.X.PID.tmp` of a PID that is no longer running) are removed;
 * - on SIGINT / SIGTERM the temporary files and folders of this run are removed before it exits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from './errors';
import { PACKAGE_ROOT } from './version';

/** The shipped environments: never an output. */
const SHIPPED_ENVIRONMENTS = path.join(PACKAGE_ROOT, 'environments');

const protectedFolders = new Set<string>();

/** The real path of `p`, whether or not it exists (its deepest existing ancestor resolved). */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return path.join(fs.realpathSync(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return abs;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** An environment folder this process read: no output may go into it. */
export function protectInputFolder(dir: string): void {
  protectedFolders.add(realPathOf(dir));
}

function inside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function shownFolder(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel.split(path.sep).join('/');
}

/**
 * Refuses (InputError, exit 2) an output `target` that is inside an input folder — or, for a
 * folder that is replaced whole (`folder: true`), one that contains an input folder.
 */
export function refuseInputFolderOutput(target: string, shown: string, opts: { folder?: boolean; cwd?: string } = {}): void {
  const real = realPathOf(target);
  const cwd = opts.cwd ?? process.cwd();
  for (const dir of [realPathOf(SHIPPED_ENVIRONMENTS), ...protectedFolders]) {
    if (inside(real, dir) || (opts.folder === true && inside(dir, real))) {
      throw new InputError([{ file: shown, message: `refusing to write into the environment folder ${shownFolder(dir, cwd)} (an input of btyun; ${inside(real, dir) ? 'the output is inside it' : 'the output folder contains it'}): choose an output outside it` }]);
    }
  }
}

/** Whether process `pid` is running (EPERM: it is, as another user). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Leftovers of interrupted runs writing `target`: `X.tmp-PID`, `X.work-PID`, `X.old-PID`, `.X.PID.tmp`. */
export function removeStaleLeftovers(target: string): void {
  const dir = path.dirname(path.resolve(target));
  const base = path.basename(target);
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    let pid: number | undefined;
    if (name.startsWith(`${base}.`)) {
      const m = /^(tmp|work|old)-(\d+)$/.exec(name.slice(base.length + 1));
      // `X.old-PID` without `X`: the run died between its two renames, and the old folder is the
      // only copy of the previous output: kept (put it back by hand).
      if (m && !(m[1] === 'old' && !fs.existsSync(path.join(dir, base)))) pid = Number(m[2]);
    } else if (name.startsWith(`.${base}.`) && name.endsWith('.tmp')) {
      const m = /^(\d+)$/.exec(name.slice(base.length + 2, -4));
      if (m) pid = Number(m[1]);
    }
    if (pid === undefined || !Number.isSafeInteger(pid) || pid <= 0 || running(pid)) continue;
    try {
      fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    } catch {
      /* someone else's to clean: leave it */
    }
  }
}

const ownTemporaries = new Set<string>();
let handlersInstalled = false;

function cleanupAndExit(signal: NodeJS.Signals): void {
  for (const p of ownTemporaries) {
    try {
      fs.rmSync(p, { recursive: true, force: true });
    } catch {
      /* best effort: the next run removes what is left */
    }
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

/** Removes `paths` (this run's temporary files and folders) if the process is interrupted by SIGINT or SIGTERM. */
export function removeOnSignal(...paths: string[]): void {
  for (const p of paths) ownTemporaries.add(path.resolve(p));
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.once('SIGINT', () => cleanupAndExit('SIGINT'));
  process.once('SIGTERM', () => cleanupAndExit('SIGTERM'));
}

/** `paths` are finished with (renamed into place or removed): no longer removed on a signal. */
export function forgetOnSignal(...paths: string[]): void {
  for (const p of paths) ownTemporaries.delete(path.resolve(p));
}
