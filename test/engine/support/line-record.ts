/**
 * The lines the readers give each rule fixture (test/rules/): every resource and every
 * configuration problem, as text records, with a hash of the case's files. finding-lines.test.ts
 * compares them with the record made before the line numbers moved into the one JSON key scan
 * (normalize/json-keys.ts), for every case whose files are still the recorded ones. Regenerate
 * (`npx vite-node test/engine/support/write-line-record.ts`) only when a change of lines is intended.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCodePoints } from '../../../checks/core/order';
import type { RuleContext } from '../../../checks/engine/types';
import { discoverCases, prepareCase, type FixtureCase } from '../../helpers/fixture-case';

export interface CaseLines {
  /** sha256 of the case folder's files (names and contents). */
  readonly files: string;
  readonly lines: readonly string[];
}

function filesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesOf(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export function caseFilesHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of filesOf(dir).sort(compareCodePoints)) h.update(`${path.relative(dir, f)}\u0000${fs.readFileSync(f, 'utf8')}\u0000`);
  return h.digest('hex');
}

/** `resource STACK ADDRESS FILE:LINE` and `problem RULE ADDRESS FILE:LINE`, sorted. */
export function linesOf(ctx: RuleContext): string[] {
  const out: string[] = [];
  for (const r of ctx.resources.all) out.push(`resource ${r.stack} ${r.address} ${r.file}:${r.line ?? '-'}`);
  for (const p of ctx.configurationProblems) out.push(`problem ${p.rule} ${p.address ?? '-'} ${p.file}:${p.line ?? '-'}`);
  return out.sort(compareCodePoints);
}

export const caseKey = (c: FixtureCase): string => `${c.ruleId}/${c.name}`;

export async function fixtureLineRecord(): Promise<Record<string, CaseLines>> {
  const out: Record<string, CaseLines> = {};
  for (const c of discoverCases()) out[caseKey(c)] = { files: caseFilesHash(c.dir), lines: linesOf((await prepareCase(c)).ctx) };
  return out;
}
