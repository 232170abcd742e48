/**
 * The effective policy: what the gate enforces, computed here and nowhere else (runChecks, the
 * rule selection of `check`/`report` and of the synth gate, EXC-002, EXC-003).
 *
 * A setting that weakens the gate below the plan's or the law's floor — a severity override below
 * the rule's default, a pack left out of `packs`, fail-on above `high`, audit-log retention under
 * six calendar months (184 days), a carrier-grade floor under 99.99 %, an exception horizon beyond
 * one year — takes effect only with an approval in `policyExceptions` that names the setting and
 * the value, gives a reason and an approver, and expires within the horizon. Without one the floor
 * applies (the override is ignored, the pack runs, fail-on stays high, the parameter keeps the
 * floor) and EXC-003 reports the setting: a weakening is never silent.
 */
import { POLICY_DEFAULTS } from '../core/defaults';
import { deepFreeze } from '../core/freeze';
import type { Environment, PackId, Policy, PolicyException } from '../core/types';
import { approvalProblems } from './exception-approval';
import { severityRank, type LocalizedText, type Rule, type Severity } from './types';

/** The floors: the plan's and the law's values, which are also the defaults. */
export const POLICY_FLOORS = Object.freeze({
  /** medium and below are stricter; only `critical` lets high findings through. */
  failOn: POLICY_DEFAULTS.failOn as Severity,
  /** 网络安全法 (2025 修正) 第二十三条第（三）项: six calendar months, i.e. up to 184 days. */
  auditLogRetentionDays: POLICY_DEFAULTS.auditLogRetentionDays,
  /** 新兵办发〔2017〕187号 二(三): 稳定性达到电信级. */
  carrierGradeAvailability: POLICY_DEFAULTS.carrierGradeAvailability,
  /** A ceiling, not a floor: exceptions are renewed at least yearly. */
  exceptionHorizonDays: POLICY_DEFAULTS.exceptionHorizonDays,
});

/** One setting of policy.yaml that weakens the gate. */
export interface PolicyWeakening {
  /** As `policyExceptions` names it: `/severityOverrides/K8S-001`, `/packs/k8s`, `/failOn`, … */
  setting: string;
  /** Where it is in policy.yaml (a pack left out: the `packs` list). */
  path: string;
  /** What the setting does. */
  weakens: LocalizedText;
  /** What applies instead while it is not approved. */
  instead: LocalizedText;
  /** Index of the approving `policyExceptions` entry; undefined = not approved. */
  approval?: number;
  /** Why no entry approves it (empty when approved). */
  problems: LocalizedText[];
}

/** The policy the gate enforces: every pack named (policy.yaml may leave `packs` out: all of them). */
export type EffectivePolicy = Policy & { packs: PackId[] };

export interface PolicyReview {
  /** The policy the gate enforces. */
  effective: EffectivePolicy;
  /** Every weakening setting, approved or not, in policy order. */
  weakenings: readonly PolicyWeakening[];
  /** `policyExceptions` entries that approve nothing this policy weakens: stale (EXC-002). */
  unusedExceptions: readonly number[];
  /** Rules whose override below the default is approved: it applies as written. */
  approvedLowerings: ReadonlySet<string>;
}

type Catalogue = readonly Pick<Rule, 'id' | 'severity' | 'pack'>[];

/** The packs of a catalogue, in catalogue order. */
export function packsOf(catalogue: Catalogue): PackId[] {
  return [...new Set(catalogue.map((r) => r.pack))];
}

interface Judge {
  exceptions: readonly PolicyException[];
  asOf: string;
  horizonDays: number;
}

function sameValue(a: unknown, b: unknown): boolean {
  return typeof a === typeof b && a === b;
}

/** The approving entry for `setting` (set to `value`), or why there is none. */
function approvalOf(judge: Judge, setting: string, value: string | number | undefined): { approval?: number; problems: LocalizedText[] } {
  const candidates = judge.exceptions.map((e, i) => ({ e, i })).filter(({ e }) => e.setting === setting);
  if (candidates.length === 0) {
    return { problems: [{ en: `no entry of policyExceptions approves ${setting}`, zh: `policyExceptions 中没有批准 ${setting} 的条目` }] };
  }
  let first: LocalizedText | undefined;
  for (const { e, i } of candidates) {
    const problems = approvalProblems(e, judge.asOf, judge.horizonDays);
    if (value !== undefined && e.value === undefined) problems.push({ path: '/value', en: 'does not say which value it approves (value)', zh: '未写明所批准的取值（value）' });
    else if (value !== undefined && !sameValue(e.value, value)) {
      problems.push({ path: '/value', en: `approves ${String(e.value)}, but the policy sets ${String(value)}`, zh: `批准的取值为 ${String(e.value)}，而策略设置为 ${String(value)}` });
    }
    if (problems.length === 0) return { approval: i, problems: [] };
    first ??= { en: `policyExceptions #${i + 1} ${problems.map((p) => p.en).join('; ')}`, zh: `policyExceptions 第 ${i + 1} 条${problems.map((p) => p.zh).join('；')}` };
  }
  return { problems: [first!] };
}

