/**
 * K8S-025 not running as the `default` service account: service_account_name missing, `""` or
 * `default` is a finding (isDefaultServiceAccountName: Kubernetes runs such a pod as `default`).
 * "Must not" rule: an unresolved name passes.
 */
import { ALL_LEVELS, defineResourceRule, isDefaultServiceAccountName, POD_TEMPLATE_KINDS, readStr } from '../sdk';
import { judgePodSpec } from './lib/workloads';
import { LEAST_PRIVILEGE } from './lib/controls';

export const K8S_025 = defineResourceRule({
  id: 'K8S-025',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '不使用 default 服务账号', en: 'Not running as the default service account' },
  clause: 'GB/T 22239-2019 8.1.4.2 d',
  levels: ALL_LEVELS,
  controls: LEAST_PRIVILEGE,
  remediation: {
    zh: '为工作负载创建专用服务账号并设置 service_account_name。',
    en: 'Create a dedicated service account for the workload and set service_account_name.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgePodSpec(({ spec }) => {
    const name = readStr(spec, 'service_account_name');
    if (name.kind === 'unresolved') return [];
    if (!isDefaultServiceAccountName(name.kind === 'literal' ? name.value : undefined)) return [];
    return name.kind === 'missing' || name.value === ''
      ? [{ zh: 'Pod 未设置 service_account_name（或为空），以 default 服务账号运行', en: 'pod sets no service_account_name (or an empty one), so it runs as the default service account' }]
      : [{ zh: 'Pod 以 default 服务账号运行（service_account_name = default）', en: 'pod runs as the default service account (service_account_name = default)' }];
  }),
});
