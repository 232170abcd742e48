/**
 * `runChecks`: evaluates the selected rules once over the environment and the configuration,
 * then adds rule metadata, file positions, severity overrides, suppressions, the secret mask,
 * sorting and the summary. Pure: no I/O.
 *
 * The rules judge with the effective policy (effective-policy.ts): a weakening setting without an
 * approval takes no effect. Rules that read findings (`inputs: ['findings']`, EXC-002) run in a
 * second phase, after every other rule, with those rules' findings (suppressions applied) in
 * `ctx.priorFindings`: they stay pure functions of their context.
 */
import { InputError, type InputProblem } from '../core/errors';
import type { Environment, MlpsLevel, Severity } from '../core/types';
import { VERSION } from '../core/version';
import { overriddenSeverity, reviewPolicy, withEffectivePolicy, type PolicyReview } from './effective-policy';
import { hasInput } from './evaluate-rule';
import { findingCitation } from './citation';
import { originOf } from './finding-location';
import { buildResourceIndex } from './resource-index';
import { collectSecrets, makeMasker, type Masker } from './secrets';
import { sortFindings } from './sort';
import { applySuppressions } from './suppress';
import { severityRank, type CheckResult, type ConfigurationProblem, type EvaluatedBySystem, type Finding, type PriorFindings, type RawFinding, type Resource, type Rule, type RuleContext } from './types';

export interface RunInput {
  env: Environment;
  resources: readonly Resource[];
  hasConfiguration: boolean;
  /** What the readers of the configuration could not read or verify (CFG rules report them). */
  configurationProblems?: readonly ConfigurationProblem[];
  rules: readonly Rule[];
  asOf: string;
  /** Default: the policy's failOn. */
  failOn?: Severity;
  /** The catalogue's rule ids (RuleContext.knownRuleIds), e.g. for EXC-001; absent: not checked. */
  knownRuleIds?: Iterable<string>;
  /**
   * The whole catalogue, for the default severity of every rule (EXC-003 judges an override below
   * the default also for a rule that is not selected). Default: `rules`.
   */
  catalogue?: readonly Rule[];
  /** Record what each rule judged per system (`CheckResult.evaluatedBySystem`, for the control matrix). */
  recordCoverage?: boolean;
}

/** A rule that threw: reported as one line naming the rule; the other rules still run. */
export interface RuleError {
  ruleId: string;
  message: string;
}

export interface RunResult extends CheckResult {
  /** Rules that threw. Not part of the JSON output; the CLI prints them and exits 2. */
  ruleErrors: RuleError[];
}

function makeLevelOf(env: Environment): (r: Resource) => MlpsLevel {
  const bySystem = new Map<string, MlpsLevel>();
  for (const s of env.inventory.systems) if (s.mlps?.level !== undefined) bySystem.set(s.id, s.mlps.level);
  return (r) => r.level ?? (r.system !== undefined ? bySystem.get(r.system) : undefined) ?? env.policy.defaultMlpsLevel;
}

function omitUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function toFinding(rule: Rule, raw: RawFinding, env: Environment, review: PolicyReview): Finding {
  const r = raw.resource;
  const pos = raw.doc !== undefined && raw.path !== undefined ? env.locate(raw.doc, raw.path) : undefined;
  const severity = overriddenSeverity(review, rule.id, raw.severity ?? rule.severity);
  return omitUndefined<Finding>({
    ruleId: rule.id,
    severity,
    // Every output shows what the rule would have said: an override is never invisible.
    defaultSeverity: severity !== rule.severity ? rule.severity : undefined,
    pack: rule.pack,
    title: rule.title.en,
    titleZh: rule.title.zh,
    message: raw.message.en,
    messageZh: raw.message.zh,
    // The clause of the judged level (chapter 7 for a level-2 system …), with that level and its controls.
    ...findingCitation(rule, raw, env),
    remediation: rule.remediation.en,
    remediationZh: rule.remediation.zh,
    stack: r?.stack ?? raw.location?.stack,
    address: r?.address ?? raw.location?.address,
    system: raw.system ?? r?.system,
    center: raw.center ?? r?.center,
    file: r?.file ?? raw.location?.file ?? (raw.doc !== undefined ? env.files[raw.doc] : undefined),
    path: raw.path,
    line: r?.line ?? raw.location?.line ?? pos?.line,
    column: r ? undefined : pos?.column,
    constructPath: r?.constructPath,
    origin: originOf(env, r, { file: r?.file ?? raw.location?.file, stack: raw.location?.stack, system: raw.system, center: raw.center }),
    suppressed: false,
  });
}

function maskFinding(f: Finding, mask: Masker): Finding {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) out[k] = typeof v === 'string' ? mask(v) : v;
  if (f.suppression) out.suppression = { reason: mask(f.suppression.reason), approvedBy: mask(f.suppression.approvedBy), expires: f.suppression.expires };
  return out as unknown as Finding;
}

/** The evidence of the coverage record is shown in reports: masked like every other output string. */
function maskCoverage(coverage: EvaluatedBySystem, mask: Masker): EvaluatedBySystem {
  return Object.fromEntries(Object.entries(coverage).map(([rule, bySystem]) => [rule, Object.fromEntries(Object.entries(bySystem).map(([system, evidence]) => [system, evidence.map(mask)]))]));
}