function weakening(judge: Judge, setting: string, path: string, value: string | number | undefined, weakens: LocalizedText, instead: LocalizedText): PolicyWeakening {
  return { setting, path, weakens, instead, ...approvalOf(judge, setting, value) };
}

const approved = (w: PolicyWeakening | undefined): boolean => w !== undefined && w.approval !== undefined;

/** exceptionHorizonDays above one year: exceptions could be approved for longer. */
function horizonWeakening(policy: Policy, judge: Judge): PolicyWeakening | undefined {
  const days = policy.exceptionHorizonDays;
  const floor = POLICY_FLOORS.exceptionHorizonDays;
  if (days <= floor) return undefined;
  return weakening(
    judge,
    '/exceptionHorizonDays',
    '/exceptionHorizonDays',
    days,
    { en: `exceptionHorizonDays: ${days} lets exceptions run longer than one year (${floor} days)`, zh: `exceptionHorizonDays: ${days} 允许例外有效期超过一年（${floor} 天）` },
    { en: `exceptions are still limited to ${floor} days ahead`, zh: `例外有效期仍以 ${floor} 天为限` },
  );
}

/** Severity overrides below the rule's default. */
function loweringWeakenings(policy: Policy, judge: Judge, catalogue: Catalogue): { id: string; w: PolicyWeakening }[] {
  const defaults = new Map(catalogue.map((r) => [r.id, r.severity]));
  return Object.keys(policy.severityOverrides)
    .sort()
    .flatMap((id) => {
      const to = policy.severityOverrides[id];
      const from = defaults.get(id);
      if (from === undefined || severityRank(to) >= severityRank(from)) return [];
      const w = weakening(
        judge,
        `/severityOverrides/${id}`,
        `/severityOverrides/${id}`,
        to,
        { en: `severityOverrides ${id}: ${to} lowers the rule below its default severity ${from}`, zh: `severityOverrides 将 ${id} 从默认等级 ${from} 降为 ${to}` },
        { en: `${id} keeps its default severity ${from}`, zh: `${id} 仍按默认等级 ${from} 判定` },
      );
      return [{ id, w }];
    });
}

/** Packs of the catalogue that `packs` leaves out. */
function packWeakenings(enabled: readonly PackId[], allPacks: readonly PackId[], judge: Judge): { p: PackId; w: PolicyWeakening }[] {
  return allPacks
    .filter((p) => !enabled.includes(p))
    .map((p) => ({
      p,
      w: weakening(judge, `/packs/${p}`, '/packs', undefined, { en: `packs leaves out the ${p} pack`, zh: `packs 未启用 ${p} 规则包` }, { en: `the ${p} rules still run`, zh: `${p} 规则包仍照常检查` }),
    }));
}

/** fail-on above high: high findings would pass the gate. */
function failOnWeakening(policy: Policy, judge: Judge): PolicyWeakening | undefined {
  const floor = POLICY_FLOORS.failOn;
  if (severityRank(policy.failOn) <= severityRank(floor)) return undefined;
  return weakening(
    judge,
    '/failOn',
    '/failOn',
    policy.failOn,
    { en: `failOn: ${policy.failOn} lets ${floor} findings pass the gate`, zh: `failOn: ${policy.failOn} 使 ${floor} 级问题不再阻断` },
    { en: `the gate still fails at ${floor}`, zh: `仍在 ${floor} 级阻断` },
  );
}

/** Audit-log retention under six calendar months (网络安全法 第二十三条第（三）项). */
function retentionWeakening(policy: Policy, judge: Judge): PolicyWeakening | undefined {
  const days = policy.auditLogRetentionDays;
  const floor = POLICY_FLOORS.auditLogRetentionDays;
  if (days >= floor) return undefined;
  return weakening(
    judge,
    '/auditLogRetentionDays',
    '/auditLogRetentionDays',
    days,
    {
      en: `auditLogRetentionDays: ${days} is under six calendar months (${floor} days; 网络安全法 第二十三条第（三）项)`,
      zh: `auditLogRetentionDays: ${days} 少于六个月（${floor} 天；网络安全法 第二十三条第（三）项）`,
    },
    { en: `audit logs are still judged against ${floor} days`, zh: `审计日志仍按 ${floor} 天判定` },
  );
}

