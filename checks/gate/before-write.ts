/**
 * The gate for `synthEnvironment(env, { beforeWrite })` (stacks/synth.ts): synthEnvironment
 * synthesizes into a temporary folder, hands every stack's Terraform JSON to `beforeWrite`, and
 * only then moves the output into place — so throwing here leaves no new deployable output.
 *
 * Cross-stack rules (DR replicas, audit stores …) need every center: when only some stacks are
 * being synthesized (`cdktf deploy <stack>`), the others are built in memory for the check, but
 * only findings of the synthesized stacks (and of the environment as a whole) block.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { UsageError } from '../model/errors';
import type { Environment } from '../model/types';
import { App } from 'cdktf';
import { buildStacks } from '../../stacks/synth';
import { evaluateGate, PolicyGateError, printDecision, type GateDecision, type GateOptions } from './evaluate';

/** Terraform JSON of stacks that are not being synthesized, built in memory. */
function otherStacks(env: Environment, ids: readonly string[], asOf: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (ids.length === 0) return out;
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-'));
  try {
    const app = new App({ outdir, stackTraces: false });
    for (const s of buildStacks(app, env, ids, asOf)) out.set(s.node.id, s.toTerraform());
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
  return out;
}

export interface BeforeWriteGateOptions extends GateOptions {
  /** The stack ids synthEnvironment synthesizes (selectStacks(env, requested)). */
  stacks: readonly string[];
  /** Called with the decision (tests, tooling). */
  onDecision?: (d: GateDecision) => void;
}

/**
 * A `beforeWrite` callback: collects every synthesized stack's JSON; at the last one, runs the
 * checks and throws PolicyGateError (after printing the findings) when any blocks.
 */
export function policyGateBeforeWrite(env: Environment, opts: BeforeWriteGateOptions): (stackId: string, tfJson: unknown) => void {
  const seen = new Map<string, unknown>();
  return (stackId, tfJson) => {
    seen.set(stackId, tfJson);
    if (!opts.stacks.every((id) => seen.has(id))) return;
    const asOf = opts.asOf ?? new Date().toISOString().slice(0, 10);
    const all = env.topology.centers.map((c) => c.id);
    const others = otherStacks(env, all.filter((id) => !seen.has(id)), asOf);
    const decision = evaluateGate(env, new Map([...seen, ...others]), opts.stacks, { ...opts, asOf });
    opts.onDecision?.(decision);
    printDecision(decision, opts.log);
    if (decision.result.ruleErrors.length > 0) {
      throw new UsageError(`policy gate refused ${opts.stacks.join(', ')}: ${decision.result.ruleErrors.length} rule(s) failed internally, the check is incomplete`);
    }
    if (decision.blocking.length > 0) throw new PolicyGateError(decision.blocking, decision.result.failOn, opts.stacks);
  };
}
