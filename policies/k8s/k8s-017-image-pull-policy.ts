/**
 * K8S-017 imagePullPolicy Always — the policy Kubernetes applies (effectivePullPolicy): when it is
 * omitted, Always for an image tagged `:latest` or untagged, IfNotPresent otherwise. "Must" rule:
 * an effective policy other than Always is a finding; an unresolved policy, or an omitted one with
 * an unresolved image, cannot be verified.
 */
import { ALL_LEVELS, defineResourceRule, effectivePullPolicy, POD_TEMPLATE_KINDS, readStr } from '../sdk';
import { unverifiable } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { TRUSTED_VERIFICATION } from './lib/controls';

export const K8S_017 = defineResourceRule({
  id: 'K8S-017',
  pack: 'k8s',
  severity: 'low',
  title: { zh: '镜像拉取策略为 Always', en: 'imagePullPolicy Always' },
  clause: 'GB/T 22239-2019 8.1.4.6',
  levels: ALL_LEVELS,
  controls: TRUSTED_VERIFICATION,
  remediation: {
    zh: '设置 image_pull_policy = "Always"，每次启动都向镜像仓库校验镜像。',
    en: 'Set image_pull_policy = "Always" so that every start verifies the image against the registry.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const policy = readStr(ref.container, 'image_pull_policy');
    if (policy.kind === 'unresolved') return unverifiable('image_pull_policy', policy.expr);
    if (policy.kind === 'literal' && policy.value === 'Always') return undefined;
    if (policy.kind === 'missing') {
      const image = readStr(ref.container, 'image');
      if (image.kind === 'unresolved') {
        return { zh: `未设置 image_pull_policy，且镜像未解析（unresolved：${image.expr}），无法验证 Kubernetes 的默认策略`, en: `cannot be verified: image_pull_policy is omitted and the image is unresolved (${image.expr}), so the policy Kubernetes defaults to is unknown` };
      }
      const effective = effectivePullPolicy(undefined, image.kind === 'literal' ? image.value : undefined);
      if (effective === 'Always') return undefined;
      return { zh: `未设置 image_pull_policy，Kubernetes 默认为 ${effective ?? 'IfNotPresent'}，应为 Always`, en: `does not set image_pull_policy, so Kubernetes defaults it to ${effective ?? 'IfNotPresent'}, not Always` };
    }
    return { zh: `的镜像拉取策略为 ${policy.value}，应为 Always`, en: `has image_pull_policy ${policy.value}, not Always` };
  }),
});
