/**
 * MLPS-007 — 8.1.5.1–8.1.5.3 安全管理中心 (系统管理 / 审计管理 / 安全管理): separate system,
 * audit and security administrators (三权分立). Evidence: the topology names three distinct groups
 * per center; each center stack has ClusterRoleBindings labelled admin-role system / audit /
 * security, and no subject appears in two of those roles.
 */
import type { RawFinding, Resource } from '../../checks/engine/types';
import { CONVENTION_LABELS } from '../../checks/core/conventions';
import type { Center } from '../../checks/core/types';
import { defineRule, fromLevel } from '../sdk/define';
import { centerIndex, centerLabel, centerStacks } from './lib/centers';
import { centerApplies } from './lib/levels';
import { subjectKey, subjects } from './lib/rbac';
import { message, sortedUnique } from './lib/text';

const CLAUSE = 'GB/T 22239-2019 8.1.5.1–8.1.5.3; 8.1.7.1, 8.1.7.2 b';
const LEVELS = fromLevel(3);
const ADMIN_ROLES = ['system', 'audit', 'security'] as const;
type AdminRole = (typeof ADMIN_ROLES)[number];
const ROLE_ZH: Record<AdminRole, string> = { system: '系统管理员', audit: '审计管理员', security: '安全管理员' };

function modelFindings(c: Center, i: number): RawFinding[] {
  const groups = ADMIN_ROLES.map((r) => c.adminGroups[r]);
  const distinct = new Set(groups.filter((g) => typeof g === 'string' && g.trim() !== ''));
  if (distinct.size === ADMIN_ROLES.length) return [];
  return [{
    doc: 'topology',
    path: `/centers/${i}/adminGroups`,
    center: c.id,
    message: message(CLAUSE, {
      zh: `中心 ${centerLabel(c)} 的系统、审计、安全管理员组不是三个不同的组（${groups.join(' / ')}）`,
      en: `Center ${centerLabel(c)} does not name three distinct system, audit and security administrator groups (${groups.join(' / ')})`,
      fixZh: '请在 topology.yaml 的 adminGroups 中为三类管理员分别指定不同的组。',
      fixEn: 'Give each of the three administrator roles its own group in topology.yaml adminGroups.',
    }),
  }];
}

function configurationFindings(c: Center, i: number, bindings: readonly Resource[]): RawFinding[] {
  const holders = new Map<string, Set<AdminRole>>();
  const missing: AdminRole[] = [];
  for (const role of ADMIN_ROLES) {
    const keys = bindings.filter((b) => b.metadata.labels[CONVENTION_LABELS.adminRole] === role).flatMap((b) => subjects(b).map(subjectKey));
    if (keys.length === 0) missing.push(role);
    for (const k of keys) holders.set(k, (holders.get(k) ?? new Set<AdminRole>()).add(role));
  }
  const out: RawFinding[] = [];
  const at = { doc: 'topology' as const, path: `/centers/${i}`, center: c.id };
  if (missing.length > 0) {
    out.push({
      ...at,
      message: message(CLAUSE, {
        zh: `中心 ${c.id} 的配置缺少${missing.map((r) => ROLE_ZH[r]).join('、')}的 ClusterRoleBinding（标签 ${CONVENTION_LABELS.adminRole}）`,
        en: `The configuration of center ${c.id} has no ClusterRoleBinding for the ${missing.join(', ')} administrator role (label ${CONVENTION_LABELS.adminRole})`,
        fixZh: `请为每类管理员创建带 ${CONVENTION_LABELS.adminRole}=<system|audit|security> 标签的 ClusterRoleBinding，绑定各自的组。`,
        fixEn: `Create one ClusterRoleBinding per role labelled ${CONVENTION_LABELS.adminRole}=<system|audit|security>, binding that role's group.`,
      }),
    });
  }
  const shared = sortedUnique([...holders].filter(([, roles]) => roles.size > 1).map(([k, roles]) => `${k} (${[...roles].join('+')})`));
  if (shared.length > 0) {
    out.push({
      ...at,
      message: message(CLAUSE, {
        zh: `中心 ${c.id} 中以下主体同时担任多类管理员：${shared.join(', ')}`,
        en: `In center ${c.id} these subjects hold more than one administrator role: ${shared.join(', ')}`,
        fixZh: '三权分立：系统、审计、安全管理员须由不同的组担任。',
        fixEn: 'Separation of duties: system, audit and security administrators must be different groups.',
      }),
    });
  }
  return out;
}

export const MLPS_007 = defineRule({
  id: 'MLPS-007',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '三权分立：系统、审计、安全管理员相互分离', en: 'Each center has distinct system-, audit- and security-administrator groups; no subject holds two of them' },
  clause: CLAUSE,
  levels: LEVELS,
  remediation: {
    zh: '每个中心在 topology.yaml 中指定三个不同的管理员组，并分别用带 admin-role 标签的 ClusterRoleBinding 授权，任何主体不得兼任。',
    en: 'Name three different administrator groups per center in topology.yaml and grant each through its own ClusterRoleBinding labelled admin-role; no subject may hold two roles.',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const env = ctx.env;
    const out = env.topology.centers.flatMap((c, i) => (centerApplies(LEVELS, c) ? modelFindings(c, i) : []));
    if (!ctx.hasConfiguration) return out;
    for (const c of centerStacks(env, ctx.resources.stacks)) {
      if (!centerApplies(LEVELS, c)) continue;
      const bindings = ctx.resources.byStack(c.id).filter((r) => r.kind === 'cluster_role_binding');
      out.push(...configurationFindings(c, centerIndex(env, c.id), bindings));
    }
    return out;
  },
});
