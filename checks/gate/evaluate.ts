/**
 * The gate's one decision, shared by both integrations: run the checks over the Terraform JSON
 * of every stack, and keep the unsuppressed findings at or above fail-on that concern the stacks
 * being synthesized — their resources, model findings about their centers, and model findings
 * about no center in particular (those concern every stack).
 */
import { ALL_RULES } from '../../policies';
import { normalizeTerraformJson } from '../engine/normalize/terraform-json';
import { blockingFindings, runChecks, type RunResult } from '../engine/run';
import { selectRules } from '../engine/select';
import type { Finding, Rule, Severity } from '../engine/types';
import { UsageError } from '../model/errors';
import type { Environment } from '../model/types';
import { renderText } from '../report/text';

export interface GateOptions {
  /** Check date; default today (UTC). */
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

/** Refusal of the gate: one line (the findings are printed before it). A UsageError, so the CLI entry prints it without a trace. */
export class PolicyGateError extends UsageError {
  constructor(readonly findings: readonly Finding[], failOn: Severity, stacks: readonly string[]) {
    super(`policy gate refused ${stacks.join(', ')}: ${findings.length} finding(s) at or above ${failOn} (合规检查未通过，拒绝部署); see the findings above`);
    this.name = 'PolicyGateError';
  }
}

export function evaluateGate(env: Environment, stackJson: ReadonlyMap<string, unknown>, gated: readonly string[], opts: GateOptions = {}): GateDecision {
  const resources = [...stackJson.entries()].flatMap(([id, json]) => normalizeTerraformJson(json, id, `stacks/${id}/cdk.tf.json`));
  const result = runChecks({
    env,
    resources,
    hasConfiguration: true,
    rules: opts.rules ?? selectRules(ALL_RULES, { defaultPacks: env.policy.packs }),
    asOf: opts.asOf ?? new Date().toISOString().slice(0, 10),
    failOn: opts.failOn,
    knownRuleIds: ALL_RULES.map((r) => r.id),
  });
  const mine = new Set(gated);
  const blocking = blockingFindings(result).filter((f) =>
    f.stack !== undefined ? mine.has(f.stack) : f.center !== undefined && stackJson.has(f.center) ? mine.has(f.center) : true,
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
