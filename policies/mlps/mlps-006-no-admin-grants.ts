/**
 * MLPS-006 — 8.1.4.2 d 访问控制: grant accounts only the least privilege they need (最小权限).
 * Evidence: no ClusterRoleBinding/RoleBinding grants `cluster-admin`, or a role with a `*` verb or
 * resource, to a subject other than the platform itself (`system:` identities or the center's
 * system-administrator group from the topology).
 */
import type { RawFinding, Resource, RuleContext } from '../../checks/engine/types';
import { dig, str } from '../../checks/engine/values';
import { PLATFORM_SUBJECT_PREFIXES } from '../../checks/core/conventions';
import { defineRule, fromLevel } from '../sdk/define';
import { centerOf } from './lib/centers';
import { applies } from './lib/levels';
import { boundRole, hasWildcardRule, roleRefName, subjects, type Subject } from './lib/rbac';
import { message, where } from './lib/text';

const CLAUSE = 'GB/T 22239-2019 8.1.4.2 d';
const LEVELS = fromLevel(2);
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

export const MLPS_006 = defineRule({
  id: 'MLPS-006',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '不得向非平台主体授予集群管理员或通配角色', en: 'No binding grants cluster-admin, or a wildcard role, to a non-platform subject' },
  clause: CLAUSE,
  levels: LEVELS,
  remediation: {
    zh: '按最小权限为部门和应用创建只含所需动词与资源的 Role，绑定该 Role；cluster-admin 只授予本中心系统管理员组。',
    en: "Bind departments and applications to Roles listing only the verbs and resources they need; grant cluster-admin only to the center's system-administrator group.",
  },
  inputs: ['configuration', 'model'],
  check(ctx) {
    if (!ctx.hasConfiguration) return [];
    const out: RawFinding[] = [];
    for (const kind of BINDING_KINDS) {
      for (const b of ctx.resources.byKind(kind)) {
        if (!applies(LEVELS, ctx.levelOf(b))) continue;
        const grant = adminGrant(ctx, b);
        if (grant === undefined) continue;
        const adminGroup = centerOf(ctx.env, b)?.adminGroups.system;
        const offenders = subjects(b).filter((s) => !isPlatformSubject(s, adminGroup));
        if (offenders.length === 0) continue;
        const names = offenders.map((s) => `${s.kind} ${s.name}`).join(', ');
        out.push({
          resource: b,
          message: message(CLAUSE, {
            zh: `绑定 ${where(b)} 将 ${grant} 授予非平台主体：${names}`,
            en: `Binding ${where(b)} grants ${grant} to non-platform subject(s): ${names}`,
            fixZh: '请改为绑定只含所需权限的 Role，或仅授予本中心系统管理员组。',
            fixEn: "Bind a least-privilege Role instead, or grant it only to the center's system-administrator group.",
          }),
        });
      }
    }
    return out;
  },
});
