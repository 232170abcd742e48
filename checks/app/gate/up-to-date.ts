/**
 * A synthesis that would change nothing is not run again (issue 18: `cdktf deploy div-1` right
 * after `cdktf synth`). Synthesis is a pure function of the environment, the code and the day
 * (test/stacks/resolve-once.test.ts, parallel-synth.test.ts: the same bytes, however built), and so
 * is the gate's verdict. When the output folder's record vouches, for every requested stack, that
 * it was written today by this very build from this environment as it is now, passed the gate (no
 * blocking finding) and is unchanged since (reuse-stacks.ts currentEntry), and the manifest cdktf
 * deploys from is the one recorded, then synthesizing again would write exactly these bytes after
 * the same verdict: nothing is rebuilt. Anything that cannot be vouched for — no record, another
 * day, build or environment, an edited or added file, another manifest — and the synthesis runs
 * in full (fail closed).
 */
import { readSynthRecord } from '../../core/synth-record';
import { manifestProblems } from '../../engine/verify-synth-record';
import { readManifest } from '../../../stacks/parallel/manifest';
import type { Environment, Severity } from '../../core/types';
import { currentEntry } from './reuse-stacks';

/** manifest.json is the recorded one (what CFG-004 checks) and names every stack of `ids`. */
function manifestAsRecorded(outDir: string, recorded: string | undefined, ids: readonly string[]): boolean {
  if (manifestProblems(outDir, outDir, recorded).length > 0) return false;
  const stacks = readManifest(outDir)?.stacks;
  return stacks !== undefined && ids.every((id) => Object.prototype.hasOwnProperty.call(stacks, id));
}

/**
 * True when `outDir` already holds what synthesizing `ids` through the gate now would write (see
 * above). `failOn`: a fail-on the caller set instead of the policy's (the recorded verdict must be
 * for it).
 */
export function upToDate(outDir: string, ids: readonly string[], env: Environment, asOf: string, failOn?: Severity): boolean {
  if (ids.length === 0) return false;
  const record = readSynthRecord(outDir);
  if (record === undefined || record === 'unreadable') return false;
  for (const id of ids) {
    const entry = currentEntry(record, outDir, id, env, asOf);
    if (entry === undefined || entry.gate.checkedBy !== 'policy-gate' || (failOn !== undefined && entry.gate.failOn !== failOn)) return false;
  }
  return manifestAsRecorded(outDir, record.manifest, ids);
}
