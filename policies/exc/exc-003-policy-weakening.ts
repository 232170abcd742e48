/**
 * EXC-003: weakening the policy needs an approved, dated exception. A severity override below the
 * rule's default, a pack left out of `packs`, fail-on above high, audit-log retention under six
 * calendar months, a carrier-grade floor under 99.99 %, an exception horizon beyond one year: each
 * takes effect only with a `policyExceptions` entry naming the setting and its value, with a reason,
 * an approver and an expiry within the horizon. Without one the engine applies the floor instead
 * and this rule reports the setting at its line in policy.yaml. The engine reviews the policy once
 * (checks/engine/effective-policy.ts) and passes the review in ctx.policyReview.
 */
import { ALL_LEVELS, countEvaluated, defineRule, type RawFinding } from '../sdk';
import { reviewedSettings } from './lib/reviewed-settings';

export const EXC_003 = defineRule({
  id: 'EXC-003',
  pack: 'exc',
  severity: 'high',
  title: { zh: '放宽检查策略须经审批并设有效期', en: 'Weakening the policy needs an approved, dated exception' },
  clause: 'btyun policy: policyExceptions (例外审批); 网络安全法 第二十三条第（三）项; 新兵办发〔2017〕187号 二(三)',
  levels: ALL_LEVELS,
  remediation: {
    zh: '撤销该设置，或在 policy.yaml 的 policyExceptions 中登记：setting（如 /severityOverrides/K8S-001、/packs/k8s、/failOn、/auditLogRetentionDays）、value（所批准的取值；规则包不需要）、reason、approvedBy 与 expires（不超过检查日期后 exceptionHorizonDays 天，默认一年）。',
    en: 'Undo the setting, or record it in policy.yaml policyExceptions: setting (e.g. /severityOverrides/K8S-001, /packs/k8s, /failOn, /auditLogRetentionDays), value (the value approved; not for a pack), reason, approvedBy and expires (at most exceptionHorizonDays after the check date, one year by default).',
  },
  inputs: ['model'],
  check(ctx) {
    const review = ctx.policyReview;
    if (review === undefined) return [];
    // Judged: every setting the review weighs against a floor.
    countEvaluated(ctx, reviewedSettings(review));
    return review.weakenings
      .filter((w) => w.approval === undefined)
      .map(
        (w): RawFinding => ({
          doc: 'policy',
          path: w.path,
          message: {
            zh: `${w.weakens.zh}，但没有经审批且在有效期内的例外（${w.problems.map((p) => p.zh).join('；')}）。该设置不生效：${w.instead.zh}。`,
            en: `${w.weakens.en} without an approved, dated exception (${w.problems.map((p) => p.en).join('; ')}). It takes no effect: ${w.instead.en}.`,
          },
        }),
      );
  },
});
