/**
 * The duplicate-key scan runs in a worker thread beside the parse (checks/engine/read/json-scan.ts)
 * and gives exactly what the scan in this thread gives; whatever cannot go to the worker (a small
 * file, bytes not in shared memory) is scanned here. The worker runs from the compiled code
 * (dist/, built by the test setup), as in the CLI; the worker's own SHA-256 is the proof it ran.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { scanJsonKeyBytes } from '../../checks/engine/normalize/json-keys';

const compiled = require(path.join(PACKAGE_ROOT, 'dist', 'checks', 'engine', 'read', 'json-scan.js')) as typeof import('../../checks/engine/read/json-scan');

/** A Terraform JSON text of `n` resources (resource i on line 4 + 3i; over 1 MiB from n ≈ 12,000), with a duplicate key deep in resource `dup` (line 3n + 7). */
function document(n: number): string {
  const names = Array.from({ length: n }, (_, i) => `"r${i}": {\n      "metadata": [{"name": "名称-${i}", "labels": {"a": "b"}}]\n    }`);
  names.push('"dup": {\n      "spec": [{"container": {\n        "image": "a",\n        "image": "b"}}]\n    }');
  return `{\n  "resource": {\n    "kubernetes_namespace_v1": {\n    ${names.join(',\n    ')}\n    }\n  },\n  "variable": {"x": {"default": "var.y"}}\n}\n`;
}

function shared(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const out = Buffer.from(new SharedArrayBuffer(bytes.length));
  bytes.copy(out);
  return out;
}

describe('scanJsonFile', () => {
  it('scans a large file in the worker thread, with the same result as here, and hashes it', async () => {
    const text = document(20000);
    const bytes = shared(text);
    expect(bytes.length).toBeGreaterThan(compiled.BACKGROUND_MIN_BYTES);
    const background = await compiled.scanJsonFile(bytes);
    const here = scanJsonKeyBytes(Buffer.from(text, 'utf8'));
    expect(background.sha256).toBe(`sha256:${createHash('sha256').update(bytes).digest('hex')}`);
    expect(background.duplicateKeys).toEqual(here.duplicateKeys);
    expect(background.duplicateKeys).toEqual([{ path: ['resource', 'kubernetes_namespace_v1', 'dup', 'spec', 0, 'container'], key: 'image', line: 3 * 20000 + 7 }]);
    for (const name of ['r0', 'r9999', 'r19999', 'dup']) {
      expect(background.lines.line('resource', 'kubernetes_namespace_v1', name), name).toBe(here.lines.line('resource', 'kubernetes_namespace_v1', name));
    }
    expect(background.lines.line('resource', 'kubernetes_namespace_v1', 'r19999')).toBe(4 + 3 * 19999);
    expect(background.mentionsVar).toBe(true);
    expect(background.hasDynamicKey).toBe(false);
  });

  it('scans here what is small or not in shared memory (no worker hash), with the same result', async () => {
    const text = document(20000);
    const notShared = await compiled.scanJsonFile(Buffer.from(text, 'utf8'));
    expect(notShared.sha256).toBeUndefined();
    expect(notShared.duplicateKeys).toHaveLength(1);
    const small = await compiled.scanJsonFile(shared(document(3)));
    expect(small.sha256).toBeUndefined();
    expect(small.duplicateKeys).toEqual([{ path: ['resource', 'kubernetes_namespace_v1', 'dup', 'spec', 0, 'container'], key: 'image', line: 3 * 3 + 7 }]);
    expect((await compiled.scanJsonFile(shared('{"resource": {}}'))).mentionsVar).toBe(false);
  });

  it('keeps several scans apart when they are in flight together', async () => {
    const sizes = [15000, 25000, 13000];
    const texts = sizes.map(document);
    const scans = await Promise.all(texts.map((t) => compiled.scanJsonFile(shared(t))));
    scans.forEach((s, i) => {
      expect(s.sha256).toBe(`sha256:${createHash('sha256').update(texts[i]).digest('hex')}`);
      expect(s.duplicateKeys[0].line).toBe(3 * sizes[i] + 7);
    });
  });
});
