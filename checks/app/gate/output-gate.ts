/**
 * The one gate of every writer of deployable output — `cdktf synth` (the app entry checks/app/cdktf-app.ts,
 * with or without BTYUN_STACKS), `btyun synth`, and so `cdktf deploy`, which synthesizes first:
 *
 *  1. the model gate: the rules judge the environment model before any stack is built, so a model
 *     the stacks must not build (a system above its center's level, one group holding two
 *     administrator roles, …) is refused with the rules' findings, not with a construct's error;
 *  2. the stacks are synthesized into a temporary folder;
 *  3. the output gate: the same checks as `btyun check` on every synthesized stack (the other
 *     centers built in memory, for the cross-center rules); a blocking finding or a rule that failed
 *     refuses, and nothing is written — the previous output stays as it was;
 *  4. the output folder records what it was made from and the gate's verdict (btyun-synth.json).
 *
 * The gate judges as of today (UTC): no variable or flag moves its date.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { todayUtc } from '../../core/dates';
import { UsageError } from '../../core/errors';
import type { Environment } from '../../core/types';
import { SYNTH_RECORD_FILE, type GateVerdict } from '../../core/synth-record';
import type { stacksTerraform as StacksTerraform, SynthResult } from '../../../stacks/synth';
import { evaluateGate, PolicyGateError, printDecision, type GateDecision, type GateOptions } from './evaluate';
import { refuseForeignOutDir } from '../../../stacks/output-folder';
import { workerCount } from '../../../stacks/parallel/plan';
import { reusableStacks } from './reuse-stacks';
import { upToDate } from './up-to-date';

export interface StackGateOptions extends GateOptions {
  /** The stack ids being synthesized (selectStacks(env, requested)). */
  stacks: readonly string[];
  /** Called with each decision (tests, tooling). */
  onDecision?: (d: GateDecision) => void;
}

