/**
 * The floor for `btyun validate`: a node process that only reads an environment's five YAML
 * documents and parses them with js-yaml's plain `load` (the parser btyun's loader is built on,
 * without source positions, schema, cross-references or the loader's safety checks) — the fastest
 * YAML parse at hand (the `yaml` package takes ≈ 5× longer on the same documents). Validation
 * cannot be faster than reading its input.
 * Usage: node dist/bench/floor-yaml.js ENV_DIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { DOCUMENT_NAMES } from '../checks/core/types';

const dir = process.argv[2];
let keys = 0;
for (const doc of DOCUMENT_NAMES) keys += Object.keys((load(fs.readFileSync(path.join(dir, `${doc}.yaml`), 'utf8'), { schema: CORE_SCHEMA }) ?? {}) as object).length;
process.stdout.write(`${keys}\n`);
