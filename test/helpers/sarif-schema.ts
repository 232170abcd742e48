/**
 * The OASIS SARIF 2.1.0 schema as published (2.1.0-rtm.5, the text the OASIS Standard adopted),
 * taken from a maintained package — Microsoft's SARIF SDK for JavaScript (@microsoft/jest-sarif,
 * lib/schemas/sarif-2.1.0-rtm.5.json) — never a hand copy. It is a draft-04 schema: compiled with
 * ajv's draft-04 class, all errors, formats checked; its patterns are ECMAScript (non-unicode) regexes,
 * as the schema's `language` pattern needs.
 */
import * as fs from 'node:fs';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

export const SARIF_SCHEMA_FILE = require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

let compiled: ValidateFunction | undefined;

export function sarifValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(fs.readFileSync(SARIF_SCHEMA_FILE, 'utf8'));
  const ajv = new Ajv04({ strict: false, allErrors: true, validateFormats: true, unicodeRegExp: false });
  addFormats(ajv as never);
  compiled = ajv.compile(schema) as unknown as ValidateFunction;
  return compiled;
}
