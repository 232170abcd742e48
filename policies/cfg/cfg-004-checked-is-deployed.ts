/**
 * CFG-004: what is checked is what will be deployed. The readers record what would make the two
 * differ: a synthesized folder made from another environment or changed after synthesis (its
 * synthesis record, checks/engine/verify-synth-record.ts), a Terraform file they did not read or
 * read without merging it (an override file), a module whose source cannot be read.
 *
 * Evaluated: the configuration files the resources were read from — the root module's files and
 * those of every module the readers read (a local module source is read, so its files count) —
 * plus every problem the readers recorded for this rule (a module they could not read, a stale or
 * edited synthesized folder, an override file). A file that declares no resource is not seen here.
 */
import { ALL_LEVELS, countEvaluated, defineRule } from '../sdk';
import { recordedProblems } from './lib/problems';

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
  check: (ctx) => {
    const recorded = recordedProblems(ctx, 'CFG-004');
    const files = new Set(ctx.resources.all.map((r) => r.file));
    countEvaluated(ctx, files.size + recorded.length);
    return recorded;
  },
});
