/**
 * The gate of a partial synthesis (`cdktf deploy div-8`, `btyun synth --stack div-8`) judges the
 * named stacks together with every other center's stack (cross-center rules: DR copies, replicas).
 * Building those others again costs most of a full synthesis; an earlier gated output in the same
 * folder already holds them. A stack is taken from there only when it is provably what building it
 * now would give: written by the policy gate today, from this environment as it is now (the
 * fingerprint covers the tool version and the five documents), its one Terraform file unchanged
 * since (sha256 of the record). Anything else — no record, another day, an edit, an extra file,
 * an unreadable file — and the stack is built in memory as before (fail closed: never judged on
 * output that cannot be vouched for).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Environment } from '../../core/types';
import { readSynthRecord, sha256Of, type SynthRecord } from '../../core/synth-record';
import { stackRecordProblems } from '../../engine/verify-synth-record';

const TERRAFORM_FILE = 'cdk.tf.json';
/** A stack file larger than this is built again rather than read (the JSON limit of `check`). */
const MAX_REUSED_BYTES = 256 * 1024 * 1024;

function reusedStack(record: SynthRecord, outDir: string, id: string, env: Environment, asOf: string): unknown {
  const entry = Object.prototype.hasOwnProperty.call(record.stacks, id) ? record.stacks[id] : undefined;
  if (entry === undefined || entry === null || typeof entry !== 'object') return undefined;
  // Gated today with nothing blocking, and one Terraform file (what the stacks write).
  if (entry.gate?.asOf !== asOf || entry.gate.blocking !== 0) return undefined;
  const files = entry.files ?? {};
  if (Object.keys(files).length !== 1 || typeof files[TERRAFORM_FILE] !== 'string') return undefined;
  const dir = path.join(outDir, 'stacks', id);
  try {
    const file = path.join(dir, TERRAFORM_FILE);
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > MAX_REUSED_BYTES) return undefined;
    // What `check --synth` verifies (CFG-004): this environment as it is now, through the policy
    // gate, exactly the recorded files — one added beside it (Terraform would load it) rules it out.
    if (stackRecordProblems(id, entry, dir, dir, env).length > 0) return undefined;
    const bytes = fs.readFileSync(file);
    if (sha256Of(bytes) !== files[TERRAFORM_FILE]) return undefined; // changed between the two reads
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The Terraform JSON of those of `ids` that the earlier output in `outDir` vouches for (see above),
 * by stack id; the others are left for the caller to build.
 */
export function reusableStacks(outDir: string | undefined, ids: readonly string[], env: Environment, asOf: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (outDir === undefined || ids.length === 0) return out;
  const record = readSynthRecord(outDir);
  if (record === undefined || record === 'unreadable') return out;
  for (const id of ids) {
    const json = reusedStack(record, outDir, id, env, asOf);
    if (json !== undefined) out.set(id, json);
  }
  return out;
}
