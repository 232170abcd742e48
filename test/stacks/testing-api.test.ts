/**
 * The constructs through cdktf's own Testing API (synthScope, toHaveResourceWithProperties), as a
 * CDKTF user would test them: each construct alone in a scratch stack, and one whole center stack.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { Testing } from 'cdktf';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { NetworkPolicyV1 } from '@cdktf/provider-kubernetes/lib/network-policy-v1';
import { ClusterRoleBindingV1 } from '@cdktf/provider-kubernetes/lib/cluster-role-binding-v1';
import { ResourceQuotaV1 } from '@cdktf/provider-kubernetes/lib/resource-quota-v1';
import { LimitRangeV1 } from '@cdktf/provider-kubernetes/lib/limit-range-v1';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { IngressV1 } from '@cdktf/provider-kubernetes/lib/ingress-v1';
import type { Environment } from '../../checks/core/types';
import { LABELS } from '../../checks/core/labels';
import { ZoneNamespaces } from '../../stacks/constructs/zone-namespaces';
import { AdminRoles } from '../../stacks/constructs/admin-roles';
import { CenterStack } from '../../stacks/constructs/center-stack';
import { richEnv } from './fixture-env';

let env: Environment;
beforeAll(() => {
  env = richEnv();
});

const has = (json: string, type: string, props: Record<string, unknown>): boolean => Testing.toHaveResourceWithProperties(json, type, props);

describe('ZoneNamespaces (Testing.synthScope)', () => {
  it('creates one namespace per 政务外网 zone, none for 政务内网, each with default deny, quota and limit range', () => {
    const json = Testing.synthScope((scope) => new ZoneNamespaces(scope, 'zones', { center: 'div-8', zones: env.networks.zones }));
    const extranet = env.networks.zones.filter((z) => z.network === 'extranet');
    expect(extranet.length).toBeGreaterThan(0);
    for (const zone of extranet) {
      const namespace = `zone-${zone.id}`;
      expect(has(json, NamespaceV1.tfResourceType, { metadata: { name: namespace, labels: { [LABELS.zone]: zone.id, [LABELS.center]: 'div-8' } } })).toBe(true);
      expect(has(json, NetworkPolicyV1.tfResourceType, { metadata: { name: 'default-deny-all', namespace }, spec: { policy_types: ['Ingress', 'Egress'] } })).toBe(true);
      expect(has(json, ResourceQuotaV1.tfResourceType, { metadata: { namespace } })).toBe(true);
      expect(has(json, LimitRangeV1.tfResourceType, { metadata: { namespace } })).toBe(true);
    }
    expect(has(json, NamespaceV1.tfResourceType, { metadata: { name: 'zone-intranet' } })).toBe(false);
  });
});

describe('AdminRoles (Testing.synthScope)', () => {
  it('binds the system, audit and security administrator roles to the three groups of the center', () => {
    const center = env.topology.centers[0];
    const json = Testing.synthScope((scope) => new AdminRoles(scope, 'admins', { center }));
    for (const role of ['system', 'audit', 'security'] as const) {
      expect(
        has(json, ClusterRoleBindingV1.tfResourceType, {
          metadata: { name: `btyun-${role}-admin` },
          role_ref: { kind: 'ClusterRole', name: `btyun-${role}-admin` },
          subject: [{ kind: 'Group', name: center.adminGroups[role] }],
        }),
      ).toBe(true);
    }
    // The audit group is not bound to the system administrator role.
    expect(has(json, ClusterRoleBindingV1.tfResourceType, { metadata: { name: 'btyun-system-admin' }, subject: [{ name: center.adminGroups.audit }] })).toBe(false);
  });
});

describe('CenterStack (Testing.toHaveResourceWithProperties)', () => {
  it('runs each deployed system with its labels, hardened, and exposes only the Internet-facing one', () => {
    const center = env.topology.centers.find((c) => c.role === 'corps-primary');
    if (!center) throw new Error('no corps primary in the fixture');
    const stack = new CenterStack(Testing.app({ stackTraces: false }), center.id, { env, center, asOf: '2018-07-01' });
    const json = Testing.synth(stack);
    const primaries = stack.deployments.filter((d) => d.role === 'primary' && d.system.workload?.kind === 'Deployment');
    expect(primaries.length).toBeGreaterThan(0);
    for (const d of primaries) {
      const id = d.system.id;
      expect(
        has(json, DeploymentV1.tfResourceType, {
          metadata: { name: id, namespace: id, labels: { [LABELS.system]: id, [LABELS.department]: d.system.department, [LABELS.mlpsLevel]: String(d.level), [LABELS.role]: 'primary' } },
          spec: {
            template: {
              spec: {
                automount_service_account_token: false,
                service_account_name: id,
                security_context: { run_as_non_root: true, seccomp_profile: { type: 'RuntimeDefault' } },
                container: [{ security_context: { read_only_root_filesystem: true, allow_privilege_escalation: false, capabilities: { drop: ['ALL'] } } }],
              },
            },
          },
        }),
        id,
      ).toBe(true);
    }
    const exposed = stack.deployments.filter((d) => d.role === 'primary' && d.system.workload?.publicHost);
    for (const d of stack.deployments) {
      const ingress = has(json, IngressV1.tfResourceType, { metadata: { namespace: d.system.id } });
      expect(ingress, d.system.id).toBe(exposed.includes(d) && d.zone === 'extranet-internet-access');
    }
    expect(exposed.some((d) => d.zone === 'extranet-internet-access')).toBe(true);
  });
});
