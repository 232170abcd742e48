/**
 * 三权分立 (separation of the three administrator roles, GB/T 22239-2019 8.1.5.1–8.1.5.3): a system
 * administrator, an audit administrator and a security administrator, each a ClusterRole with
 * explicit verbs and resources (never `*`, never cluster-admin), bound to its own group of
 * `center.adminGroups`. The groups must be three distinct groups.
 */
import { Construct } from 'constructs';
import { ClusterRoleV1, type ClusterRoleV1Rule } from '@cdktf/provider-kubernetes/lib/cluster-role-v1';
import { ClusterRoleBindingV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-binding-v1';
import type { Center } from '../../checks/core/types';
import { CONVENTION_LABELS } from '../../checks/core/conventions';
import { platformLabels } from '../resource-labels';
import { refuse, type SourceRef } from '../refuse';
import { after } from './after';

export type AdminRole = 'system' | 'audit' | 'security';

export interface AdminRolesProps {
  center: Center;
  /** Where the center is declared, for errors. */
  source?: SourceRef;
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

/** What each role may do. The system administrator runs workloads but cannot touch RBAC or policy. */
export const ADMIN_RULES: Readonly<Record<AdminRole, readonly ClusterRoleV1Rule[]>> = {
  system: [
    { apiGroups: [''], resources: ['pods', 'services', 'configmaps', 'persistentvolumeclaims', 'serviceaccounts', 'namespaces', 'nodes'], verbs: WRITE },
    { apiGroups: [''], resources: ['pods/log', 'events'], verbs: READ },
    { apiGroups: ['apps'], resources: ['deployments', 'statefulsets', 'daemonsets', 'replicasets'], verbs: WRITE },
    { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: WRITE },
    { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: WRITE },
    { apiGroups: ['storage.k8s.io'], resources: ['storageclasses'], verbs: READ },
  ],
  audit: [
    { apiGroups: [''], resources: ['events', 'pods', 'pods/log', 'namespaces', 'configmaps'], verbs: READ },
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings', 'clusterroles', 'clusterrolebindings'], verbs: READ },
    { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: READ },
  ],
  security: [
    { apiGroups: ['rbac.authorization.k8s.io'], resources: ['roles', 'rolebindings'], verbs: WRITE },
    { apiGroups: ['networking.k8s.io'], resources: ['networkpolicies'], verbs: WRITE },
    { apiGroups: [''], resources: ['resourcequotas', 'limitranges'], verbs: WRITE },
    { apiGroups: [''], resources: ['namespaces', 'serviceaccounts'], verbs: READ },
  ],
};

export const ADMIN_ROLES: readonly AdminRole[] = ['system', 'audit', 'security'];

export function adminRoleName(role: AdminRole): string {
  return `btyun-${role}-admin`;
}

export class AdminRoles extends Construct {
  constructor(scope: Construct, id: string, props: AdminRolesProps) {
    super(scope, id);
    const groups = props.center.adminGroups;
    const distinct = new Set([groups.system, groups.audit, groups.security]);
    if (distinct.size !== 3 || [...distinct].some((g) => g.trim() === '')) {
      refuse(props.source, `center ${props.center.id}: adminGroups system/audit/security must be three distinct, non-empty groups (三权分立 separation of duties)`);
    }
    for (const role of ADMIN_ROLES) {
      const labels = { ...platformLabels(props.center.id), [CONVENTION_LABELS.adminRole]: role };
      const clusterRole = new ClusterRoleV1(this, `${role}-role`, {
        metadata: { name: adminRoleName(role), labels },
        rule: ADMIN_RULES[role].map((r) => ({ ...r })),
      });
      after(new ClusterRoleBindingV1(this, `${role}-binding`, {
        metadata: { name: adminRoleName(role), labels },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: adminRoleName(role) },
        subject: [{ kind: 'Group', name: groups[role], apiGroup: 'rbac.authorization.k8s.io' }],
      }), [clusterRole]);
    }
  }
}
