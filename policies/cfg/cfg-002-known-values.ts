/**
 * CFG-002: a value a rule needs is known before deployment. After variables with literal defaults
 * (and given tfvars) are resolved, a `${…}` left in a field a rule judges is not verifiable.
 */
import { ALL_LEVELS, defineRule } from '../define';
import { recordedProblems } from './problems';

export const CFG_002 = defineRule({
  id: 'CFG-002',
  pack: 'cfg',
  severity: 'high',
  title: { zh: '受检字段的值须在部署前可知', en: 'A value a rule judges is known before deployment' },
  clause: 'btyun gate: fail closed (无法验证即不通过)',
  levels: ALL_LEVELS,
  remediation: {
    zh: '为该变量给出字面默认值或在 tfvars 中赋值（并以 --tf 传入），或直接写出字面值，使检查能判断它。',
    en: 'Give the variable a literal default or a value in a tfvars file (passed with --tf), or write the literal value, so that the check can judge it.',
  },
  inputs: ['configuration'],
  check: (ctx) => recordedProblems(ctx, 'CFG-002'),
});
