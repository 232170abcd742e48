/**
 * The floor for `btyun validate`: a node process that only reads an environment's five YAML
 * documents and parses them with the `yaml` package (no source positions, no schema, no
 * cross-references). Validation cannot be faster than reading its input.
 * Usage: node dist/bench/floor-yaml.js ENV_DIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { DOCUMENT_NAMES } from '../checks/core/types';

const dir = process.argv[2];
let keys = 0;
for (const doc of DOCUMENT_NAMES) keys += Object.keys((parse(fs.readFileSync(path.join(dir, `${doc}.yaml`), 'utf8')) ?? {}) as object).length;
process.stdout.write(`${keys}\n`);
