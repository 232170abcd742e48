/**
 * EXC-002: an exception that matches nothing is stale and is removed, so that policy.yaml lists
 * only exceptions that are in use — a valid suppression that silenced no finding in this run, or
 * a policy exception that approves no setting the policy weakens.
 *
 * "Matched no finding" is known only after every other rule ran: the rule reads findings
 * (`inputs: ['findings']`), so the engine evaluates it last and passes the other rules' findings,
 * suppressions applied, in ctx.priorFindings. The rule stays a pure function of its context.
 *
 * Not judged: an invalid suppression (EXC-001 reports it); a suppression of a rule that did not
 * run, or could not see all of its input (no configuration given) — `--rules K8S-001` says nothing
 * about a NET-004 suppression; a suppression whose target is a center's stack that was not in the
 * configuration read (a partial run, e.g. one stack).
 */
import { ALL_LEVELS, countEvaluated, defineRule, suppressesAny, suppressionProblems, targetStack, UNSUPPRESSIBLE, type RawFinding, type RuleContext, type Suppression } from '../sdk';

function targetText(s: Suppression): string {
  const t = s.target ?? {};
  return [t.system !== undefined ? `system ${t.system}` : '', t.stack !== undefined ? `stack ${t.stack}` : '', t.resource !== undefined ? `resource ${t.resource}` : '']
    .filter((x) => x !== '')
    .join(', ');
}

function staleSuppressions(ctx: RuleContext): RawFinding[] {
  const prior = ctx.priorFindings;
  if (prior === undefined) return [];
  const policy = ctx.env.policy;
  const checkedStacks = new Set(ctx.resources.stacks);
  const centerStacks = new Set(ctx.env.topology.centers.map((c) => c.id));
  const out: RawFinding[] = [];
  // Examined: every suppression (an invalid one, or one whose rule or stack was not fully
  // checked, is looked at but not called stale).
  countEvaluated(ctx, policy.suppressions.length);
  policy.suppressions.forEach((s, i) => {
    if (suppressionProblems(s, ctx.asOf, ctx.knownRuleIds, policy.exceptionHorizonDays).length > 0) return;
    const rule = s.rule!;
    const where = { doc: 'policy' as const, path: `/suppressions/${i}`, system: s.target?.system };
    if (UNSUPPRESSIBLE.has(rule)) {
      out.push({
        ...where,
        message: {
          zh: `例外 #${i + 1} 指向 ${rule}：该规则的问题涉及例外本身，不能被豁免，此例外不起作用`,
          en: `suppression #${i + 1} names ${rule}, whose findings are about exceptions themselves and cannot be suppressed: it matches nothing`,
        },
      });
      return;
    }
    if (!prior.ruleIds.has(rule)) return;
    const stack = targetStack(s);
    if (stack !== undefined && centerStacks.has(stack) && !checkedStacks.has(stack)) return;
    if (suppressesAny(s, prior.findings)) return;
    out.push({
      ...where,
      message: {
        zh: `例外 #${i + 1}（${rule}，${targetText(s)}）在本次检查中未匹配任何问题：问题已整改或对象有误`,
        en: `suppression #${i + 1} for ${rule} on ${targetText(s)} matches no finding in this run: the finding is fixed, or the target is wrong`,
      },
    });
  });
  return out;
}

function unusedPolicyExceptions(ctx: RuleContext): RawFinding[] {
  const review = ctx.policyReview;
  if (review === undefined) return [];
  // Judged: every policy exception.
  countEvaluated(ctx, ctx.env.policy.policyExceptions.length);
  return review.unusedExceptions.map((i) => {
    const setting = ctx.env.policy.policyExceptions[i].setting;
    return {
      doc: 'policy',
      path: `/policyExceptions/${i}`,
      message: {
        zh: `策略例外 #${i + 1} 批准了 ${setting}，但策略并未（或已不再）放宽该项`,
        en: `policy exception #${i + 1} approves ${setting}, which the policy does not (or no longer) weaken`,
      },
    };
  });
}

export const EXC_002 = defineRule({
  id: 'EXC-002',
  pack: 'exc',
  severity: 'low',
  title: { zh: '清理不再匹配任何问题的例外', en: 'An exception that matches nothing is removed' },
  clause: 'btyun policy: suppressions, policyExceptions (例外审批)',
  levels: ALL_LEVELS,
  remediation: {
    zh: '删除该例外，或更正其规则编号与对象；已整改的问题不再需要例外。',
    en: 'Remove the exception, or correct its rule id and target; a fixed finding needs no exception.',
  },
  inputs: ['model', 'findings'],
  check(ctx) {
    return [...staleSuppressions(ctx), ...unusedPolicyExceptions(ctx)];
  },
});
