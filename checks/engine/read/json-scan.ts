/**
 * The scan of a JSON configuration file for what JSON.parse does not tell (duplicate keys, key
 * lines: normalize/json-keys.ts), run in a worker thread beside the parse: on 105 MB of synthesized
 * Terraform the scan costs about what JSON.parse does, and the check has two cores (issue 18). The
 * worker gets the file's bytes in a SharedArrayBuffer (no copy) and also hashes them (SHA-256: the
 * synthesis-record check, CFG-004, compares the record with these bytes; core/file-hashes.ts).
 *
 * Fail closed: a small file, bytes not in shared memory, no compiled worker (running from the
 * TypeScript sources), or a worker that failed — and the scan runs in this thread. Every file is
 * scanned whole either way.
 */
import * as path from 'node:path';
import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import { KeyLineMaps, scanJsonKeyBytes, type DuplicateKey, type PlainKeyLines } from '../normalize/json-keys';

/** Below this, a thread and a message round trip cost more than the scan. */
export const BACKGROUND_MIN_BYTES = 1 << 20;

export interface FileScan {
  readonly duplicateKeys: readonly DuplicateKey[];
  readonly lines: KeyLineMaps;
  readonly hasDynamicKey: boolean;
  /** Whether the bytes hold `var.` (a variable reference may need substituting). */
  readonly mentionsVar: boolean;
  /** `sha256:<hex>` of the bytes, when the worker computed it (in this thread it is left to whoever needs it). */
  readonly sha256?: string;
}

export interface ScanRequest {
  id: number;
  buffer: SharedArrayBuffer;
  offset: number;
  length: number;
}

export type ScanReply =
  | { id: number; duplicateKeys: DuplicateKey[]; lines: PlainKeyLines; hasDynamicKey: boolean; mentionsVar: boolean; sha256: string; failed?: undefined }
  | { id: number; failed: string };

/** The scan in this thread (also the worker's own, which adds the hash). */
export function scanHere(bytes: Buffer): FileScan {
  const scan = scanJsonKeyBytes(bytes);
  return { duplicateKeys: scan.duplicateKeys, lines: scan.lines, hasDynamicKey: scan.hasDynamicKey, mentionsVar: bytes.indexOf('var.') >= 0 };
}

interface Waiting {
  bytes: Buffer;
  resolve: (scan: FileScan) => void;
}

let worker: Worker | undefined;
let broken = false;
let nextId = 0;
const waiting = new Map<number, Waiting>();

/** Every waiting scan runs here instead (the worker is gone). */
function fallBack(): void {
  broken = true;
  worker = undefined;
  for (const [id, w] of waiting) {
    waiting.delete(id);
    w.resolve(scanHere(w.bytes));
  }
}

function scanner(): Worker | undefined {
  if (worker !== undefined || broken) return worker;
  const script = path.join(__dirname, 'json-scan-worker.js');
  if (!__filename.endsWith('.js') || !fs.existsSync(script)) {
    broken = true;
    return undefined;
  }
  try {
    worker = new Worker(script);
  } catch {
    broken = true;
    return undefined;
  }
  worker.on('message', (reply: ScanReply) => {
    const w = waiting.get(reply.id);
    if (w === undefined) return;
    waiting.delete(reply.id);
    if (waiting.size === 0) worker?.unref();
    if (reply.failed !== undefined) w.resolve(scanHere(w.bytes));
    else w.resolve({ duplicateKeys: reply.duplicateKeys, lines: KeyLineMaps.fromPlain(reply.lines), hasDynamicKey: reply.hasDynamicKey, mentionsVar: reply.mentionsVar, sha256: reply.sha256 });
  });
  worker.on('error', fallBack);
  worker.on('exit', fallBack);
  worker.unref(); // never keeps the process alive while nothing waits
  return worker;
}

/**
 * Starts the scan of `bytes` (a JSON file as read: in a SharedArrayBuffer to go to the worker) and
 * returns its result; the caller parses the same bytes meanwhile.
 */
export function scanJsonFile(bytes: Buffer): Promise<FileScan> {
  const w = bytes.length >= BACKGROUND_MIN_BYTES && bytes.buffer instanceof SharedArrayBuffer ? scanner() : undefined;
  if (w === undefined) return Promise.resolve(scanHere(bytes));
  const id = ++nextId;
  return new Promise((resolve) => {
    waiting.set(id, { bytes, resolve });
    w.ref();
    w.postMessage({ id, buffer: bytes.buffer as SharedArrayBuffer, offset: bytes.byteOffset, length: bytes.length } satisfies ScanRequest);
  });
}
