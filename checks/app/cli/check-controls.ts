/**
 * The controls of `btyun check` beyond the session (CLI.md): `--skip-rules`, `--fail-on none`,
 * `--compact`, `--quiet`, `--baseline` / `--create-baseline`, and progress on stderr while the
 * stacks are synthesized (only when stderr is a terminal).
 */
import { ALL_RULES } from '../../../policies';
import { UsageError } from '../../core/errors';
import { summarize, type RunResult } from '../../engine/run';
import { SEVERITIES, type Severity } from '../../engine/types';
import { renderBaseline, createBaseline, applyBaseline, readBaseline } from './baseline';
import { writeAtomically } from '../report/output';
import { boolFlag, didYouMean, listFlag, severityFlag, stringFlag, type FlagSpec, type ParsedArgs } from './args';
import type { CommandIO } from './io';

export const CONTROL_FLAGS: Record<string, FlagSpec> = {
  'skip-rules': { type: 'list' },
  compact: { type: 'bool' },
  quiet: { type: 'bool' },
  baseline: { type: 'string' },
  'create-baseline': { type: 'string' },
};

export interface CheckControls {
  skipRules: Set<string>;
  softFail: boolean;
  compact: boolean;
  quiet: boolean;
  baseline?: string;
  createBaseline?: string;
}

/** `--fail-on` case-insensitive; `none` → undefined with `soft` set (report everything, exit 0). */
export function parseFailOn(args: ParsedArgs): { failOn?: Severity; soft: boolean } {
  const v = stringFlag(args, 'fail-on');
  if (v === undefined) return { soft: false };
  const s = severityFlag('fail-on', v, [...SEVERITIES, 'none'] as const);
  return s === 'none' ? { soft: true } : { failOn: s, soft: false };
}

export function controlsFrom(args: ParsedArgs): CheckControls {
  const known = new Set(ALL_RULES.map((r) => r.id));
  const skip = new Set<string>();
  for (const id of listFlag(args, 'skip-rules') ?? []) {
    const up = id.toUpperCase();
    if (!known.has(up)) throw new UsageError(`--skip-rules: unknown rule id '${id}'${didYouMean(up, [...known])} (see \`btyun rules\`)`);
    skip.add(up);
  }
  const baseline = stringFlag(args, 'baseline');
  const createBaseline = stringFlag(args, 'create-baseline');
  return {
    skipRules: skip,
    softFail: parseFailOn(args).soft,
    compact: boolFlag(args, 'compact'),
    quiet: boolFlag(args, 'quiet'),
    ...(baseline !== undefined ? { baseline } : {}),
    ...(createBaseline !== undefined ? { createBaseline } : {}),
  };
}

/** The result without the skipped rules (their findings and counts). */
export function withoutSkipped(result: RunResult, skip: ReadonlySet<string>): RunResult {
  if (skip.size === 0) return result;
  const rules = result.rules.filter((r) => !skip.has(r.id));
  const findings = result.findings.filter((f) => !skip.has(f.ruleId));
  const evaluated = Object.fromEntries(Object.entries(result.evaluated).filter(([id]) => !skip.has(id)));
  return { ...result, rules, findings, evaluated, summary: summarize(findings, result.summary.resources, rules.length), ruleErrors: result.ruleErrors.filter((e) => !skip.has(e.ruleId)) };
}

/** Skip, baseline (mark; report entries that match nothing on stderr), create a baseline. */
export function applyControls(result: RunResult, c: CheckControls, io: CommandIO, command: string): { result: RunResult; unmatched: string[] } {
  let out = withoutSkipped(result, c.skipRules);
  let unmatched: string[] = [];
  if (c.baseline !== undefined) {
    const applied = applyBaseline(out, readBaseline(c.baseline, io.cwd));
    out = applied.result;
    unmatched = applied.unmatched;
    for (const u of unmatched) io.stderr(`btyun ${command}: ${c.baseline}: baseline entry matches no finding (fixed? remove it): ${u}\n`);
  }
  if (c.createBaseline !== undefined) {
    const b = createBaseline(out);
    writeAtomically(c.createBaseline, renderBaseline(b), io.cwd);
    io.stderr(`btyun ${command}: wrote baseline ${c.createBaseline} (${b.entries.length} entries)\n`);
  }
  return { result: out, unmatched };
}

/**
 * Runs `work` with a progress line on stderr — elapsed seconds, redrawn in place — when stderr is
 * a terminal; nothing otherwise (CI logs and pipes stay clean).
 */
export async function withProgress<T>(io: CommandIO, label: string, work: () => Promise<T>): Promise<T> {
  if (io.stderrIsTTY !== true) return work();
  const start = Date.now();
  const draw = (): void => {
    io.stderr(`\r\x1b[2K${label} … ${Math.round((Date.now() - start) / 1000)} s`);
  };
  draw();
  const timer = setInterval(draw, 1000);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    io.stderr('\r\x1b[2K');
  }
}
