/**
 * A system's tenancy in one center (MLPS-018 one system per namespace): the namespace `<system id>`
 * with the six `xjbt.gov.cn/*` labels, quota + limit range, default deny, and allowances to exactly
 * its declared dependencies (egress) and dependants (ingress), its declared platforms (both ways),
 * DNS, its own namespace, and — for an Internet-facing system — the internet-access zone's ingress
 * controller. Across zones, an allowance exists only where networks.flows admits the zone pair (and
 * only on the flow's ports); otherwise the exchange goes through the shared platforms (NET-005). A dedicated ServiceAccount (token not automounted) and a Role + RoleBinding for the
 * owning department's group with explicit verbs.
 *
 * Refuses (bad input, exit 2): a retired system, a classified (涉密) system, a system of the
 * 政务内网 zone, a system above the center's MLPS level (MLPS-016).
 */
import { Construct } from 'constructs';
import { NamespaceV1 } from '@cdktf/provider-kubernetes/lib/namespace-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import { RoleV1 } from '@cdktf/provider-kubernetes/lib/role-v1';
import { RoleBindingV1 } from '@cdktf/provider-kubernetes/lib/role-binding-v1';
import type { Center, Department, InfoSystem, MlpsLevel, ZoneFlow, ZoneId } from '../../checks/core/types';
import type { PlacementRole } from '../../checks/core/labels';
import { compareCodePoints } from '../../checks/core/order';
import { CONVENTION_ANNOTATIONS, CONVENTION_LABELS, platformNamespace, systemNamespace, zoneNamespace } from '../../checks/core/conventions';
import { systemLabels, type SystemIdentity } from '../resource-labels';
import { refuse, type SourceRef } from '../refuse';
import { admittedPorts } from '../zone-flows';
import { DefaultDenyPolicies } from './default-deny-policies';
import { NamespaceGuardrails, type QuotaSpec } from './namespace-guardrails';
import { AllowPolicy, NAMESPACE_NAME_LABEL, type PortSpec } from './network-policy';
import { after } from './after';

export interface SystemPeer {
  /** System id (= its namespace). */
  system: string;
  zone: ZoneId;
  /** Ports it listens on; empty = any port. */
  ports: readonly number[];
}

export interface SystemTenancyProps {
  system: InfoSystem;
  department: Department;
  center: Center;
  role: PlacementRole;
  level: MlpsLevel;
  zone: ZoneId;
  /** For role `dr`: the primary center (annotation `xjbt.gov.cn/primary-center`). */
  primaryCenter?: string;
  /** Declared dependencies (egress to them, on their ports). */
  dependencies: readonly SystemPeer[];
  /** Systems declaring this one as a dependency (ingress from them); `ports` unused. */
  dependants: readonly SystemPeer[];
  /** networks.flows: cross-zone allowances only where a flow admits them. */
  flows: readonly ZoneFlow[];
  /** Declared platform connections (platform ids). */
  platforms: readonly string[];
  /** Ports this system listens on. */
  ports: readonly number[];
  quota: QuotaSpec;
  source?: SourceRef;
}

export const OPERATOR_VERBS = {
  read: ['get', 'list', 'watch'],
  operate: ['get', 'list', 'watch', 'update', 'patch'],
} as const;

export class SystemTenancy extends Construct {
  readonly namespace: string;
  readonly identity: SystemIdentity;
  readonly labels: Record<string, string>;
  readonly serviceAccountName: string;
  readonly namespaceResource: NamespaceV1;

