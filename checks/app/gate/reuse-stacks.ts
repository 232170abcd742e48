/**
 * The gate of a partial synthesis (`cdktf deploy div-8`, `btyun synth --stack div-8`) judges the
 * named stacks together with every other center's stack (cross-center rules: DR copies, replicas).
 * Building those others again costs most of a full synthesis; an earlier gated output in the same
 * folder already holds them. A stack is taken from there only when it is provably what building it
 * now would give: written by the policy gate today, by this very build (the code fingerprint), from
 * this environment as it is now (the fingerprint covers the tool version and the five documents),
 * its one Terraform file unchanged since (sha256 of the record). Anything else — no record, another
 * day, another build, an edit, an extra file, an unreadable file — and the stack is built in memory
 * as before (fail closed: never judged on output that cannot be vouched for).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Environment } from '../../core/types';
import { codeFingerprint } from '../../core/code-fingerprint';
import { readSynthRecord, sha256Of, type StackRecord, type SynthRecord } from '../../core/synth-record';
import { stackRecordProblems } from '../../engine/verify-synth-record';

const TERRAFORM_FILE = 'cdk.tf.json';
/** A stack file larger than this is built again rather than read (the JSON limit of `check`). */
const MAX_REUSED_BYTES = 256 * 1024 * 1024;

/**
 * The record entry of stack `id` when it vouches for the folder as what synthesizing and gating it
 * now would give: gated today with nothing blocking, by this very build (code fingerprint), from
 * this environment as it is now, its one Terraform file exactly as recorded (and no file beside it:
 * Terraform would load it). Otherwise undefined.
 */
export function currentEntry(record: SynthRecord, outDir: string, id: string, env: Environment, asOf: string): StackRecord | undefined {
  const entry = Object.prototype.hasOwnProperty.call(record.stacks, id) ? record.stacks[id] : undefined;
  if (entry === undefined || entry === null || typeof entry !== 'object') return undefined;
  if (entry.gate?.asOf !== asOf || entry.gate.blocking !== 0 || entry.code !== codeFingerprint()) return undefined;
  const files = entry.files ?? {};
  if (Object.keys(files).length !== 1 || typeof files[TERRAFORM_FILE] !== 'string') return undefined;
  const dir = path.join(outDir, 'stacks', id);
  try {
    const st = fs.lstatSync(path.join(dir, TERRAFORM_FILE));
    if (!st.isFile() || st.size > MAX_REUSED_BYTES) return undefined;
    // What `check --synth` verifies (CFG-004): this environment as it is now, through the policy
    // gate, exactly the recorded files.
    return stackRecordProblems(id, entry, dir, dir, env).length === 0 ? entry : undefined;
  } catch {
    return undefined;
  }
}

function reusedStack(record: SynthRecord, outDir: string, id: string, env: Environment, asOf: string): unknown {
  const entry = currentEntry(record, outDir, id, env, asOf);
  if (entry === undefined) return undefined;
  try {
    const bytes = fs.readFileSync(path.join(outDir, 'stacks', id, TERRAFORM_FILE));
    if (sha256Of(bytes) !== entry.files[TERRAFORM_FILE]) return undefined; // changed between the two reads
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
