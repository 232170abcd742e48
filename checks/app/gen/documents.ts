/**
 * The five documents of a generated environment, as plain data shaped like the shipped production
 * environment: topology (3 corps centers + division centers), networks (zones and the admitted
 * flows; every department private network already merged), inventory, migration, policy.
 */
import { withPolicyDefaults } from '../../core/defaults';
import type { Inventory, MigrationPlan, Networks, Topology, Wave } from '../../core/types';
import { DEPARTMENTS, DIVISIONS, HEADQUARTERS_CITY, PLATFORMS, REGISTRY, REMOTE_DR_CITY } from './catalogue';
import type { CenterWithCapacity } from './centers';
import type { SystemDraft } from './systems';

export function topologyDocument(centers: readonly CenterWithCapacity[], systems: number): Topology {
  return {
    name: `兵团云 规模测试环境（${systems} 个系统）`,
    description: `btyun gen 生成的规模测试环境 / generated scale-test environment: ${systems} systems over ${centers.length} centers.`,
    headquartersCity: HEADQUARTERS_CITY,
    divisions: DIVISIONS.map((d) => ({ ...d })),
    // Keys in the order people read them (capacity after the level), as in production.
    centers: centers.map((c) => ({
      id: c.id,
      name: c.name,
      role: c.role,
      ...(c.division ? { division: c.division } : {}),
      city: c.city,
      country: c.country,
      availability: c.availability,
      mlpsLevel: c.mlpsLevel,
      capacity: c.capacity,
      kubeContext: c.kubeContext,
      ...(c.drTarget ? { drTarget: c.drTarget } : {}),
      stateBackend: c.stateBackend,
      adminGroups: c.adminGroups,
      ...(c.inServiceFrom ? { inServiceFrom: c.inServiceFrom } : {}),
    })),
    platforms: PLATFORMS.map((p) => ({ ...p })),
    auditLogStore: { center: 'corps-dr-remote', country: 'CN', city: REMOTE_DR_CITY, retentionDays: 365, immutable: true, endpoint: 'https://audit.xjbt.gov.cn/ingest' },
    backup: { schedule: '0 2 * * *', retentionDays: 30 },
    registry: REGISTRY,
  };
}

export function networksDocument(): Networks {
  return {
    zones: [
      { id: 'extranet-public', name: '公用网络区', network: 'extranet' },
      { id: 'extranet-dedicated', name: '专用网络区', network: 'extranet' },
      { id: 'extranet-internet-access', name: '互联网接入区', network: 'extranet' },
      { id: 'intranet', name: '政务内网', network: 'intranet' },
      { id: 'platform', name: '共享平台区', network: 'extranet' },
    ],
    flows: [
      { from: 'extranet-internet-access', to: 'platform', ports: [443], description: '互联网接入区只经统一接入网关访问共享平台 / internet-access reaches the platforms through the gateway only' },
      { from: 'extranet-public', to: 'platform', description: '公用网络区调用大协同、大数据 / public area calls the platforms' },
      { from: 'platform', to: 'extranet-public', description: '平台向公用网络区推送 / platforms deliver to the public area' },
      { from: 'extranet-dedicated', to: 'platform', description: '专用网络区业务系统接入大协同、大数据 / dedicated area connects to the platforms' },
      { from: 'platform', to: 'extranet-dedicated', description: '平台回调专用网络区 / platforms call back into the dedicated area' },
    ],
    links: [
      { id: 'extranet-internet', from: 'extranet', to: 'internet', kind: 'gateway', description: '政务外网仅经互联网接入区统一接入网关与互联网互通 / extranet meets the Internet at the gateway only' },
      { id: 'intranet-extranet', from: 'intranet', to: 'extranet', kind: 'gap', description: '政务内网与政务外网物理隔离（网闸）/ physically isolated' },
    ],
    privateNetworks: [],
  };
}

export function inventoryDocument(drafts: readonly SystemDraft[]): Inventory {
  return { departments: DEPARTMENTS.map((d) => ({ ...d })), systems: drafts.map((d) => d.system) };
}

export function migrationDocument(waves: Wave[]): MigrationPlan {
  return { waves };
}

/** The production policy: every pack, fail at high, the plan's deadlines, 20 % headroom — the loader's defaults, written out. */
export function policyDocument(): Record<string, unknown> {
  return { ...withPolicyDefaults({}, { registry: REGISTRY } as Topology) };
}
