/**
 * K8S-017 imagePullPolicy Always. "Must" rule: missing (Kubernetes then defaults to IfNotPresent
 * for tagged images) or another value is a finding; an unresolved value cannot be verified.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, readStr } from '../sdk';
import { unverifiable } from './lib/text';
import { judgeContainers } from './lib/workloads';

export const K8S_017 = defineResourceRule({
  id: 'K8S-017',
  pack: 'k8s',
  severity: 'low',
  title: { zh: '镜像拉取策略为 Always', en: 'imagePullPolicy Always' },
  clause: 'GB/T 22239-2019 8.1.4.6',
  levels: ALL_LEVELS,
  remediation: {
    zh: '设置 image_pull_policy = "Always"，每次启动都向镜像仓库校验镜像。',
    en: 'Set image_pull_policy = "Always" so that every start verifies the image against the registry.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const policy = readStr(ref.container, 'image_pull_policy');
    if (policy.kind === 'unresolved') return unverifiable('image_pull_policy', policy.expr);
    if (policy.kind === 'literal' && policy.value === 'Always') return undefined;
    return policy.kind === 'missing'
      ? { zh: '未设置 image_pull_policy = "Always"', en: 'does not set image_pull_policy = "Always"' }
      : { zh: `的镜像拉取策略为 ${policy.value}，应为 Always`, en: `has image_pull_policy ${policy.value}, not Always` };
  }),
});
