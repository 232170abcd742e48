/**
 * One Terraform stack per 兵团云 center (stack id = center id): the center's Kubernetes cluster
 * through an aliased provider (kubeconfig path + context from the topology), its state backend, the
 * zone and platform namespaces with default deny, the allowed zone flows, quotas, the three
 * separated admin roles, audit shipping, the encrypted StorageClass, and every system placed here
 * (as primary, or as DR for another center's system).
 */
import type { Construct, IConstruct } from 'constructs';
import { Aspects, TerraformResource, TerraformStack, type IAspect } from 'cdktf';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import type { Center, Environment, InfoSystem } from '../../checks/core/types';
import { addStateBackend } from '../state-backend';
import { deploymentsIn, hasPersistentData, placements, type SystemDeployment } from '../../checks/plan/center-plan';
import { systemQuota } from '../system-quota';
import type { SourceRef } from '../refuse';
import { refuse } from '../refuse';
import { ZoneNamespaces } from './zone-namespaces';
import { PlatformNamespaces } from './platform-namespaces';
import { ZoneFlowPolicies } from './zone-flow-policies';
import { AdminRoles } from './admin-roles';
import { AuditLogShipping } from './audit-log-shipping';
import { EncryptedStorageClass } from './encrypted-storage-class';
import { SystemTenancy, type SystemPeer, type SystemTenancyProps } from './system-tenancy';
import { zoneOf } from '../../checks/plan/placement';
import { SystemWorkload } from './system-workload';
import { DrPlacement } from './dr-placement';
import { partSlice, type StackPart } from '../parallel/stack-parts';

export interface CenterStackProps {
  env: Environment;
  center: Center;
  /** Synth date `YYYY-MM-DD` (replacement deadlines). */
  asOf: string;
  /**
   * Build only this part of the stack: the center's shared elements and one slice of its system
   * deployments (stacks/parallel/stack-parts.ts). Default: the whole stack.
   */
  part?: StackPart;
}

export const DEFAULT_KUBECONFIG = '~/.kube/config';

/** Every resource of the stack talks to this center's cluster: the aliased provider. */
class UseProvider implements IAspect {
  constructor(private readonly provider: KubernetesProvider) {}
  visit(node: IConstruct): void {
    if (node instanceof TerraformResource && node.provider === undefined) node.provider = this.provider;
  }
}

export class CenterStack extends TerraformStack {
  readonly center: Center;
  /** What the stack (or its part: props.part) deploys for systems (primary and DR), for tests and reports. */
  readonly deployments: readonly SystemDeployment[];

  constructor(scope: Construct, id: string, props: CenterStackProps) {
    super(scope, id);
    const { env, center } = props;
    this.center = center;
    const centerIndex = env.topology.centers.indexOf(center);
    const centerSource = sourceOf(env, 'topology', `/centers/${centerIndex}`);

    const provider = new KubernetesProvider(this, 'kubernetes', {
      alias: center.id,
      configPath: center.kubeconfig ?? DEFAULT_KUBECONFIG,
      configContext: center.kubeContext,
    });
    Aspects.of(this).add(new UseProvider(provider));
    addStateBackend(this, center);

    const zones = new ZoneNamespaces(this, 'zones', { center: center.id, zones: env.networks.zones });
    const platforms = new PlatformNamespaces(this, 'platforms', { center: center.id, platforms: env.topology.platforms });
    new ZoneFlowPolicies(this, 'zone-flows', { flows: env.networks.flows, namespaces: [...zones.namespaces, ...platforms.namespaces] });
    new AdminRoles(this, 'admin-roles', { center, source: centerSource });
    new AuditLogShipping(this, 'audit', { center: center.id, store: env.topology.auditLogStore, registry: env.topology.registry });
    const storage = new EncryptedStorageClass(this, 'storage', { center: center.id });

    const placed = placements(env, props.asOf);
    this.deployments = partSlice(deploymentsIn(env, center.id, props.asOf, placed), props.part);
    const peers = new PeerIndex(env, new Set([...placed].filter(([, p]) => p.deployed).map(([id]) => id)));
    for (const d of this.deployments) this.addSystem(env, d, storage.name, peers);
  }

  private addSystem(env: Environment, d: SystemDeployment, storageClass: string, peers: PeerIndex): void {
    const { system } = d;
    const source = sourceOf(env, 'inventory', `/systems/${d.index}`);
    if (!d.department) refuse(source, `system ${system.id}: department ${system.department} is not in inventory.departments`);
    const storageGiB = system.workload?.storageGiB ?? 0;
    const stateful = system.workload?.kind === 'StatefulSet';
    const isPrimary = d.role === 'primary';
    const quota = systemQuota(
      system.workload,
      d.replicas,
      { dataVolumes: storageGiB > 0 ? (stateful ? d.replicas : 1) : 0, backupVolume: isPrimary && hasPersistentData(system), replicaVolume: d.replica },
      source,
    );
    const tenancy: Omit<SystemTenancyProps, 'role'> = {
      system,
      department: d.department,
      center: d.center,
      level: d.level,
      zone: d.zone,
      dependencies: (system.dependencies ?? []).map((dep) => peers.peer(dep)),
      dependants: peers.dependantsOf(system.id),
      flows: env.networks.flows,
      platforms: (system.platforms ?? []).map((p) => p.platform),
      ports: system.workload?.ports ?? [],
      quota,
      source,
    };
    const id = `system-${system.id}`;
    if (isPrimary) {
      const t = new SystemTenancy(this, id, { ...tenancy, role: 'primary' });
      if (system.workload) {
        new SystemWorkload(this, `${id}-workload`, {
          tenancy: t,
          workload: system.workload,
          replicas: d.replicas,
          storageClass,
          backup: hasPersistentData(system) ? env.topology.backup : undefined,
          publicHost: system.workload.publicHost,
          source,
        });
      }
      return;
    }
    new DrPlacement(this, `${id}-dr`, {
      tenancy: { ...tenancy, primaryCenter: d.primaryCenter.id },
      mode: d.drMode ?? 'warm',
      replicas: d.replicas,
      replica: d.replica,
      storageClass,
    });
  }
}

/** Systems as network peers: zone and ports by id, and who depends on whom (built once per stack). */
class PeerIndex {
  private readonly byId = new Map<string, InfoSystem>();
  private readonly dependants = new Map<string, string[]>();

  /** `deployed`: systems placed somewhere; only they get an ingress allowance as dependants. */
  constructor(env: Environment, deployed: ReadonlySet<string>) {
    for (const s of env.inventory.systems) {
      this.byId.set(s.id, s);
      if (!deployed.has(s.id)) continue;
      for (const dep of s.dependencies ?? []) this.dependants.set(dep, [...(this.dependants.get(dep) ?? []), s.id]);
    }
  }

  peer(systemId: string): SystemPeer {
    const s = this.byId.get(systemId);
    return { system: systemId, zone: s ? zoneOf(s) : 'extranet-dedicated', ports: s?.workload?.ports ?? [] };
  }

  dependantsOf(systemId: string): SystemPeer[] {
    return (this.dependants.get(systemId) ?? []).map((id) => this.peer(id));
  }
}

function sourceOf(env: Environment, doc: 'inventory' | 'topology', path: string): SourceRef {
  const pos = env.locate(doc, path);
  return { file: env.files[doc], path, line: pos?.line, column: pos?.column };
}
