/**
 * One check session, shared by `btyun check`, `btyun report` and tests: load the environment,
 * select the rules, read (or synthesize) the configuration, run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_RULES } from '../../policies';
import { loadEnvironment } from '../core/load';
import type { Environment, Severity } from '../core/types';
import { InputError, type InputProblem } from '../core/errors';
import { loadConfiguration, type LoadedConfiguration } from '../engine/load-configuration';
import { reviewPolicy } from '../engine/effective-policy';
import { runChecks, type RunResult } from '../engine/run';
import { selectRules } from '../engine/select';
import type { ConfigurationProblem, ConfigurationSource } from '../engine/types';
import { verifySynthRecord } from '../engine/verify-synth-record';

export interface SessionOptions {
  envRef: string;
  source: ConfigurationSource;
  packs?: string[];
  rules?: string[];
  failOn?: Severity;
  asOf: string;
  cwd: string;
  /** Record what each rule judged per system (the control matrix of `report`). */
  recordCoverage?: boolean;
}

/**
 * Synthesizes the environment's stacks into a temporary folder and reads them back. Files are
 * shown relative to that folder (`stacks/<stack>/cdk.tf.json`), so output does not depend on the
 * temporary name. A model the stacks refuse to build is not bad input here: it is returned as a
 * CFG-001 problem (nothing of the stacks could be checked), so that the model rules still report
 * what the model says (MLPS-016, MLPS-007, …) and `check` exits 1, not 2.
 */
export async function synthesizeAndLoad(env: Environment, asOf: string): Promise<LoadedConfiguration & { synthesized: boolean }> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-check-'));
  try {
    // Loaded lazily: only this path pays for cdktf and the provider bindings.
    const { synthEnvironmentParallel } = await import('../../stacks/parallel/pool.js');
    const { StackRefusal } = await import('../../stacks/refuse.js');
    const { UNGATED_TEMPORARY_OUTPUT } = await import('../../stacks/synth.js');
    try {
      // As `btyun synth`: a worker pool from POOL_MIN_SYSTEMS on, handed this process's parsed
      // model (the environment is read once); the same bytes as a serial synthesis.
      await synthEnvironmentParallel(env, { outDir, asOf, gate: UNGATED_TEMPORARY_OUTPUT, source: { envDir: env.dir, cwd: process.cwd() } });
    } catch (e) {
      if (!(e instanceof StackRefusal)) throw e;
      return { resources: [], problems: e.problems.map(refusalProblem), synthesized: false };
    }
    return { ...(await loadConfiguration({ kind: 'synth', dir: '.' }, outDir)), synthesized: true };
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

function refusalProblem(p: InputProblem): ConfigurationProblem {
  return {
    rule: 'CFG-001',
    file: p.file,
    ...(p.line !== undefined ? { line: p.line } : {}),
    message: {
      zh: `栈拒绝构建该模型（${p.path ?? ''}）：${p.message}；未合成任何配置，资源类规则未能检查`,
      en: `the stacks refuse to build this model (${p.path ?? ''}): ${p.message}; no configuration was synthesized, so no resource rule could judge it`,
    },
  };
}

export async function runSession(opts: SessionOptions): Promise<RunResult> {
  return (await runSessionWithModel(opts)).result;
}

/** A session's result with the environment it judged (the report draws the model too). */
export async function runSessionWithModel(opts: SessionOptions): Promise<{ result: RunResult; env: Environment }> {
  const env = loadEnvironment(opts.envRef, { cwd: opts.cwd });
  // Selection errors (unknown pack/rule) come before any slow work. The effective policy's packs:
  // a pack left out without an approval still runs (EXC-003).
  const rules = selectRules(ALL_RULES, { packs: opts.packs, rules: opts.rules, defaultPacks: reviewPolicy(env.policy, opts.asOf, ALL_RULES).effective.packs });
  let loaded: LoadedConfiguration;
  let hasConfiguration = true;
  if (opts.source.kind === 'none') {
    const synth = await synthesizeAndLoad(env, opts.asOf);
    // Fail closed: a refusal nobody reports (CFG-001 not selected) would be a pass of unchecked stacks.
    if (!synth.synthesized && !rules.some((r) => r.id === 'CFG-001')) {
      throw new InputError(synth.problems.map((p) => ({ file: p.file, line: p.line, message: p.message.en })));
    }
    loaded = synth;
    hasConfiguration = synth.synthesized;
  } else {
    loaded = await loadConfiguration(opts.source, opts.cwd);
    if (opts.source.kind === 'synth') loaded = { ...loaded, problems: [...loaded.problems, ...verifySynthRecord(opts.source.dir, opts.cwd, env)] };
  }
  const result = runChecks({
    env,
    resources: loaded.resources,
    configurationProblems: loaded.problems,
    hasConfiguration,
    rules,
    asOf: opts.asOf,
    failOn: opts.failOn,
    knownRuleIds: ALL_RULES.map((r) => r.id),
    catalogue: ALL_RULES,
    ...(opts.recordCoverage === true ? { recordCoverage: true } : {}),
  });
  return { result, env };
}
