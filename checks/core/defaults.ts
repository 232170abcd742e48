/**
 * Defaults filled in at load time. Policy: every policy.yaml field is optional; what is absent takes
 * the plan's value (新兵办发〔2017〕187号 deadlines, carrier grade 99.99 %, audit logs six calendar months
 * = 184 days (网络安全法 (2025 修正) 第二十三条第（三）项), exceptions at most one year ahead, ...).
 * Topology: a center without `stateBackend` keeps its Terraform state locally.
 */
import type { Center, PlanDeadlines, Policy, StateBackend, Topology } from './types';

export const DEFAULT_DEADLINES: Readonly<PlanDeadlines> = Object.freeze({
  privateNetworkMerge: '2017-12-31',
  cloudRunning: '2017-12-31',
  centerMoves: '2018-06-30',
  divisionConsolidation: '2018-06-30',
  platformConnection: '2018-06-30',
});

export const POLICY_DEFAULTS = Object.freeze({
  failOn: 'high',
  defaultMlpsLevel: 3,
  headroom: 0.2,
  // A system approved after 2018-06-30 is built on 兵团云 (§二(九)): half a year to get there.
  newSystemGraceDays: 180,
  carrierGradeAvailability: 99.99,
  // Six calendar months are 181–184 days depending on the months: only 184 covers every six.
  auditLogRetentionDays: 184,
  // One year ahead, a leap day included: an exception is renewed every year, never granted for good.
  exceptionHorizonDays: 366,
} as const);

/** `raw` has passed the policy schema. */
export function withPolicyDefaults(raw: Partial<Policy> & { deadlines?: Partial<PlanDeadlines> }, topology: Topology): Policy {
  return {
    ...(raw.packs ? { packs: [...raw.packs] } : {}),
    severityOverrides: { ...(raw.severityOverrides ?? {}) },
    failOn: raw.failOn ?? POLICY_DEFAULTS.failOn,
    defaultMlpsLevel: raw.defaultMlpsLevel ?? POLICY_DEFAULTS.defaultMlpsLevel,
    deadlines: { ...DEFAULT_DEADLINES, ...(raw.deadlines ?? {}) },
    headroom: raw.headroom ?? POLICY_DEFAULTS.headroom,
    ...(raw.newSystemGraceDays !== undefined ? { newSystemGraceDays: raw.newSystemGraceDays } : {}),
    carrierGradeAvailability: raw.carrierGradeAvailability ?? POLICY_DEFAULTS.carrierGradeAvailability,
    auditLogRetentionDays: raw.auditLogRetentionDays ?? POLICY_DEFAULTS.auditLogRetentionDays,
    approvedRegistries: raw.approvedRegistries ? [...raw.approvedRegistries] : [topology.registry],
    suppressions: raw.suppressions ? [...raw.suppressions] : [],
    exceptionHorizonDays: raw.exceptionHorizonDays ?? POLICY_DEFAULTS.exceptionHorizonDays,
    policyExceptions: raw.policyExceptions ? [...raw.policyExceptions] : [],
  };
}

/** The grace of a system approved after the plan's deadline (policy `newSystemGraceDays`, default 180 days). */
export function graceDaysOf(policy: Pick<Policy, 'newSystemGraceDays'>): number {
  return policy.newSystemGraceDays ?? POLICY_DEFAULTS.newSystemGraceDays;
}

/** The state backend of a center that names none: a local state file (test clusters). */
export const DEFAULT_STATE_BACKEND: Readonly<StateBackend> = Object.freeze({ type: 'local' });

/** `raw` has passed the topology schema, where `stateBackend` is optional. */
export function withTopologyDefaults(raw: Omit<Topology, 'centers'> & { centers: (Omit<Center, 'stateBackend'> & { stateBackend?: StateBackend })[] }): Topology {
  return { ...raw, centers: raw.centers.map((c) => ({ ...c, stateBackend: c.stateBackend ?? { ...DEFAULT_STATE_BACKEND } })) };
}
