/**
 * CFG-003: nothing in a synthesized configuration is a Terraform template that the environment
 * model smuggled in. The stacks escape every model string (stacks/terraform-safe-model.ts) and write
 * no template themselves, so in a resource synthesized by cdktf (one with construct metadata) every
 * `${…}` / `%{…}` is reported — except a plain reference to a resource, data source, variable or
 * local (`${kubernetes_namespace_v1.x.metadata[0].name}`), the form cdktf itself writes for a token.
 * A function call, an operator or a directive is never written by a construct. Hand-written `.tf`
 * (no construct metadata) is ordinary Terraform and not judged here; the readers record templates
 * found outside resources (provider, backend) for this rule.
 *
 * Evaluated: every resource with construct metadata (the synthesized ones, each walked whole),
 * plus every template the readers recorded outside resources.
 */
import { ALL_LEVELS, countEvaluated, defineRule, isPlainReference, isUnresolved, knownTemplateFree, type RawFinding, type Value } from '../sdk';
import { recordedProblems } from './lib/problems';

/**
 * Whether any field holds a template that is not a plain reference. Nearly every resource holds
 * none: this walk builds no field path and no key array (issue #18), and only a resource it finds
 * something in is walked again for the paths.
 */
function hasSmuggled(v: Value): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (hasSmuggled(v[i])) return true;
    return false;
  }
  if (isUnresolved(v)) return !isPlainReference(v.$unresolved);
  const o = v as { readonly [k: string]: Value };
  for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k) && hasSmuggled(o[k])) return true;
  return false;
}

/** Field paths (`spec.template.spec.container[0].image`) holding a template that is not a plain reference. */
function smuggledFields(v: Value, at: string, out: string[]): void {
  if (isUnresolved(v)) {
    if (!isPlainReference(v.$unresolved)) out.push(at);
  } else if (Array.isArray(v)) v.forEach((x, i) => smuggledFields(x, `${at}[${i}]`, out));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) smuggledFields(x, at === '' ? k : `${at}.${k}`, out);
}

export const CFG_003 = defineRule({
  id: 'CFG-003',
  pack: 'cfg',
  severity: 'critical',
  title: { zh: '配置中不得有模型带入的 Terraform 模板', en: 'No Terraform template smuggled in from the model' },
  clause: 'btyun gate: fail closed (无法验证即不通过)',
  levels: ALL_LEVELS,
  remediation: {
    zh: '重新合成（btyun synth / cdktf synth），不要手工编辑合成结果；若环境模型的字符串中出现 ${ 或 %{，确认它本应是字面文本。',
    en: 'Synthesize again (btyun synth / cdktf synth) instead of editing the output by hand; where a string of the environment model holds ${ or %{, make sure it is meant as literal text.',
  },
  inputs: ['configuration'],
  check(ctx) {
    const out: RawFinding[] = recordedProblems(ctx, 'CFG-003');
    const synthesized = ctx.resources.all.filter((r) => r.constructPath !== undefined);
    countEvaluated(ctx, synthesized.length + out.length);
    for (const resource of synthesized) {
      // Most resources are known from their normalization to hold no template at all.
      if (knownTemplateFree(resource.attrs) || !hasSmuggled(resource.attrs)) continue;
      const fields: string[] = [];
      smuggledFields(resource.attrs, '', fields);
      out.push({
        resource,
        message: {
          zh: `${resource.address}：字段 ${fields.join(', ')} 含有 Terraform 模板（函数、运算或指令），不是任何构造写出的；部署时 Terraform 会对其求值`,
          en: `${resource.address}: ${fields.join(', ')} hold(s) a Terraform template (a function, an operation or a directive) that no construct wrote; Terraform would evaluate it at deploy time`,
        },
      });
    }
    return out;
  },
});
