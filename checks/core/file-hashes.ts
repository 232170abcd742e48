/**
 * SHA-256 of input files as they were read, so that the synthesis-record check (CFG-004) compares
 * the record with the very bytes the rules judged, without reading a 100 MB output again. An entry
 * holds only while the file is provably the same one, unchanged: same device, inode, size, and
 * modification and change times (the change time cannot be set back by a user); anything else and
 * the file is read and hashed again.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';

interface Known {
  dev: number;
  ino: number;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  sha256: string;
}

const known = new Map<string, Known>();

const same = (k: Known, st: fs.Stats): boolean => k.dev === st.dev && k.ino === st.ino && k.size === st.size && k.mtimeMs === st.mtimeMs && k.ctimeMs === st.ctimeMs;

export function sha256Of(bytes: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** `sha256` (`sha256:<hex>`) of the bytes read from `abs` (absolute), whose stat at the read was `st`. */
export function rememberFileHash(abs: string, st: fs.Stats, sha256: string): void {
  known.set(abs, { dev: st.dev, ino: st.ino, size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, sha256 });
}

/** `sha256:<hex>` of the file `abs` (absolute): as remembered when it is unchanged since, else read now. */
export function fileSha256(abs: string): string {
  const k = known.get(abs);
  if (k !== undefined) {
    try {
      if (same(k, fs.statSync(abs))) return k.sha256;
    } catch {
      /* read below, which reports */
    }
  }
  return sha256Of(fs.readFileSync(abs));
}
