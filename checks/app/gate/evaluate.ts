/** The gate's one decision: the same checks as `btyun check`, on what is about to be written. */
import { ALL_RULES } from '../../../policies';
import { normalizeTerraformJson } from '../../engine/normalize/terraform-json';
import { templatesOutsideResources } from '../../engine/template-problems';
import { reviewPolicy } from '../../engine/effective-policy';
import { blockingFindings, runChecks, type RunResult } from '../../engine/run';
import { selectRules } from '../../engine/select';
import type { Finding, Rule, Severity } from '../../engine/types';
import { todayUtc } from '../../core/dates';
import { UsageError } from '../../core/errors';
import type { Environment } from '../../core/types';
import { renderText } from '../report/text';

export interface GateOptions {
  /**
   * The gate's date. The commands never set it: the gate judges as of today (UTC), and no variable
   * or flag moves that date (`--as-of` is for `check` and `migration` only). Tests pin it.
   */
  asOf?: string;
  /** Default: the policy's failOn. */
  failOn?: Severity;
  /** Default: the rules of the policy's packs. */
  rules?: readonly Rule[];
  /** Where the findings are printed; default process.stderr. */
  log?: (s: string) => void;
}

export interface GateDecision {
  result: RunResult;
  /** Blocking findings of the gated stacks. */
  blocking: Finding[];
}

/** Refusal of the gate: one line (the findings are printed before it). Exit 1, like `check` with findings. */
export class PolicyGateError extends UsageError {
  constructor(readonly findings: readonly Finding[], failOn: Severity, stacks: readonly string[]) {
    super(`policy gate refused ${stacks.join(', ')}: ${findings.length} finding(s) at or above ${failOn} (合规检查未通过，拒绝部署); see the findings above`);
    this.name = 'PolicyGateError';
  }
}

/**
 * Runs the checks and keeps the unsuppressed findings at or above fail-on that concern the gated
 * stacks: their resources, model findings about their centers, and model findings about no center
 * in particular (those concern every stack). Without `stackJson`, only the model is judged (the
 * model gate, before any stack is built).
 */
export function evaluateGate(env: Environment, stackJson: ReadonlyMap<string, unknown> | undefined, gated: readonly string[], opts: GateOptions = {}): GateDecision {
  const stacks = [...(stackJson ?? new Map<string, unknown>()).entries()];
  const resources = stacks.flatMap(([id, json]) => normalizeTerraformJson(json, id, `stacks/${id}/cdk.tf.json`));
  const result = runChecks({
    env,
    resources,
    configurationProblems: stacks.flatMap(([id, json]) => templatesOutsideResources(json, id, `stacks/${id}/cdk.tf.json`)),
    hasConfiguration: stackJson !== undefined,
    rules: opts.rules ?? selectRules(ALL_RULES, { defaultPacks: reviewPolicy(env.policy, opts.asOf ?? todayUtc(), ALL_RULES).effective.packs }),
    asOf: opts.asOf ?? todayUtc(),
    failOn: opts.failOn,
    knownRuleIds: ALL_RULES.map((r) => r.id),
    catalogue: ALL_RULES,
  });
  const mine = new Set(gated);
  const centers = new Set(env.topology.centers.map((c) => c.id));
  const blocking = blockingFindings(result).filter((f) =>
    f.stack !== undefined ? mine.has(f.stack) : f.center !== undefined && centers.has(f.center) ? mine.has(f.center) : true,
  );
  return { result, blocking };
}

/** Prints the blocking findings and rule errors (text report) once. */
export function printDecision(d: GateDecision, log: (s: string) => void = (s) => process.stderr.write(s)): void {
  for (const e of d.result.ruleErrors) log(`btyun policy gate: internal error in rule ${e.ruleId}: ${e.message}\n`);
  if (d.blocking.length === 0) return;
  log(`btyun policy gate: ${d.blocking.length} finding(s) at or above ${d.result.failOn} block synth/deploy 阻断部署\n`);
  log(renderText({ ...d.result, findings: d.blocking }, { color: false }));
}
