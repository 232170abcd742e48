/**
 * Reading one input file, the one way every reader does it (YAML documents, cdk.tf.json, plans,
 * `.tf`, `.tf.json`, tfvars): stat'ed first, through links; only a regular file is read, and only
 * up to the size limit of its kind. A FIFO would hang the run, /dev/zero would grow it without end,
 * a socket or a device is not a document: each is one clear problem naming the file, never a
 * silent skip. The file is read from the descriptor that was checked, and never past the limit
 * (a file that grows while it is read is refused too).
 */
import * as fs from 'node:fs';
import { InputError, type InputProblem } from './errors';
import { MAX_DOCUMENT_BYTES } from './yaml';

export type InputKind = 'yaml' | 'json' | 'hcl';

const MiB = 1024 * 1024;

/** Default size limits per kind (bytes). `--max-input-size` sets one limit for every kind. */
export const DEFAULT_INPUT_LIMITS: Readonly<Record<InputKind, number>> = Object.freeze({
  /** An environment document: the YAML loader's own limit (an inventory of 10,000 filed systems is about 14 MB). */
  yaml: MAX_DOCUMENT_BYTES,
  /** cdk.tf.json, `terraform show -json` plans, `.tf.json`, `.tfvars.json`. */
  json: 256 * MiB,
  /** `.tf` and `.tfvars` HCL. */
  hcl: 64 * MiB,
});

let override: number | undefined;

/** `--max-input-size`: one limit for every kind (undefined restores the defaults). */
export function setMaxInputSize(bytes: number | undefined): void {
  override = bytes;
}

export function inputLimit(kind: InputKind): number {
  return override ?? DEFAULT_INPUT_LIMITS[kind];
}

/** `16MiB`, `1KiB`, `500000`, `2G` → bytes; undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? MiB : unit.startsWith('g') ? 1024 * MiB : 1;
  const n = Math.floor(Number(m[1]) * factor);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

export function sizeText(bytes: number): string {
  if (bytes % MiB === 0) return `${bytes / MiB} MiB`;
  if (bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} bytes`;
}

/** What a non-regular file is, for people. */
export function fileKind(st: fs.Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** Why a path cannot be opened or stat'ed, from its error code. */
export function fsReason(e: unknown, what: 'file' | 'directory' = 'file'): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return `no such ${what}`;
    case 'ELOOP':
      return 'symbolic link loop (ELOOP)';
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'ENOTDIR':
      return 'a part of the path is not a directory (ENOTDIR)';
    case 'ENAMETOOLONG':
      return 'file name too long (ENAMETOOLONG)';
    case 'EISDIR':
      return 'is a directory, a file was expected';
    case 'EMFILE':
    case 'ENFILE':
      return `too many open files (${code})`;
    case 'EIO':
      return 'input/output error (EIO)';
    default:
      return `cannot be read (${code ?? 'error'})`;
  }
}

/** The problem of a file that may not be read as `kind`, or undefined when it may (`st`: stat through links). */
export function statProblem(st: fs.Stats, kind: InputKind, shown: string): InputProblem | undefined {
  if (!st.isFile()) return { file: shown, message: st.isDirectory() ? 'is a directory, not a regular file' : `not a regular file (${fileKind(st)})` };
  const limit = inputLimit(kind);
  if (st.size > limit) return { file: shown, message: tooLarge(st.size, limit) };
  return undefined;
}

function tooLarge(size: number, limit: number): string {
  return `file is too large (${size} bytes; the limit is ${limit} bytes, ${sizeText(limit)}; see --max-input-size)`;
}

/**
 * The bytes of `abs` (shown as `shown`), or the problem: not found, a link loop, not a regular
 * file (FIFO, device, socket, directory), over the limit of `kind`, unreadable.
 */
export function readInputBytes(
  abs: string,
  shown: string,
  kind: InputKind,
  opts: { shared?: boolean } = {},
): { bytes: Buffer; stat: fs.Stats; problem?: undefined } | { bytes?: undefined; stat?: undefined; problem: InputProblem } {
  // shared: the bytes in a SharedArrayBuffer, so that a worker thread can read them without a copy.
  const alloc = (size: number): Buffer => (opts.shared ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size));
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused by the fstat below.
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  } catch (e) {
    // A directory cannot always be opened read-only on every platform: say what it is.
    try {
      const st = fs.statSync(abs);
      const p = statProblem(st, kind, shown);
      if (p) return { problem: p };
    } catch {
      /* the open's reason below */
    }
    return { problem: { file: shown, message: fsReason(e) } };
  }
  try {
    const st = fs.fstatSync(fd);
    const p = statProblem(st, kind, shown);
    if (p) return { problem: p };
    const limit = inputLimit(kind);
    // Read at most limit + 1 bytes: a file that grew past the limit since the stat is refused.
    const cap = Math.min(limit + 1, Math.max(st.size, 0) + 64 * 1024);
    let buf = alloc(Math.max(cap, 1));
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (buf.length > limit) break;
        const bigger = alloc(Math.min(limit + 1, buf.length * 2));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      let got: number;
      try {
        got = fs.readSync(fd, buf, n, buf.length - n, null);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        throw e;
      }
      if (got === 0) break;
      n += got;
      if (n > limit) return { problem: { file: shown, message: tooLarge(n, limit) } };
    }
    return { bytes: buf.subarray(0, n), stat: st };
  } catch (e) {
    return { problem: { file: shown, message: fsReason(e) } };
  } finally {
    fs.closeSync(fd);
  }
}

/** The UTF-8 text of an input file (BOM kept: the caller's parser decides), or an InputError. */
export function readInputText(abs: string, shown: string, kind: InputKind): string {
  const r = readInputBytes(abs, shown, kind);
  if (r.problem) throw new InputError([r.problem]);
  return r.bytes.toString('utf8');
}

/** The default limits as people read them. */
export function defaultLimitsText(): string {
  return `YAML ${sizeText(DEFAULT_INPUT_LIMITS.yaml)}, JSON and plans ${sizeText(DEFAULT_INPUT_LIMITS.json)}, HCL ${sizeText(DEFAULT_INPUT_LIMITS.hcl)}`;
}
