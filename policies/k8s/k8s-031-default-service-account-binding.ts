/**
 * K8S-031 no RoleBinding or ClusterRoleBinding grants anything to a `default` service account:
 * a subject `kind = "ServiceAccount", name = "default"` (any namespace), or the same account
 * written as the user `system:serviceaccount:<namespace>:default`. Every pod that names no
 * service account runs as `default`, so a grant to it reaches them all. "Must not" rule: an
 * unresolved subject passes.
 */
import { ALL_LEVELS, blocks, defineResourceRule, dig, readStr } from '../sdk';
import { resourceFinding } from './lib/text';
import { LEAST_PRIVILEGE } from './lib/controls';

const DEFAULT_ACCOUNT_USER = /^system:serviceaccount:[^:]+:default$/;

export const K8S_031 = defineResourceRule({
  id: 'K8S-031',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '不得向 default 服务账号授予任何角色', en: 'No RoleBinding or ClusterRoleBinding grants anything to a default service account' },
  clause: 'GB/T 22239-2019 8.1.4.2 d',
  levels: ALL_LEVELS,
  controls: LEAST_PRIVILEGE,
  remediation: {
    zh: '为需要权限的工作负载创建专用服务账号，把绑定的 subject 改为该账号；default 服务账号不绑定任何角色。',
    en: 'Create a dedicated service account for the workload that needs the permissions and bind that account; bind nothing to the default service account.',
  },
  kinds: ['role_binding', 'cluster_role_binding'],
  judge: (resource) => {
    const role = readStr(dig(resource.attrs, 'role_ref'), 'name');
    const roleText = role.kind === 'literal' ? role.value : 'role_ref';
    return blocks(resource.attrs, 'subject').flatMap((s, index) => {
      const kind = readStr(s, 'kind');
      const name = readStr(s, 'name');
      if (kind.kind !== 'literal' || name.kind !== 'literal') return [];
      const ns = readStr(s, 'namespace');
      const isDefault = (kind.value === 'ServiceAccount' && name.value === 'default') || (kind.value === 'User' && DEFAULT_ACCOUNT_USER.test(name.value));
      if (!isDefault) return [];
      const who = kind.value === 'User' ? name.value : `ServiceAccount ${ns.kind === 'literal' ? `${ns.value}/` : ''}default`;
      return [resourceFinding(resource, { zh: `第 ${index + 1} 个 subject 把 ${roleText} 授予了 default 服务账号（${who}）`, en: `subject #${index + 1} grants ${roleText} to the default service account (${who})` })];
    });
  },
});
