/**
 * CFG-001: every resource a rule must judge can be read. A pod-template resource without a spec or
 * containers, a nested block shadowed by an argument of the same name, or a value of the wrong
 * shape would otherwise pass every rule without a word (fail closed). The readers record what the
 * parse itself lost (a block hidden by an argument, a JSON key written twice); the rest is judged
 * here on the resources (lib/pod-templates.ts, lib/judged-values.ts).
 *
 * Evaluated: every resource of a kind whose fields the rules judge (checks/engine/judged-fields.ts),
 * whatever its MLPS level, plus every problem the readers recorded for this rule (each is a
 * resource or a file the rule reports).
 */
import { ALL_LEVELS, countEvaluated, defineRule } from '../sdk';
import { recordedProblems } from './lib/problems';
import { judgedResources, resourceIssues } from './lib/resource-issues';

export const CFG_001 = defineRule({
  id: 'CFG-001',
  pack: 'cfg',
  severity: 'high',
  title: { zh: '待检查的资源须可读取', en: 'Every resource a rule must judge can be read' },
  clause: 'btyun gate: fail closed (无法验证即不通过)',
  levels: ALL_LEVELS,
  remediation: {
    zh: '按 Terraform kubernetes provider 的结构书写该资源：pod 模板须有 spec 与 container，嵌套块写成块（不要同时写同名参数），值的类型须正确。',
    en: 'Write the resource in the shape of the Terraform kubernetes provider: a pod template has a spec with containers, a nested block is a block (not also an argument of the same name), values have the right type.',
  },
  inputs: ['configuration'],
  check: (ctx) => {
    const recorded = recordedProblems(ctx, 'CFG-001');
    const resources = judgedResources(ctx);
    countEvaluated(ctx, resources.length + recorded.length);
    return [...recorded, ...resourceIssues(resources, 'CFG-001')];
  },
});
