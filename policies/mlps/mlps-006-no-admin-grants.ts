/**
 * MLPS-006 — 8.1.4.2 d 访问控制: grant accounts only the least privilege they need (最小权限).
 * Evidence: no ClusterRoleBinding/RoleBinding grants `cluster-admin`, or a role with a `*` verb or
 * resource, to a subject other than the platform itself (`system:` identities or the center's
 * system-administrator group from the topology).
 * Judged: every ClusterRoleBinding and RoleBinding at levels 2+.
 */
import { defineResourceRule, dig, fromLevel, mlpsControls, PLATFORM_SUBJECT_PREFIXES, str, type Resource, type RuleContext } from '../sdk';
import { centerOf } from './lib/centers';
import { boundRole, hasWildcardRule, roleRefName, subjects, type Subject } from './lib/rbac';
import { where } from './lib/text';

const BINDING_KINDS = ['cluster_role_binding', 'role_binding'] as const;

function isPlatformSubject(s: Subject, systemAdminGroup: string | undefined): boolean {
  if (PLATFORM_SUBJECT_PREFIXES.some((p) => s.name.startsWith(p))) return true;
  return s.kind === 'Group' && systemAdminGroup !== undefined && s.name === systemAdminGroup;
}

/** What makes the grant admin-like, or undefined when it is not. */
function adminGrant(ctx: RuleContext, binding: Resource): string | undefined {
  const name = roleRefName(ctx.resources, binding);
  if (name === 'cluster-admin') return 'cluster-admin';
  const role = boundRole(ctx.resources, binding);
  if (role && hasWildcardRule(role)) return `${str(dig(binding.attrs, 'role_ref'), 'kind') ?? 'ClusterRole'} ${role.metadata.name ?? role.address} (*)`;
  return undefined;
}

export const MLPS_006 = defineResourceRule({
  id: 'MLPS-006',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '不得向非平台主体授予集群管理员或通配角色', en: 'No binding grants cluster-admin, or a wildcard role, to a non-platform subject' },
  clause: 'GB/T 22239-2019 8.1.4.2 d',
  levels: fromLevel(2),
  controls: { 2: mlpsControls('7.1.4.2', 'd'), 3: mlpsControls('8.1.4.2', 'd'), 4: mlpsControls('9.1.4.2', 'd') },
  remediation: {
    zh: '按最小权限为部门和应用创建只含所需动词与资源的 Role，绑定该 Role；cluster-admin 只授予本中心系统管理员组。',
    en: "Bind departments and applications to Roles listing only the verbs and resources they need; grant cluster-admin only to the center's system-administrator group.",
  },
  inputs: ['configuration', 'model'],
  kinds: BINDING_KINDS,
  judge(b, ctx) {
    const grant = adminGrant(ctx, b);
    if (grant === undefined) return [];
    const adminGroup = centerOf(ctx.env, b)?.adminGroups.system;
    const offenders = subjects(b).filter((s) => !isPlatformSubject(s, adminGroup));
    if (offenders.length === 0) return [];
    const names = offenders.map((s) => `${s.kind} ${s.name}`).join(', ');
    return [{
      resource: b,
      message: {
        zh: `绑定 ${where(b)} 将 ${grant} 授予非平台主体：${names}`,
        en: `Binding ${where(b)} grants ${grant} to non-platform subject(s): ${names}`,
      },
    }];
  },
});
