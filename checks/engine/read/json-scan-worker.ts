/**
 * The worker thread of read/json-scan.ts: scans the bytes of a JSON configuration file (in a
 * SharedArrayBuffer: not copied) for duplicate keys and key lines, and hashes them, while the main
 * thread decodes and parses the same bytes.
 */
import { parentPort } from 'node:worker_threads';
import { sha256Of } from '../../core/file-hashes';
import { scanHere, type ScanReply, type ScanRequest } from './json-scan';

parentPort?.on('message', (m: ScanRequest) => {
  let reply: ScanReply;
  try {
    const bytes = Buffer.from(m.buffer, m.offset, m.length);
    const scan = scanHere(bytes);
    reply = { id: m.id, duplicateKeys: [...scan.duplicateKeys], lines: scan.lines.toPlain(), hasDynamicKey: scan.hasDynamicKey, mentionsVar: scan.mentionsVar, sha256: sha256Of(bytes) };
  } catch (e) {
    reply = { id: m.id, failed: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
  parentPort?.postMessage(reply);
});
