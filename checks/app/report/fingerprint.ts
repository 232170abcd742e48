/**
 * Identities of a finding that do not move with line numbers.
 *
 * - `fingerprint`: SARIF partialFingerprints — rule, target and message (distinct per result).
 * - `baselineKey`: the `--baseline` entry — rule, stack, address (or file and JSON pointer for a
 *   model finding), system. Never the line, never the output folder of a synthesis: the same
 *   finding read from a temporary synthesis or from `--synth btyun.out` has the same key.
 */
import { createHash } from 'node:crypto';
import type { Finding } from '../../engine/types';

function sha256(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\u0000')).digest('hex');
}

export function fingerprint(f: Finding): string {
  return sha256([f.ruleId, f.stack ?? '', f.address ?? '', f.system ?? '', f.center ?? '', f.file ?? '', f.path ?? '', f.message]);
}

export interface BaselineIdentity {
  ruleId: string;
  stack?: string;
  address?: string;
  file?: string;
  path?: string;
  system?: string;
}

/** What a baseline entry records: the parts of the key, readable by a reviewer. */
export function baselineIdentity(f: Finding): BaselineIdentity {
  const id: BaselineIdentity = { ruleId: f.ruleId };
  if (f.stack !== undefined) id.stack = f.stack;
  if (f.address !== undefined) id.address = f.address;
  else if (f.path !== undefined && f.file !== undefined) {
    id.file = f.file;
    id.path = f.path;
  } else if (f.origin !== undefined) {
    id.file = f.origin.file;
    id.path = f.origin.path;
  }
  if (f.system !== undefined) id.system = f.system;
  return id;
}

export function baselineKey(f: Finding | BaselineIdentity): string {
  const id = 'suppressed' in f ? baselineIdentity(f) : f;
  return sha256(['btyun-baseline/v1', id.ruleId, id.stack ?? '', id.address ?? '', id.file ?? '', id.path ?? '', id.system ?? '']);
}
