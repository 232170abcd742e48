/**
 * One check session, shared by `btyun check`, `btyun report` and tests: load the environment,
 * select the rules, read (or synthesize) the configuration, run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ALL_RULES } from '../../policies';
import { loadEnvironment } from '../model/load';
import type { Environment, Severity } from '../model/types';
import { loadConfiguration, loadSynthDir } from './load-configuration';
import { runChecks, type RunResult } from './run';
import { selectRules } from './select';
import type { ConfigurationSource, Resource } from './types';

export interface SessionOptions {
  envRef: string;
  source: ConfigurationSource;
  packs?: string[];
  rules?: string[];
  failOn?: Severity;
  asOf: string;
  cwd: string;
}

/**
 * Synthesizes the environment's stacks into a temporary folder and reads them back. Files are
 * shown relative to that folder (`stacks/<stack>/cdk.tf.json`), so output does not depend on the
 * temporary name.
 */
export async function synthesizeAndLoad(env: Environment, asOf: string): Promise<Resource[]> {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-check-'));
  try {
    // Loaded lazily: only this path pays for cdktf and the provider bindings.
    const { synthEnvironmentParallel } = await import('../../stacks/parallel/pool.js');
    // One worker process per core (as `btyun synth`); the same bytes as a serial synthesis.
    await synthEnvironmentParallel(env, { outDir, asOf, source: { envDir: env.dir, cwd: process.cwd() } });
    return loadSynthDir('.', outDir);
  } finally {
    fs.rmSync(outDir, { recursive: true, force: true });
  }
}

export async function runSession(opts: SessionOptions): Promise<RunResult> {
  const env = loadEnvironment(opts.envRef, { cwd: opts.cwd });
  // Selection errors (unknown pack/rule) come before any slow work.
  const rules = selectRules(ALL_RULES, { packs: opts.packs, rules: opts.rules, defaultPacks: env.policy.packs });
  const resources = opts.source.kind === 'none' ? await synthesizeAndLoad(env, opts.asOf) : await loadConfiguration(opts.source, opts.cwd);
  return runChecks({ env, resources, hasConfiguration: true, rules, asOf: opts.asOf, failOn: opts.failOn, knownRuleIds: ALL_RULES.map((r) => r.id) });
}
