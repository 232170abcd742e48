/**
 * What EXC-003 judged: the settings of policy.yaml that the engine's review weighs against the
 * plan's and the law's floors (checks/engine/effective-policy.ts) — the four gate parameters, every
 * severity override and every pack of the catalogue (left out or not).
 */
import type { PolicyReview } from '../../sdk';

const PARAMETERS = ['/failOn', '/auditLogRetentionDays', '/carrierGradeAvailability', '/exceptionHorizonDays'];

/** How many settings the review judged, each named as `policyExceptions` names it. */
export function reviewedSettings(review: PolicyReview): number {
  const settings = new Set(PARAMETERS);
  for (const id of Object.keys(review.effective.severityOverrides)) settings.add(`/severityOverrides/${id}`);
  for (const pack of review.effective.packs) settings.add(`/packs/${pack}`);
  // Refused lowerings and approved left-out packs are not in the effective policy.
  for (const w of review.weakenings) settings.add(w.setting);
  return settings.size;
}
