/**
 * Which folders a synthesis may replace (without cdktf: the gate asks before deciding whether
 * anything must be built at all).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../checks/core/errors';
import { SYNTH_RECORD_FILE } from '../checks/core/synth-record';
import { refuseInputFolderOutput, removeOnSignal, removeStaleLeftovers } from '../checks/core/output-guard';

/**
 * The output folder is replaced whole, so it must be a previous output btyun itself wrote (it
 * holds btyun's synthesis record, btyun-synth.json), an empty folder, or absent. Anything else —
 * `--out .`, a clone of this repository (its `stacks/` is source code), a folder of notes, a file —
 * would be deleted by the replace: refused before any work. Nothing is ever written into the
 * shipped environments/ or an environment folder that was read (by real path), and leftovers of
 * interrupted runs beside it (`X.tmp-PID`, `X.work-PID`, `X.old-PID` of a dead PID) are removed;
 * this run's own are removed on SIGINT / SIGTERM.
 */
function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel.split(path.sep).join('/');
}

function hasSynthRecord(outDir: string): boolean {
  try {
    return fs.lstatSync(path.join(outDir, SYNTH_RECORD_FILE)).isFile();
  } catch {
    return false;
  }
}

export function refuseForeignOutDir(outDir: string, shown = shownPath(outDir)): void {
  checkForeignOutDir(outDir, shown);
  // Never into the shipped environments/ or an environment that was read (by real path).
  refuseInputFolderOutput(outDir, shown, { folder: true });
  removeStaleLeftovers(outDir);
  removeOnSignal(`${outDir}.tmp-${process.pid}`, `${outDir}.work-${process.pid}`);
}

function checkForeignOutDir(outDir: string, shown: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(outDir);
  } catch {
    return; // absent: created by the rename
  }
  const refuse = (why: string): never => {
    throw new InputError([{ file: shown, message: `refusing to replace the output folder: ${why}; its content would be lost (choose another --out / CDKTF_OUTDIR, or remove it)` }]);
  };
  if (!st.isDirectory()) refuse('it is a file, not a cdktf output folder');
  if (path.relative(outDir, process.cwd()) === '' || !path.relative(outDir, process.cwd()).startsWith('..')) refuse('it is the current folder or contains it');
  const entries = fs.readdirSync(outDir);
  if (entries.length > 0 && !hasSynthRecord(outDir)) refuse(`it is not empty and holds no ${SYNTH_RECORD_FILE} (btyun's mark on a folder it synthesized)`);
}