/** Terraform JSON of stacks that are not being synthesized, built in memory one at a time. */
function otherStacks(env: Environment, ids: readonly string[], asOf: string, build: typeof StacksTerraform): Map<string, unknown> {
  if (ids.length === 0) return new Map();
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-'));
  try {
    return build(env, ids, asOf, outdir);
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** Prints the decision; throws when it refuses. */
function enforce(decision: GateDecision, opts: StackGateOptions): void {
  opts.onDecision?.(decision);
  printDecision(decision, opts.log);
  if (decision.result.ruleErrors.length > 0) {
    throw new UsageError(`policy gate refused ${opts.stacks.join(', ')}: ${decision.result.ruleErrors.length} rule(s) failed internally, the check is incomplete`);
  }
  if (decision.blocking.length > 0) throw new PolicyGateError(decision.blocking, decision.result.failOn, opts.stacks);
}

/** Step 1: the rules judge the model before any stack is built. */
export function gateModel(env: Environment, opts: StackGateOptions): void {
  enforce(evaluateGate(env, undefined, opts.stacks, opts), opts);
}

/** The Terraform JSON of the given stacks (those not being synthesized), by stack id. */
export type OtherStacks = (ids: readonly string[]) => Map<string, unknown>;

/**
 * Step 3, as the `gate` of synthEnvironment / synthEnvironmentParallel: every rule judges the
 * synthesized stacks together with every other center's (`others`: gatherOthers below).
 */
export function policyOutputGate(env: Environment, opts: StackGateOptions, others: OtherStacks): (synthesized: ReadonlyMap<string, unknown>) => GateVerdict {
  return (synthesized) => {
    const asOf = opts.asOf ?? todayUtc();
    const otherIds = env.topology.centers.map((c) => c.id).filter((id) => !synthesized.has(id));
    const decision = evaluateGate(env, new Map([...synthesized, ...others(otherIds)]), opts.stacks, { ...opts, asOf });
    enforce(decision, opts);
    return { checkedBy: 'policy-gate', asOf: decision.result.asOf, failOn: decision.result.failOn, blocking: decision.blocking.length };
  };
}

export interface GatedSynthOptions extends StackGateOptions {
  outDir: string;
  /** Synthesize in worker processes (`btyun synth`); default in process. */
  parallel?: { source: { envDir: string; cwd: string }; workers?: number };
}

/**
 * The other centers' stacks of a partial synthesis, for the gate: taken from the earlier output in
 * the folder when it vouches for them (reuse-stacks.ts); the rest built. With the worker pool
 * (`parallel`, a large environment) they are built before the synthesis, by the pool, into a
 * scratch folder read back: the parent then holds their Terraform JSON, never their construct trees
 * (16 stacks of 4,000 systems built in the parent peaked above 1 GiB), and the cores share the work.
 * Otherwise each is built in memory when the gate asks, one at a time (stacks/synth.ts).
 */
async function gatherOthers(env: Environment, opts: GatedSynthOptions, asOf: string): Promise<{ others: OtherStacks; pooled: boolean }> {
  const { stacksTerraform } = await import('../../../stacks/synth.js');
  const inMemory: OtherStacks = (ids) => {
    if (ids.length === 0) return new Map();
    const reused = reusableStacks(opts.outDir, ids, env, asOf);
    return new Map([...reused, ...otherStacks(env, ids.filter((id) => !reused.has(id)), asOf, stacksTerraform)]);
  };
  const others = env.topology.centers.map((c) => c.id).filter((id) => !opts.stacks.includes(id));
  if (!opts.parallel || others.length === 0) return { others: inMemory, pooled: false };
  const reused = reusableStacks(opts.outDir, others, env, asOf);
  const toBuild = others.filter((id) => !reused.has(id));
  if (toBuild.length === 0 || (opts.parallel.workers ?? workerCount(toBuild.length, env.inventory.systems.length)) < 2) return { others: inMemory, pooled: false };
  const built = await synthesizedElsewhere(env, toBuild, asOf, opts.parallel);
  const ready = new Map([...reused, ...built]);
  const fromReady: OtherStacks = (ids) => {
    const missing = ids.filter((id) => !ready.has(id));
    return new Map([...ids.filter((id) => ready.has(id)).map((id) => [id, ready.get(id)] as const), ...inMemory(missing)]);
  };
  return { others: fromReady, pooled: true };
}

/**
 * `ids` synthesized by the worker pool into a scratch folder, removed afterwards: their Terraform
 * JSON as the synthesis's own (ungated) gate is handed it, read once.
 */
async function synthesizedElsewhere(env: Environment, ids: readonly string[], asOf: string, parallel: NonNullable<GatedSynthOptions['parallel']>): Promise<ReadonlyMap<string, unknown>> {
  const { synthEnvironmentParallel } = await import('../../../stacks/parallel/pool.js');
  const { UNGATED_TEMPORARY_OUTPUT } = await import('../../../stacks/synth.js');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-'));
  let built: ReadonlyMap<string, unknown> = new Map();
  const keep = (stacks: ReadonlyMap<string, unknown>): GateVerdict => {
    built = stacks;
    return UNGATED_TEMPORARY_OUTPUT(stacks);
  };
  try {
    await synthEnvironmentParallel(env, { outDir: path.join(scratch, 'out'), stacks: ids, asOf, gate: keep, ...parallel });
    return built;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Steps 1–4: what every writer of deployable output calls. Step 0: when the output folder already
 * holds exactly what they would write (up-to-date.ts), nothing is rebuilt.
 */
export async function gatedSynthesis(env: Environment, opts: GatedSynthOptions): Promise<SynthResult> {
  const log = opts.log ?? ((s: string) => process.stderr.write(s));
  const asOf = opts.asOf ?? todayUtc();
  // The variable once set the synth date; the gate judges as of today, whatever it says.
  if (process.env.BTYUN_AS_OF !== undefined) log(`btyun policy gate: BTYUN_AS_OF is ignored: the gate judges as of today (${todayUtc()}); --as-of is for btyun check and migration only\n`);
  // Never into a folder that is not btyun's output (and leftovers of dead runs go), up to date or not.
  refuseForeignOutDir(path.resolve(opts.outDir), opts.outDir);
  // A caller's own rule set (tests) is not what the record's verdict was given for.
  if (opts.rules === undefined && upToDate(opts.outDir, opts.stacks, env, asOf, opts.failOn)) {
    log(`btyun policy gate: ${opts.stacks.join(', ')} up to date 已是最新 (gated today by this build from this environment, unchanged since: ${SYNTH_RECORD_FILE}); nothing rebuilt\n`);
    return { stacks: [...opts.stacks], outDir: path.resolve(opts.outDir) };
  }
  gateModel(env, opts);
  // Loaded here, not at the top: the up-to-date case above never loads cdktf.
  const { synthEnvironment } = await import('../../../stacks/synth.js');
  const { others, pooled } = await gatherOthers(env, opts, asOf);
  const gate = policyOutputGate(env, opts, others);
  // The stacks are built for the gate's date.
  const synth = { outDir: opts.outDir, stacks: opts.stacks, gate, ...(opts.asOf !== undefined ? { asOf: opts.asOf } : {}) };
  if (opts.parallel) {
    // Loaded lazily: the pool forks workers only for a parallel synthesis.
    const { synthEnvironmentParallel } = await import('../../../stacks/parallel/pool.js');
    // With the others' trees held here, the requested stacks are built in a worker too.
    return synthEnvironmentParallel(env, { ...synth, ...opts.parallel, evenOne: pooled });
  }
  return synthEnvironment(env, synth);
}
