/**
 * The synthesis record (`btyun-synth.json` at the root of an output folder): what every synthesis
 * writes beside cdktf's manifest, so that a reader can tell what the folder was made from and
 * whether it was changed since.
 *
 * Per stack: the environment fingerprint it was synthesized from, the SHA-256 of every file
 * Terraform loads in its folder (`*.tf`, `*.tf.json`), and the gate's verdict. Stacks carried over
 * unchanged from an earlier partial synthesis keep their own entry (and fingerprint). No time stamp:
 * the same input gives the same bytes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Severity } from './types';
import { fileSha256 } from './file-hashes';

export const SYNTH_RECORD_FILE = 'btyun-synth.json';

/** What the gate said when the stack was written. */
export interface GateVerdict {
  /** `policy-gate` for deployable output; anything else is output nobody gated (e.g. check's own temporary synthesis). */
  checkedBy: 'policy-gate' | 'none';
  /** The gate's date (always the day of the synthesis for `policy-gate`). */
  asOf: string;
  failOn: Severity;
  /** Blocking findings the gate saw: 0 whenever it let the output be written. */
  blocking: number;
}

export interface StackRecord {
  environment: { name: string; fingerprint: string };
  /** The code fingerprint of the build that wrote the stack (code-fingerprint.ts); absent in records of earlier builds. */
  code?: string;
  /** File name in the stack folder → `sha256:<hex>`. */
  files: Record<string, string>;
  gate: GateVerdict;
}

export interface SynthRecord {
  tool: { name: 'btyun'; version: string };
  /** sha256 of the folder's manifest.json as written (what `cdktf deploy` reads the stack paths from). */
  manifest?: string;
  stacks: Record<string, StackRecord>;
}

/** The files of a stack folder that Terraform loads. */
export function isTerraformConfigFile(name: string): boolean {
  return name.endsWith('.tf') || name.endsWith('.tf.json');
}

export { sha256Of } from './file-hashes';

/** `sha256` of every Terraform file in a stack folder, by name, in code-point order. */
export function hashStackFiles(stackDir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const names = fs
    .readdirSync(stackDir, { withFileTypes: true })
    .filter((e) => e.isFile() && isTerraformConfigFile(e.name))
    .map((e) => e.name)
    .sort();
  for (const name of names) out[name] = fileSha256(path.resolve(stackDir, name));
  return out;
}

/** Keys sorted at every level, two-space indent: byte-stable. */
function stableJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, sort((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return `${JSON.stringify(sort(value), null, 2)}\n`;
}

export function writeSynthRecord(outDir: string, record: SynthRecord): void {
  fs.writeFileSync(path.join(outDir, SYNTH_RECORD_FILE), stableJson(record));
}

/** The record of an output folder: undefined when there is none; `'unreadable'` when it is not a record. */
export function readSynthRecord(outDir: string): SynthRecord | 'unreadable' | undefined {
  const file = path.join(outDir, SYNTH_RECORD_FILE);
  let text: string;
  try {
    const st = fs.lstatSync(file);
    if (!st.isFile() || st.size > 16 * 1024 * 1024) return 'unreadable';
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
  try {
    const parsed = JSON.parse(text) as SynthRecord;
    if (parsed?.tool?.name !== 'btyun' || typeof parsed.stacks !== 'object' || parsed.stacks === null) return 'unreadable';
    return parsed;
  } catch {
    return 'unreadable';
  }
}
