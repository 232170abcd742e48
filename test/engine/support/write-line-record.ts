/** Writes the line record of the rule fixtures (line-record.ts) that finding-lines.test.ts compares with. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fixtureLineRecord } from './line-record';

async function main(): Promise<void> {
  const file = process.argv[2] ?? path.join(__dirname, '..', 'finding-lines.record.json');
  fs.writeFileSync(file, `${JSON.stringify(await fixtureLineRecord(), null, 1)}\n`);
}

void main();
