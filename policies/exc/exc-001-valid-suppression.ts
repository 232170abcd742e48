/**
 * EXC-001: a suppression is an approved, dated exception. One that lacks its rule, target,
 * reason, approver or expiry (text blank to a reader — whitespace, zero-width or control
 * characters only — is missing), that has expired, that expires further ahead than the horizon
 * (policy.exceptionHorizonDays, default one year), or that names a rule not in the catalogue
 * (ctx.knownRuleIds, passed in by the engine) suppresses nothing and is itself a finding,
 * pointing at the entry in policy.yaml.
 */
import { ALL_LEVELS, countEvaluated, defineRule, suppressionProblems, type RawFinding } from '../sdk';

export const EXC_001 = defineRule({
  id: 'EXC-001',
  pack: 'exc',
  severity: 'high',
  title: { zh: '例外（豁免）须完整且在有效期内', en: 'A suppression is complete and not expired' },
  clause: 'btyun policy: suppressions (例外审批)',
  levels: ALL_LEVELS,
  remediation: {
    zh: '为该例外补齐规则编号（须是规则目录中的编号，见 btyun rules）、对象（system/stack/resource）、理由、审批人和到期日（不超过检查日期后 exceptionHorizonDays 天，默认一年）；已到期的例外须重新审批或删除。',
    en: 'Give the suppression a rule id from the catalogue (btyun rules), a target (system/stack/resource), a reason, an approver and an expiry date (at most exceptionHorizonDays after the check date, one year by default); renew or remove an expired one.',
  },
  inputs: ['model'],
  check(ctx) {
    const out: RawFinding[] = [];
    // Judged: every suppression.
    countEvaluated(ctx, ctx.env.policy.suppressions.length);
    ctx.env.policy.suppressions.forEach((s, i) => {
      const problems = suppressionProblems(s, ctx.asOf, ctx.knownRuleIds, ctx.env.policy.exceptionHorizonDays);
      if (problems.length === 0) return;
      const what = s.rule ? `for ${s.rule}` : '';
      const whatZh = s.rule ? `（${s.rule}）` : '';
      const expiredOnly = problems.length === 1 && problems[0].path === '/expires';
      out.push({
        doc: 'policy',
        path: `/suppressions/${i}${expiredOnly ? '/expires' : ''}`,
        system: s.target?.system,
        message: {
          zh: `例外 #${i + 1}${whatZh}不生效：${problems.map((p) => p.zh).join('；')}`,
          en: `suppression #${i + 1} ${what ? what + ' ' : ''}suppresses nothing: it ${problems.map((p) => p.en).join('; ')}`,
        },
      });
    });
    return out;
  },
});