/** The carrier-grade availability floor under 99.99 % (plan §二(三)). */
function availabilityWeakening(policy: Policy, judge: Judge): PolicyWeakening | undefined {
  const value = policy.carrierGradeAvailability;
  const floor = POLICY_FLOORS.carrierGradeAvailability;
  if (value >= floor) return undefined;
  return weakening(
    judge,
    '/carrierGradeAvailability',
    '/carrierGradeAvailability',
    value,
    {
      en: `carrierGradeAvailability: ${value} is under the carrier-grade floor of ${floor} % (plan §二(三))`,
      zh: `carrierGradeAvailability: ${value} 低于电信级下限 ${floor}%（新兵办发〔2017〕187号 二(三)）`,
    },
    { en: `centers are still judged against ${floor} %`, zh: `各中心仍按 ${floor}% 判定` },
  );
}

/** The policy as the gate enforces it, with every weakening setting and its approval. Pure. */
export function reviewPolicy(policy: Policy, asOf: string, catalogue: Catalogue): PolicyReview {
  // The horizon is settled first, at the default horizon: the approvals of the other settings are
  // judged at the horizon that is in force.
  const horizon = horizonWeakening(policy, { exceptions: policy.policyExceptions, asOf, horizonDays: POLICY_FLOORS.exceptionHorizonDays });
  const horizonDays = horizon && !approved(horizon) ? POLICY_FLOORS.exceptionHorizonDays : policy.exceptionHorizonDays;
  const judge: Judge = { exceptions: policy.policyExceptions, asOf, horizonDays };

  const allPacks = packsOf(catalogue);
  const enabled = policy.packs ?? allPacks;
  const lowerings = loweringWeakenings(policy, judge, catalogue);
  const packs = packWeakenings(enabled, allPacks, judge);
  const failOn = failOnWeakening(policy, judge);
  const retention = retentionWeakening(policy, judge);
  const availability = availabilityWeakening(policy, judge);
  /** The setting as written when approved, else the floor. */
  const unless = <T>(w: PolicyWeakening | undefined, written: T, floor: T): T => (w && !approved(w) ? floor : written);

  const refused = new Set(lowerings.filter(({ w }) => !approved(w)).map(({ id }) => id));
  const effective: EffectivePolicy = {
    ...policy,
    packs: allPacks.filter((p) => enabled.includes(p) || !approved(packs.find((x) => x.p === p)?.w)),
    severityOverrides: Object.fromEntries(Object.entries(policy.severityOverrides).filter(([id]) => !refused.has(id))),
    failOn: unless(failOn, policy.failOn, POLICY_FLOORS.failOn),
    auditLogRetentionDays: unless(retention, policy.auditLogRetentionDays, POLICY_FLOORS.auditLogRetentionDays),
    carrierGradeAvailability: unless(availability, policy.carrierGradeAvailability, POLICY_FLOORS.carrierGradeAvailability),
    exceptionHorizonDays: horizonDays,
  };
  const weakenings = [horizon, ...lowerings.map(({ w }) => w), ...packs.map(({ w }) => w), failOn, retention, availability].filter((w): w is PolicyWeakening => w !== undefined);
  const named = new Set(weakenings.map((w) => w.setting));
  return {
    effective,
    weakenings,
    unusedExceptions: policy.policyExceptions.flatMap((e, i) => (named.has(e.setting) ? [] : [i])),
    approvedLowerings: new Set(lowerings.filter(({ w }) => approved(w)).map(({ id }) => id)),
  };
}

/**
 * A finding's severity under the effective policy: an approved override below the default applies
 * as written; any other override only raises (it never lowers a finding's own severity, e.g.
 * K8S-016 raised at level 4).
 */
export function overriddenSeverity(review: PolicyReview, ruleId: string, own: Severity): Severity {
  const to = review.effective.severityOverrides[ruleId];
  if (to === undefined) return own;
  if (review.approvedLowerings.has(ruleId)) return to;
  return severityRank(to) > severityRank(own) ? to : own;
}

/** The environment as the rules see it: the effective policy in place of the policy as written. */
export function withEffectivePolicy(env: Environment, review: PolicyReview): Environment {
  return Object.freeze({ ...env, policy: deepFreeze(review.effective) });
}
