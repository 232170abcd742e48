/**
 * MLPS-007 — 三权分立: 8.1.5.1–8.1.5.3 a 安全管理中心 (系统管理 / 审计管理 / 安全管理: each administrator
 * authenticated, confined to its own interface, audited) and the management requirements 8.1.7.1 c
 * 岗位设置 (the three posts) and 8.1.7.2 b 人员配备 (a dedicated security administrator, not shared);
 * level 4: 9.1.5.1–9.1.5.3 a, 9.1.7.1 c, 9.1.7.2 b. Evidence: the topology names three distinct groups
 * per center; each center stack has ClusterRoleBindings labelled admin-role system / audit /
 * security, and no subject appears in two of those roles.
 * Counted: every center of the topology at levels 3+ (its admin groups), and every center stack of
 * the configuration at levels 3+ (its admin-role bindings).
 */
import { centersById, CONVENTION_LABELS, countEvaluated, defineRule, fromLevel, isFilled, mlpsControls, type Center, type RawFinding, type Resource } from '../sdk';
import { centerLabel, centerStacks } from './lib/centers';
import { centerApplies } from './lib/levels';
import { subjectKey, subjects } from './lib/rbac';
import { sortedUnique } from './lib/text';

const LEVELS = fromLevel(3);
const ADMIN_ROLES = ['system', 'audit', 'security'] as const;
type AdminRole = (typeof ADMIN_ROLES)[number];
const ROLE_ZH: Record<AdminRole, string> = { system: '系统管理员', audit: '审计管理员', security: '安全管理员' };

function modelFindings(c: Center, i: number): RawFinding[] {
  const groups = ADMIN_ROLES.map((r) => c.adminGroups[r]);
  const distinct = new Set(groups.filter(isFilled));
  if (distinct.size === ADMIN_ROLES.length) return [];
  return [{
    doc: 'topology',
    path: `/centers/${i}/adminGroups`,
    center: c.id,
    message: {
      zh: `中心 ${centerLabel(c)} 的系统、审计、安全管理员组不是三个不同的组（${groups.join(' / ')}）`,
      en: `Center ${centerLabel(c)} does not name three distinct system, audit and security administrator groups (${groups.join(' / ')})`,
    },
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
      message: {
        zh: `中心 ${c.id} 的配置缺少${missing.map((r) => ROLE_ZH[r]).join('、')}的 ClusterRoleBinding（标签 ${CONVENTION_LABELS.adminRole}）`,
        en: `The configuration of center ${c.id} has no ClusterRoleBinding for the ${missing.join(', ')} administrator role (label ${CONVENTION_LABELS.adminRole})`,
      },
    });
  }
  const shared = sortedUnique([...holders].filter(([, roles]) => roles.size > 1).map(([k, roles]) => `${k} (${[...roles].join('+')})`));
  if (shared.length > 0) {
    out.push({
      ...at,
      message: {
        zh: `中心 ${c.id} 中以下主体同时担任多类管理员：${shared.join(', ')}`,
        en: `In center ${c.id} these subjects hold more than one administrator role: ${shared.join(', ')}`,
      },
    });
  }
  return out;
}

export const MLPS_007 = defineRule({
  id: 'MLPS-007',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '三权分立：系统、审计、安全管理员相互分离', en: 'Each center has distinct system-, audit- and security-administrator groups; no subject holds two of them' },
  clause: 'GB/T 22239-2019 8.1.5.1–8.1.5.3; 8.1.7.1, 8.1.7.2 b',
  levels: LEVELS,
  // 安全管理中心 (the three administrators, each authenticated and audited) and 安全管理机构 (the
  // three posts; a dedicated security administrator, not shared with another post).
  controls: {
    3: [...mlpsControls('8.1.5.1', 'a'), ...mlpsControls('8.1.5.2', 'a'), ...mlpsControls('8.1.5.3', 'a'), ...mlpsControls('8.1.7.1', 'c'), ...mlpsControls('8.1.7.2', 'b')],
    4: [...mlpsControls('9.1.5.1', 'a'), ...mlpsControls('9.1.5.2', 'a'), ...mlpsControls('9.1.5.3', 'a'), ...mlpsControls('9.1.7.1', 'c'), ...mlpsControls('9.1.7.2', 'b')],
  },
  remediation: {
    zh: '每个中心在 topology.yaml 中指定三个不同的管理员组，并分别用带 admin-role 标签的 ClusterRoleBinding 授权，任何主体不得兼任。',
    en: 'Name three different administrator groups per center in topology.yaml and grant each through its own ClusterRoleBinding labelled admin-role; no subject may hold two roles.',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const env = ctx.env;
    const centers = [...centersById(env).values()].filter((c) => centerApplies(LEVELS, c.center));
    const stacks = centerStacks(env, ctx.resources.stacks).filter((c) => centerApplies(LEVELS, c.center));
    countEvaluated(ctx, centers.length + stacks.length);
    const out = centers.flatMap((c) => modelFindings(c.center, c.index));
    for (const { center: c, index } of stacks) {
      const bindings = ctx.resources.byStack(c.id).filter((r) => r.kind === 'cluster_role_binding');
      out.push(...configurationFindings(c, index, bindings));
    }
    return out;
  },
});
