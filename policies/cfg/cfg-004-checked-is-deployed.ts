/**
 * CFG-004: what is checked is what will be deployed. The readers record what would make the two
 * differ: a synthesized folder made from another environment or changed after synthesis (its
 * synthesis record, checks/engine/verify-synth-record.ts), a Terraform file they did not read, a
 * module whose source cannot be read.
 */
import { ALL_LEVELS, defineRule } from '../sdk/define';
import { recordedProblems } from './problems';

export const CFG_004 = defineRule({
  id: 'CFG-004',
  pack: 'cfg',
  severity: 'high',
  title: { zh: '所检查的即所部署的', en: 'What is checked is what will be deployed' },
  clause: 'btyun gate: fail closed (无法验证即不通过)',
  levels: ALL_LEVELS,
  remediation: {
    zh: '由当前环境重新合成（btyun synth / cdktf synth）后再检查与部署，不要手工修改合成结果；模块来源须为可读取的本地目录。',
    en: 'Synthesize again from the current environment (btyun synth / cdktf synth) before checking and deploying, and do not edit the output by hand; a module source must be a local folder that can be read.',
  },
  inputs: ['configuration'],
  check: (ctx) => recordedProblems(ctx, 'CFG-004'),
});
