/**
 * K8S-024 service-account token not automounted unless needed. The pod spec's
 * automount_service_account_token wins; when it is not written, the service account's setting
 * (a kubernetes_service_account / kubernetes_default_service_account in the same stack and
 * namespace) counts. "Must be false" rule: an unresolved value cannot be verified → reported.
 * A resource rule over the pod templates: the service accounts are looked up, not judged.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, readBool, readStr } from '../sdk';
import { serviceAccountKey, serviceAccountsByKey } from './lib/service-accounts';
import { unverifiable } from './lib/text';
import { judgePodSpec } from './lib/workloads';
import { LEAST_PRIVILEGE } from './lib/controls';

const ATTR = 'automount_service_account_token';

export const K8S_024 = defineResourceRule({
  id: 'K8S-024',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '不自动挂载服务账号令牌（除非需要）', en: 'Service-account token not automounted unless needed' },
  clause: 'GB/T 22239-2019 8.1.4.2 d',
  levels: ALL_LEVELS,
  controls: LEAST_PRIVILEGE,
  remediation: {
    zh: '在 Pod 规约（或其服务账号）上设置 automount_service_account_token = false；确需访问 API 的工作负载使用专用服务账号。',
    en: 'Set automount_service_account_token = false on the pod spec (or its service account); give workloads that need the API their own account.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgePodSpec(({ resource, spec, ctx }) => {
    const onPod = readBool(spec, ATTR);
    if (onPod.kind === 'literal') {
      return onPod.value ? [{ zh: `Pod 自动挂载服务账号令牌（${ATTR} = true）`, en: `pod automounts the service-account token (${ATTR} = true)` }] : [];
    }
    if (onPod.kind === 'unresolved') return [unverifiable(ATTR, onPod.expr, false)];
    const saName = readStr(spec, 'service_account_name');
    // The account decides, but which account is unknown: cannot be verified.
    if (saName.kind === 'unresolved') return [unverifiable(`service_account_name (${ATTR})`, saName.expr, false)];
    const name = saName.kind === 'literal' ? saName.value : 'default';
    const account = serviceAccountsByKey(ctx.resources).get(serviceAccountKey(resource.stack, resource.metadata.namespace ?? 'default', name));
    const onAccount = readBool(account?.attrs, ATTR);
    if (onAccount.kind === 'literal' && !onAccount.value) return [];
    if (onAccount.kind === 'unresolved') return [unverifiable(`${account?.address}.${ATTR}`, onAccount.expr, false)];
    const where = account ? `，服务账号 ${account.address} 也未设为 false` : '';
    const whereEn = account ? `, nor does service account ${account.address}` : '';
    return [
      {
        zh: `Pod 未设置 ${ATTR} = false${where}，令牌会被自动挂载`,
        en: `pod does not set ${ATTR} = false${whereEn}, so the token is automounted`,
      },
    ];
  }),
});