  constructor(scope: Construct, id: string, props: SystemTenancyProps) {
    super(scope, id);
    const { system, center } = props;
    if (system.class === 'retire') refuse(props.source, `system ${system.id} is retired (淘汰): nothing of it may be deployed (不得部署)`);
    if (system.classified === true) refuse(props.source, `system ${system.id} is classified (涉密): it lives on 政务内网 only, never in 兵团云 center ${center.id}`);
    if (props.zone === 'intranet') refuse(props.source, `system ${system.id} is in the 政务内网 (intranet) zone, which is not part of 兵团云 center ${center.id} (政务内网与政务外网物理隔离)`);
    if (props.level > center.mlpsLevel) {
      refuse(props.source, `system ${system.id} is MLPS level ${props.level}, above center ${center.id} (level ${center.mlpsLevel}): a cloud platform never hosts a system above its own level (云平台不得承载高于其安全保护等级的系统)`);
    }

    this.namespace = systemNamespace(system.id);
    this.serviceAccountName = system.id;
    this.identity = { system: system.id, department: props.department.id, level: props.level, zone: props.zone, center: center.id, role: props.role };
    this.labels = systemLabels(this.identity);
    const labels = this.labels;
    const namespace = this.namespace;

    this.namespaceResource = new NamespaceV1(this, 'namespace', {
      metadata: {
        name: namespace,
        labels: { ...labels, [CONVENTION_LABELS.namespaceKind]: 'system' },
        ...(props.primaryCenter ? { annotations: { [CONVENTION_ANNOTATIONS.primaryCenter]: props.primaryCenter } } : {}),
      },
    });
    const deps = [this.namespaceResource];

    new NamespaceGuardrails(this, 'guardrails', { namespace, labels, quota: props.quota, after: deps });
    new DefaultDenyPolicies(this, 'default-deny', { namespace, labels, after: deps });

    const allow = (policyId: string, name: string, direction: 'ingress' | 'egress', peerNamespace: Record<string, string>, ports: readonly number[]) => {
      const portSpecs: PortSpec[] = ports.map((port) => ({ port }));
      new AllowPolicy(this, policyId, { name, namespace, labels, direction, peers: [{ namespaceLabels: peerNamespace }], ports: portSpecs, after: deps });
    };
    // Within the namespace (workload ↔ backup job).
    allow('same-ingress', 'allow-same-namespace-ingress', 'ingress', { [NAMESPACE_NAME_LABEL]: namespace }, []);
    allow('same-egress', 'allow-same-namespace-egress', 'egress', { [NAMESPACE_NAME_LABEL]: namespace }, []);
    const zone = props.zone;
    for (const dep of [...props.dependencies].sort((a, b) => compareCodePoints(a.system, b.system))) {
      const ports = admittedPorts(props.flows, zone, dep.zone, dep.ports);
      if (ports) allow(`to-${dep.system}`, `allow-egress-to-${dep.system}`, 'egress', { [NAMESPACE_NAME_LABEL]: systemNamespace(dep.system) }, ports);
    }
    for (const from of [...props.dependants].sort((a, b) => compareCodePoints(a.system, b.system))) {
      const ports = admittedPorts(props.flows, from.zone, zone, props.ports);
      if (ports) allow(`from-${from.system}`, `allow-ingress-from-${from.system}`, 'ingress', { [NAMESPACE_NAME_LABEL]: systemNamespace(from.system) }, ports);
    }
    for (const p of [...props.platforms].sort()) {
      const ns = { [NAMESPACE_NAME_LABEL]: platformNamespace(p) };
      const out = admittedPorts(props.flows, zone, 'platform', []);
      if (out) allow(`to-platform-${p}`, `allow-egress-to-platform-${p}`, 'egress', ns, out);
      const back = admittedPorts(props.flows, 'platform', zone, props.ports);
      if (back) allow(`from-platform-${p}`, `allow-ingress-from-platform-${p}`, 'ingress', ns, back);
    }
    if (props.zone === 'extranet-internet-access' && system.workload?.publicHost) {
      const ingressNs = zoneNamespace('extranet-internet-access');
      allow('from-internet-access', `allow-ingress-from-${ingressNs}`, 'ingress', { [NAMESPACE_NAME_LABEL]: ingressNs }, props.ports);
    }

    after(new ServiceAccountV1(this, 'account', {
      metadata: { name: this.serviceAccountName, namespace, labels },
      automountServiceAccountToken: false,
    }), deps);
    const roleName = `${system.id}-operator`;
    const role = after(new RoleV1(this, 'operator-role', {
      metadata: { name: roleName, namespace, labels },
      rule: [
        { apiGroups: [''], resources: ['pods', 'pods/log', 'services', 'configmaps', 'events', 'persistentvolumeclaims'], verbs: [...OPERATOR_VERBS.read] },
        { apiGroups: ['apps'], resources: ['deployments', 'statefulsets'], verbs: [...OPERATOR_VERBS.operate] },
        { apiGroups: ['batch'], resources: ['cronjobs', 'jobs'], verbs: [...OPERATOR_VERBS.read] },
      ],
    }), deps);
    after(new RoleBindingV1(this, 'operator-binding', {
      metadata: { name: roleName, namespace, labels },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: roleName },
      subject: [{ kind: 'Group', name: props.department.group, apiGroup: 'rbac.authorization.k8s.io' }],
    }), [role]);
  }
}
