/**
 * The floor for `btyun check --synth DIR`: a node process that only reads and JSON.parses the
 * same synthesized files (manifest and every stack's cdk.tf.json). A check cannot be faster than
 * reading its input. Usage: node dist/bench/floor.js DIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
let resources = 0;
for (const stack of Object.values(manifest.stacks)) {
  const tf = JSON.parse(fs.readFileSync(path.join(dir, stack.synthesizedStackPath), 'utf8')) as { resource?: Record<string, Record<string, unknown>> };
  for (const byName of Object.values(tf.resource ?? {})) resources += Object.keys(byName).length;
}
process.stdout.write(`${resources}\n`);
