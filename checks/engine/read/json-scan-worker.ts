/**
 * The worker thread of read/json-scan.ts: scans the bytes of a JSON configuration file (in a
 * SharedArrayBuffer: not copied) for duplicate keys and key lines, and hashes them, while the main
 * thread decodes and parses the same bytes.
 */
import { parentPort } from 'node:worker_threads';
import { scanJsonKeyBytes } from '../normalize/json-keys';
import { sha256Of } from '../../core/file-hashes';
import type { ScanReply, ScanRequest } from './json-scan';

parentPort?.on('message', (m: ScanRequest) => {
  let reply: ScanReply;
  try {
    const bytes = Buffer.from(m.buffer, m.offset, m.length);
    const scan = scanJsonKeyBytes(bytes);
    reply = {
      id: m.id,
      duplicateKeys: [...scan.duplicateKeys],
      lines: scan.lines.toPlain(),
      hasDynamicKey: scan.hasDynamicKey,
      mentionsVar: bytes.indexOf('var.') >= 0,
      sha256: sha256Of(bytes),
    };
  } catch (e) {
    reply = { id: m.id, failed: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
  parentPort?.postMessage(reply);
});