export function summarize(findings: readonly Finding[], resources: number, rulesEvaluated: number): CheckResult['summary'] {
  const summary: CheckResult['summary'] = { critical: 0, high: 0, medium: 0, low: 0, info: 0, suppressed: 0, resources, rulesEvaluated };
  for (const f of findings) {
    if (f.suppressed) summary.suppressed++;
    else summary[f.severity]++;
  }
  return summary;
}

/**
 * A severity override naming a rule the catalogue does not have would silently change nothing:
 * bad input (exit 2), named by file, line and path.
 */
function checkOverrideIds(env: Environment, known: ReadonlySet<string>): void {
  const problems: InputProblem[] = Object.keys(env.policy.severityOverrides ?? {})
    .filter((id) => !known.has(id))
    .sort()
    .map((id) => {
      const path = `/severityOverrides/${id}`;
      const at = env.locate('policy', path);
      return { file: env.files.policy, ...(at ? { line: at.line, column: at.column } : {}), path, message: `unknown rule id '${id}' (see \`btyun rules\`)` };
    });
  if (problems.length > 0) throw new InputError(problems);
}

/** A rule that judges the other rules' findings: evaluated last. */
function readsFindings(rule: Rule): boolean {
  return rule.inputs.includes('findings');
}

/**
 * The rules whose findings are complete in this run: without a configuration, a rule that reads
 * one saw only part of its input (resource rules stay silent), so its suppressions cannot be judged.
 */
export function judgedRuleIds(rules: readonly Rule[], hasConfiguration: boolean): Set<string> {
  return new Set(rules.filter((r) => hasConfiguration || !r.inputs.includes('configuration')).map((r) => r.id));
}

export function runChecks(input: RunInput): RunResult {
  const { env, rules, asOf } = input;
  if (input.knownRuleIds !== undefined) checkOverrideIds(env, new Set(input.knownRuleIds));
  const review = reviewPolicy(env.policy, asOf, [...(input.catalogue ?? []), ...rules]);
  const policy = review.effective;
  const ctx: RuleContext = Object.freeze({
    ...(input.recordCoverage === true ? { recordsCoverage: true } : {}),
    env: withEffectivePolicy(env, review),
    resources: buildResourceIndex(input.resources),
    hasConfiguration: input.hasConfiguration,
    configurationProblems: input.configurationProblems ?? [],
    asOf,
    levelOf: makeLevelOf(env),
    ...(input.knownRuleIds !== undefined ? { knownRuleIds: new Set(input.knownRuleIds) } : {}),
    policyReview: review,
  });
  const ruleErrors: RuleError[] = [];
  const evaluated: Record<string, number> = {};
  const evaluatedBySystem: Record<string, Readonly<Record<string, readonly string[]>>> = {};
  const evaluate = (phase: readonly Rule[], c: RuleContext): Finding[] => {
    const findings: Finding[] = [];
    for (const rule of phase) {
      let raws: RawFinding[];
      try {
        if (rule.evaluate) {
          const ev = rule.evaluate(c);
          raws = ev.findings;
          if (hasInput(rule, c)) evaluated[rule.id] = ev.evaluated;
          if (ev.judged !== undefined) evaluatedBySystem[rule.id] = ev.judged;
        } else raws = rule.check(c);
      } catch (e) {
        ruleErrors.push({ ruleId: rule.id, message: (e instanceof Error ? e.message : String(e)).split('\n')[0] });
        continue;
      }
      for (const raw of raws) findings.push(toFinding(rule, raw, env, review));
    }
    return applySuppressions(findings, policy.suppressions, asOf, policy.exceptionHorizonDays);
  };
  const first = rules.filter((r) => !readsFindings(r));
  const last = rules.filter(readsFindings);
  const found = evaluate(first, ctx);
  const prior: PriorFindings = { ruleIds: judgedRuleIds(first, input.hasConfiguration), findings: found };
  const late = last.length > 0 ? evaluate(last, Object.freeze({ ...ctx, priorFindings: prior })) : [];
  const mask = makeMasker(collectSecrets(input.resources));
  const final = sortFindings([...found, ...late].map((f) => maskFinding(f, mask)));
  return {
    tool: { name: 'btyun', version: VERSION },
    environment: env.name,
    asOf,
    summary: summarize(final, input.resources.length, rules.length),
    findings: final,
    rules,
    evaluated,
    ...(input.recordCoverage === true ? { evaluatedBySystem: maskCoverage(evaluatedBySystem, mask) } : {}),
    failOn: input.failOn ?? policy.failOn,
    ruleErrors: ruleErrors.map((e) => ({ ruleId: e.ruleId, message: mask(e.message) })),
  };
}

/** Unsuppressed findings at or above `failOn`. */
export function blockingFindings(result: Pick<CheckResult, 'findings' | 'failOn'>): Finding[] {
  const floor = severityRank(result.failOn);
  return result.findings.filter((f) => !f.suppressed && f.baselined !== true && severityRank(f.severity) >= floor);
}

/** 0 nothing at or above failOn; 1 otherwise. (2 is for bad input and rule errors, decided by the CLI.) */
export function exitStatusOf(result: Pick<CheckResult, 'findings' | 'failOn'>): 0 | 1 {
  return blockingFindings(result).length > 0 ? 1 : 0;
}

