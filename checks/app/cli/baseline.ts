/**
 * `--baseline FILE` / `--create-baseline FILE`: findings recorded in a baseline stay visible,
 * marked `baselined`, and do not fail the run; a baseline entry that matches no finding (of a rule
 * that ran) is reported, so that fixed findings are removed from it. Entries are keyed by stable
 * fingerprints — rule, stack, address or file and JSON pointer, system — never line numbers
 * (report/fingerprint.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../core/errors';
import { summarize, type RunResult } from '../../engine/run';
import { baselineIdentity, baselineKey, type BaselineIdentity } from '../report/fingerprint';

export const BASELINE_VERSION = 1;

export interface BaselineEntry extends BaselineIdentity {
  fingerprint: string;
}

export interface BaselineFile {
  tool: 'btyun';
  version: typeof BASELINE_VERSION;
  environment: string;
  asOf: string;
  entries: BaselineEntry[];
}

export function createBaseline(result: RunResult): BaselineFile {
  const byKey = new Map<string, BaselineEntry>();
  for (const f of result.findings) {
    if (f.suppressed) continue;
    const fingerprint = baselineKey(f);
    if (!byKey.has(fingerprint)) byKey.set(fingerprint, { fingerprint, ...baselineIdentity(f) });
  }
  const entries = [...byKey.values()].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  return { tool: 'btyun', version: BASELINE_VERSION, environment: result.environment, asOf: result.asOf, entries };
}

export function renderBaseline(b: BaselineFile): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/** Reads and checks a baseline file: bad input (exit 2) with the file named when it is not one. */
export function readBaseline(file: string, cwd: string): BaselineEntry[] {
  const abs = path.resolve(cwd, file);
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(abs, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([{ file, message: code === 'ENOENT' ? 'baseline file not found' : code !== undefined ? `cannot read the baseline (${code})` : `not a JSON baseline: ${(e as Error).message}` }]);
  }
  const d = doc as Partial<BaselineFile> | null;
  if (d === null || typeof d !== 'object' || d.tool !== 'btyun' || d.version !== BASELINE_VERSION || !Array.isArray(d.entries)) {
    throw new InputError([{ file, message: `not a btyun baseline (expected { "tool": "btyun", "version": ${BASELINE_VERSION}, "entries": [...] }; create one with --create-baseline)` }]);
  }
  const out: BaselineEntry[] = [];
  d.entries.forEach((e, i) => {
    if (e === null || typeof e !== 'object' || typeof e.ruleId !== 'string') throw new InputError([{ file, path: `/entries/${i}`, message: 'an entry needs at least a ruleId' }]);
    for (const k of ['stack', 'address', 'file', 'path', 'system'] as const) {
      if (e[k] !== undefined && typeof e[k] !== 'string') throw new InputError([{ file, path: `/entries/${i}/${k}`, message: `${k} must be a string` }]);
    }
    // The key is recomputed from the identity: a hand-edited entry is matched by what it says.
    const id: BaselineIdentity = { ruleId: e.ruleId, ...(e.stack !== undefined ? { stack: e.stack } : {}), ...(e.address !== undefined ? { address: e.address } : {}), ...(e.file !== undefined ? { file: e.file } : {}), ...(e.path !== undefined ? { path: e.path } : {}), ...(e.system !== undefined ? { system: e.system } : {}) };
    out.push({ fingerprint: baselineKey(id), ...id });
  });
  return out;
}

function describeEntry(e: BaselineEntry): string {
  return [e.ruleId, e.stack, e.address ?? (e.file !== undefined ? `${e.file}#${e.path ?? ''}` : undefined), e.system].filter((x) => x !== undefined).join(' ');
}

/** Marks the baselined findings; returns the result and the entries (of rules that ran) that matched nothing. */
export function applyBaseline(result: RunResult, entries: readonly BaselineEntry[]): { result: RunResult; unmatched: string[] } {
  const keys = new Set(entries.map((e) => e.fingerprint));
  const matched = new Set<string>();
  const findings = result.findings.map((f) => {
    const k = baselineKey(f);
    if (!keys.has(k)) return { ...f, baselined: false };
    matched.add(k);
    return { ...f, baselined: true };
  });
  const ran = new Set(result.rules.map((r) => r.id));
  const unmatched = entries.filter((e) => ran.has(e.ruleId) && !matched.has(e.fingerprint)).map(describeEntry);
  return { result: { ...result, findings, summary: summarize(findings, result.summary.resources, result.summary.rulesEvaluated) }, unmatched };
}
