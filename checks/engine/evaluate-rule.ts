/**
 * How the engine runs one rule — the same whoever calls it (runChecks, the fixture runner, a rule's
 * own `check`):
 *  - `inputs`: a rule that reads only the configuration does not run when none was given;
 *  - a resource rule (`kinds` + `judge`): the engine iterates the resources of those kinds, skips
 *    those whose MLPS level the rule does not apply to, and counts every resource judged;
 *  - any other rule (`check`) gets its own counter in the context (`ctx.evaluated(n)`) for the model
 *    entries or resources it judged.
 * The count tells a reader (and a pass fixture) that the rule looked at something.
 */
import type { MlpsLevel } from '../core/types';
import type { JudgedEntry, RawFinding, Resource, RuleContext, RuleEvaluation, Rule } from './types';

/** A resource rule's judgement of one resource at its level. */
export type ResourceJudge = (resource: Resource, ctx: RuleContext, level: MlpsLevel) => RawFinding[];

export interface RuleBody {
  readonly inputs: Rule['inputs'];
  readonly levels: Rule['levels'];
  readonly kinds?: readonly string[];
  readonly judge?: ResourceJudge;
  readonly check?: (ctx: RuleContext) => RawFinding[];
}

/**
 * Whether the rule has anything to read in this run. What the readers could not read is part of the
 * configuration input too: a synthesis the stacks refused leaves no resource, only its problem.
 */
export function hasInput(rule: Pick<Rule, 'inputs'>, ctx: RuleContext): boolean {
  return ctx.hasConfiguration || ctx.configurationProblems.length > 0 || rule.inputs.some((i) => i !== 'configuration');
}

/** Per system, what a rule judged; `told`: whether a model rule said which systems it judged. */
class Coverage {
  readonly bySystem = new Map<string, string[]>();
  told = false;
  add(system: string, evidence: string): void {
    const list = this.bySystem.get(system);
    if (list === undefined) this.bySystem.set(system, [evidence]);
    else list.push(evidence);
  }
  record(): Record<string, readonly string[]> {
    return Object.fromEntries(this.bySystem);
  }
}

export function evaluateRule(rule: RuleBody, ctx: RuleContext): RuleEvaluation {
  if (!hasInput(rule, ctx)) return { findings: [], evaluated: 0 };
  let evaluated = 0;
  const coverage = ctx.recordsCoverage === true ? new Coverage() : undefined;
  if (rule.judge !== undefined) {
    const findings: RawFinding[] = [];
    for (const kind of rule.kinds ?? []) {
      for (const resource of ctx.resources.byKind(kind)) {
        const level = ctx.levelOf(resource);
        if (!rule.levels.includes(level)) continue;
        evaluated++;
        if (coverage !== undefined && resource.system !== undefined) coverage.add(resource.system, `${resource.stack}/${resource.address}`);
        const found = rule.judge(resource, ctx, level);
        // Most resources give no finding: no spread call for them (rules × resources calls).
        if (found.length > 0) findings.push(...found);
      }
    }
    return coverage !== undefined ? { findings, evaluated, judged: coverage.record() } : { findings, evaluated };
  }
  const count = (n = 1, judged?: readonly JudgedEntry[]): void => {
    evaluated += n;
    if (coverage !== undefined && judged !== undefined) {
      coverage.told = true;
      for (const j of judged) coverage.add(j.system, j.evidence);
    }
  };
  const counting: RuleContext = Object.freeze({ ...ctx, evaluated: count });
  const findings = rule.check ? rule.check(counting) : [];
  // A model rule that never said which systems it judged has no recorded coverage (not "judged none").
  return coverage?.told === true ? { findings, evaluated, judged: coverage.record() } : { findings, evaluated };
}
