/**
 * Writes a JSON value to a file as cdktf writes a stack — json-stable-stringify 1.x with
 * `{ space: 2 }`: object keys sorted (UTF-16 code-unit order, `Array.prototype.sort`), every member
 * and element on its own line, empty objects and arrays opened and closed on two lines — but
 * streamed in chunks instead of built as one string: a merged heavy stack is 60 MB of text at
 * 4,000 systems, and json-stable-stringify's strings per node peaked near 700 MiB for it.
 * Only for what JSON.parse returns (no `undefined`, `toJSON`, cycles). Byte-compatibility is tested
 * against json-stable-stringify itself (test/stacks/stack-parts.test.ts).
 */
import * as fs from 'node:fs';

const CHUNK = 1 << 20;

class ChunkedFile {
  private parts: string[] = [];
  private size = 0;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= CHUNK) this.flush();
  }

  flush(): void {
    if (this.parts.length === 0) return;
    const bytes = Buffer.from(this.parts.join(''), 'utf8');
    for (let at = 0; at < bytes.length; ) at += fs.writeSync(this.fd, bytes, at);
    this.parts = [];
    this.size = 0;
  }
}

function writeValue(out: ChunkedFile, value: unknown, indent: string): void {
  if (typeof value !== 'object' || value === null) {
    out.write(JSON.stringify(value));
    return;
  }
  const inner = `\n${indent}  `;
  if (Array.isArray(value)) {
    out.write('[');
    value.forEach((item, i) => {
      out.write(i === 0 ? inner : `,${inner}`);
      writeValue(out, item, `${indent}  `);
    });
    out.write(`\n${indent}]`);
    return;
  }
  const record = value as Record<string, unknown>;
  out.write('{');
  Object.keys(record)
    .sort()
    .forEach((key, i) => {
      out.write(i === 0 ? inner : `,${inner}`);
      out.write(`${JSON.stringify(key)}: `);
      writeValue(out, record[key], `${indent}  `);
    });
  out.write(`\n${indent}}`);
}

/** Writes `value` to `file` (created or truncated) in json-stable-stringify's `{ space: 2 }` form. */
export function writeStableJsonFile(file: string, value: unknown): void {
  const fd = fs.openSync(file, 'w');
  try {
    const out = new ChunkedFile(fd);
    writeValue(out, value, '');
    out.flush();
  } finally {
    fs.closeSync(fd);
  }
}
