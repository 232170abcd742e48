/**
 * CFG-002: a value a rule needs is known before deployment. After variables with literal defaults
 * (and given tfvars) are resolved, a `${…}` left in a field a rule judges is not verifiable.
 * The readers resolve (checks/engine/read/); what is left is judged here on the resources, over
 * the judged fields of checks/engine/judged-fields.ts (lib/judged-values.ts).
 *
 * Evaluated: every resource of a kind whose fields the rules judge, whatever its MLPS level, plus
 * every problem the readers recorded for this rule.
 */
import { ALL_LEVELS, countEvaluated, defineRule } from '../sdk';
import { recordedProblems } from './lib/problems';
import { judgedResources, resourceIssues } from './lib/resource-issues';

export const CFG_002 = defineRule({
  id: 'CFG-002',
  pack: 'cfg',
  severity: 'high',
  title: { zh: '受检字段的值须在部署前可知', en: 'A value a rule judges is known before deployment' },
  clause: 'btyun gate: fail closed (无法验证即不通过)',
  levels: ALL_LEVELS,
  remediation: {
    zh: '为该变量给出字面默认值，或在 tfvars 中赋值（terraform.tfvars、*.auto.tfvars，或以 --var-file 传入），或直接写出字面值；dynamic 块请遍历字面列表，使检查能判断它。',
    en: 'Give the variable a literal default or a value in a tfvars file (terraform.tfvars, *.auto.tfvars, or one passed with --var-file), or write the literal value; let a dynamic block iterate over a literal list — so that the check can judge it.',
  },
  inputs: ['configuration'],
  check: (ctx) => {
    const recorded = recordedProblems(ctx, 'CFG-002');
    const resources = judgedResources(ctx);
    countEvaluated(ctx, resources.length + recorded.length);
    return [...recorded, ...resourceIssues(resources, 'CFG-002')];
  },
});
