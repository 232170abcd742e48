/**
 * The three ways to declare policy (cdk-nag / Checkov shape): metadata + a pure function.
 *
 * - `defineResourceRule({ kinds, levels, judge })` — a rule that judges one resource at a time: the
 *   engine iterates the resources of those kinds, applies the level filter and `inputs`, and counts
 *   every resource it hands to `judge` (checks/engine/evaluate-rule.ts).
 * - `defineRule({ check })` — a cross-resource or model rule: `check(ctx)` sees everything and counts
 *   what it judged with `ctx.evaluated(n)`.
 * - `definePack({ id, prefix, title, authority, rules })` — the one source of a pack's identity:
 *   the catalogue (policies/index.ts), rule-id patterns, titles and help text derive from it.
 *
 * Metadata is checked once at load, so a malformed rule fails the build's tests, not a user's run.
 */
import { evaluateRule, type ResourceJudge } from '../../checks/engine/evaluate-rule';
import type { ControlsByLevel } from '../../checks/engine/controls';
import type { LocalizedText, MlpsLevel, PackId, RawFinding, Rule, RuleContext } from '../../checks/engine/types';
import { levelOfClause } from './mlps-controls';

/** What every rule declares. */
export interface RuleMeta {
  readonly id: string;
  readonly pack: PackId;
  readonly severity: Rule['severity'];
  readonly title: LocalizedText;
  /** The summary clause (catalogue, rules without controls); a finding cites its level's controls. */
  readonly clause: string;
  readonly levels: readonly MlpsLevel[];
  /** Per level the rule applies to, its 等保 controls (`mlpsControls(…)`; `NO_COUNTERPART` where the standard has none). */
  readonly controls?: ControlsByLevel;
  /** A statute cited at every level with the controls (Rule.statute). */
  readonly statute?: string;
  readonly remediation: LocalizedText;
  readonly inputs: Rule['inputs'];
}

export interface CheckRuleSpec extends RuleMeta {
  check(ctx: RuleContext): RawFinding[];
}

export interface ResourceRuleSpec extends Omit<RuleMeta, 'inputs'> {
  /** Canonical resource kinds (`deployment`, `pod`, … — `_v1` and unversioned types alike). */
  readonly kinds: readonly string[];
  /** Default `['configuration']`. */
  readonly inputs?: Rule['inputs'];
  /** Findings about one resource, judged at its MLPS level (one of `levels`). */
  readonly judge: ResourceJudge;
}

const RULE_ID = /^[A-Z][A-Z0-9]*-\d{3}$/;

function checkMeta(rule: RuleMeta): void {
  if (!RULE_ID.test(rule.id)) throw new Error(`rule id ${rule.id} does not follow PACK-NNN`);
  if (!rule.title.zh || !rule.title.en || !rule.remediation.zh || !rule.remediation.en || !rule.clause) {
    throw new Error(`rule ${rule.id} lacks a title, remediation or clause`);
  }
  if (rule.levels.length === 0) throw new Error(`rule ${rule.id} applies to no MLPS level`);
  if (rule.inputs.length === 0) throw new Error(`rule ${rule.id} reads nothing (inputs)`);
  if (rule.controls !== undefined) checkControls(rule.id, rule.levels, rule.controls);
}

/** Controls for exactly the rule's levels, each from the chapter of its level (level 2 → chapter 7). */
function checkControls(id: string, levels: readonly MlpsLevel[], controls: ControlsByLevel): void {
  const keys = Object.keys(controls).map(Number).sort();
  if (keys.join() !== [...levels].sort().join()) throw new Error(`rule ${id}: controls are given for levels ${keys.join(',')}, the rule applies to ${levels.join(',')}`);
  for (const level of levels) {
    for (const c of controls[level] ?? []) {
      if (levelOfClause(c.clause) !== level) throw new Error(`rule ${id}: ${c.clause} is not a level-${level} clause`);
    }
  }
}

export function defineRule(spec: CheckRuleSpec): Rule {
  checkMeta(spec);
  const body = { inputs: spec.inputs, levels: spec.levels, check: spec.check };
  return Object.freeze({
    ...spec,
    evaluate: (ctx: RuleContext) => evaluateRule(body, ctx),
    check: (ctx: RuleContext) => evaluateRule(body, ctx).findings,
  });
}

export function defineResourceRule(spec: ResourceRuleSpec): Rule {
  const inputs = spec.inputs ?? (['configuration'] as const);
  const meta = { ...spec, inputs };
  checkMeta(meta);
  if (spec.kinds.length === 0) throw new Error(`resource rule ${spec.id} judges no kind`);
  const body = { inputs, levels: spec.levels, kinds: spec.kinds, judge: spec.judge };
  const { judge: _judge, ...rest } = meta;
  return Object.freeze({
    ...rest,
    kinds: Object.freeze([...spec.kinds]),
    evaluate: (ctx: RuleContext) => evaluateRule(body, ctx),
    check: (ctx: RuleContext) => evaluateRule(body, ctx).findings,
  });
}

/** A rule pack: the one place its identity is written. */
export interface Pack {
  /** `k8s` — policy.yaml `packs`, `--packs`, the `pack` of every finding. */
  readonly id: PackId;
  /** `K8S` — the prefix of its rule ids (`K8S-001`). */
  readonly prefix: string;
  readonly title: LocalizedText;
  /** What the pack enforces, as an assessor cites it. */
  readonly authority: string;
  /** In id order. */
  readonly rules: readonly Rule[];
}

export function definePack(pack: Pack): Pack {
  if (!/^[a-z][a-z0-9]*$/.test(pack.id)) throw new Error(`pack id ${pack.id} is not lower-case letters and digits`);
  if (pack.prefix !== pack.id.toUpperCase()) throw new Error(`pack ${pack.id}: prefix ${pack.prefix} is not its id in capitals`);
  if (pack.rules.length === 0) throw new Error(`pack ${pack.id} has no rule`);
  let previous = '';
  for (const r of pack.rules) {
    if (r.pack !== pack.id || !r.id.startsWith(`${pack.prefix}-`)) throw new Error(`rule ${r.id} is not in pack ${pack.id}`);
    if (r.id <= previous) throw new Error(`pack ${pack.id}: ${r.id} is out of id order (after ${previous})`);
    previous = r.id;
  }
  return Object.freeze({ ...pack, rules: Object.freeze([...pack.rules]) });
}

/** Levels helpers for readability: `fromLevel(3)` → [3, 4]; `ALL_LEVELS` → [1, 2, 3, 4]. */
export const ALL_LEVELS = [1, 2, 3, 4] as const;
export function fromLevel(min: 1 | 2 | 3 | 4): (1 | 2 | 3 | 4)[] {
  return ALL_LEVELS.filter((l) => l >= min);
}
