/**
 * The deploy gate on a cdktf App: `cdktf synth` — and therefore `cdktf deploy`, which
 * synthesizes first — runs the same checks as `btyun check` on what is being synthesized and
 * refuses while any unsuppressed finding reaches the policy's fail-on severity.
 *
 * How cdktf 0.21 behaves (node_modules/cdktf/lib/app.js, synthesize/synthesizer.js):
 *  1. `App.synth()` prepares every stack, then synthesizes them one by one. A stack's synthesis
 *     invokes the aspects of that stack (app-level aspects are NOT inherited), runs validations,
 *     collects annotations into the manifest and — unless CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS
 *     is set — throws on an error annotation BEFORE writing cdk.tf.json. So the gate is an aspect
 *     on every stack: on the first visit it renders every stack (`toTerraform()`), runs the checks
 *     once over all of them (cross-stack rules need them all) and attaches each blocking finding as
 *     an error annotation to the offending construct (found through the `//` metadata path of the
 *     resource), else to the stack of its center, else to every stack.
 *  2. The cdktf CLI sets CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS=true, so there cdk.tf.json would
 *     be written anyway. An app-level validation (run by `App.synth()` after the stacks and before
 *     the manifest) therefore deletes the offending stacks' cdk.tf.json and fails the synth with one
 *     line per blocking finding: no manifest, no deployable output, non-zero exit.
 * The findings are also printed (text report) on stderr once.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Annotations, Aspects, TerraformStack, type App, type IAspect } from 'cdktf';
import type { IConstruct } from 'constructs';
import type { RunResult } from '../engine/run';
import type { Finding } from '../engine/types';
import type { Environment } from '../model/types';
import { evaluateGate, printDecision, type GateOptions } from './evaluate';

export type PolicyGateOptions = GateOptions;

/** One line per blocking finding, as annotations and the validation error show it. */
export function gateMessage(f: Finding): string {
  const where = f.address !== undefined ? `${f.stack}/${f.address}` : [f.file, f.path].filter((x) => x !== undefined).join(' ');
  return `${f.ruleId} [${f.severity}] ${f.title} — ${f.message} (${f.titleZh}：${f.messageZh}) @ ${where || 'environment'}; fix: ${f.remediation}`;
}

export class PolicyGate implements IAspect {
  private result: RunResult | undefined;
  private blocking: Finding[] = [];
  /** Blocking lines per offending stack id. */
  private readonly offending = new Map<string, string[]>();

  constructor(
    private readonly app: App,
    private readonly env: Environment,
    private readonly opts: PolicyGateOptions = {},
  ) {}

  visit(node: IConstruct): void {
    if (TerraformStack.isStack(node)) this.evaluate();
  }

  private stacks(): TerraformStack[] {
    return this.app.node.findAll().filter((c): c is TerraformStack => TerraformStack.isStack(c));
  }

  /** Runs the checks once over every stack and annotates the offending constructs. */
  evaluate(): RunResult {
    if (this.result) return this.result;
    const stacks = this.stacks();
    const json = new Map(stacks.map((s) => [s.node.id, s.toTerraform() as unknown] as const));
    const decision = evaluateGate(this.env, json, [...json.keys()], this.opts);
    this.result = decision.result;
    this.blocking = decision.blocking;
    const byPath = new Map(this.app.node.findAll().map((c) => [c.node.path, c] as const));
    const stackById = new Map(stacks.map((s) => [s.node.id, s] as const));
    const annotate = (t: IConstruct, line: string): void => {
      Annotations.of(t).addError(`btyun policy gate: ${line}`);
      const id = TerraformStack.of(t).node.id;
      this.offending.set(id, [...(this.offending.get(id) ?? []), `[${t.node.path}] ${line}`]);
    };
    for (const f of this.blocking) {
      const construct = f.constructPath !== undefined ? byPath.get(f.constructPath) : undefined;
      const stack = f.stack !== undefined ? stackById.get(f.stack) : f.center !== undefined ? stackById.get(f.center) : undefined;
      for (const t of construct ? [construct] : stack ? [stack] : stacks) annotate(t, gateMessage(f));
    }
    // A rule that failed leaves the check incomplete: nothing is deployable.
    for (const e of decision.result.ruleErrors) for (const s of stacks) annotate(s, `internal error in rule ${e.ruleId}: ${e.message}`);
    printDecision(decision, this.opts.log);
    return decision.result;
  }

  /** App-level validation: no deployable output for an offending stack; one line per finding. */
  validate(): string[] {
    this.evaluate();
    const errors: string[] = [];
    for (const s of this.stacks()) {
      const lines = this.offending.get(s.node.id);
      if (!lines) continue;
      fs.rmSync(path.join(this.app.outdir, this.app.manifest.forStack(s).synthesizedStackPath), { force: true });
      errors.push(...lines);
    }
    return errors;
  }

  /** The blocking findings (after evaluation). */
  get findings(): readonly Finding[] {
    return this.blocking;
  }
}

/**
 * Attaches the policy gate to a cdktf app. Call it after every stack is created and before
 * `app.synth()`:
 *
 *   const app = new App();
 *   … create the stacks …
 *   attachPolicyGate(app, env);
 *   app.synth();
 */
export function attachPolicyGate(app: App, env: Environment, opts: PolicyGateOptions = {}): PolicyGate {
  const gate = new PolicyGate(app, env, opts);
  for (const c of app.node.findAll()) if (TerraformStack.isStack(c)) Aspects.of(c).add(gate);
  app.node.addValidation({ validate: () => gate.validate() });
  return gate;
}
