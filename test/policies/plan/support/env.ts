/**
 * A small, valid environment as a typed object literal (mirrors test/fixtures/envs/mini), and a
 * RuleContext builder, so that the plan rules can be unit-tested without the YAML loader.
 */
import { makeResource } from '../../../../checks/engine/normalize/resource';
import { buildResourceIndex } from '../../../../checks/engine/resource-index';
import type { Resource, RuleContext } from '../../../../checks/engine/types';
import { withPolicyDefaults } from '../../../../checks/core/defaults';
import type { Center, Environment, InfoSystem, Topology } from '../../../../checks/core/types';

function center(id: string, role: Center['role'], city: string, extra: Partial<Center> = {}): Center {
  return {
    id,
    name: id,
    role,
    city,
    country: 'CN',
    availability: 99.99,
    mlpsLevel: 4,
    capacity: { cpu: 64, memoryGiB: 256, storageGiB: 1024 },
    kubeContext: id,
    stateBackend: { type: 'local' },
    adminGroups: { system: `${id}-sys`, audit: `${id}-audit`, security: `${id}-sec` },
    ...extra,
  };
}

/** A kept, fully filed level-3 system on the corps primary center, connected to dxt and dsj. */
export function keptSystem(id: string, extra: Partial<InfoSystem> = {}): InfoSystem {
  return {
    id,
    name: `系统 ${id}`,
    function: '业务办理',
    scope: { level: 'corps' },
    usageFrequency: 'daily',
    approval: { department: '兵团发展改革委', date: '2016-01-01', reference: '兵发改〔2016〕1号' },
    funding: { source: '兵团财政', channel: '部门预算', omCost: 10, omStatus: 'reapproved', omReference: '兵财〔2018〕1号' },
    builder: '兵团信息中心',
    dataResources: [{ id: `${id}-data`, name: '数据', sharing: 'none' }],
    department: 'hrss',
    class: 'keep',
    mlps: { level: 3, filingNumber: '65990013001-18001', lastAssessment: '2018-01-15' },
    zone: 'extranet-dedicated',
    location: { kind: 'cloud', center: 'corps-primary' },
    platforms: [
      { platform: 'dxt', connectedOn: '2018-04-15' },
      { platform: 'dsj', connectedOn: '2018-04-20' },
    ],
    ...extra,
  };
}

export function baseEnv(): Environment {
  return {
    name: 'unit',
    dir: '/unit',
    topology: {
      name: 'unit',
      headquartersCity: '乌鲁木齐市',
      divisions: [
        { id: 'div-8', name: '第八师', city: '石河子市' },
        { id: 'div-6', name: '第六师', city: '五家渠市' },
      ],
      centers: [
        center('corps-primary', 'corps-primary', '乌鲁木齐市'),
        center('corps-dr-urumqi', 'corps-dr', '乌鲁木齐市'),
        center('corps-dr-shihezi', 'corps-dr', '石河子市'),
        center('div-8', 'division', '石河子市', { division: 'div-8', drTarget: 'corps-dr-shihezi', mlpsLevel: 3 }),
      ],
      platforms: [
        { id: 'dxt', name: '大协同平台', kind: 'collaboration' },
        { id: 'dsj', name: '大数据平台', kind: 'data' },
        { id: 'gateway', name: '网关', kind: 'gateway' },
      ],
      auditLogStore: { center: 'corps-dr-shihezi', country: 'CN', retentionDays: 184, immutable: true, endpoint: 'https://audit' },
      backup: { schedule: '0 2 * * *', retentionDays: 30 },
      registry: 'registry.xjbt.gov.cn',
    },
    networks: {
      zones: [],
      flows: [
        { from: 'extranet-internet-access', to: 'platform', ports: [443] },
        { from: 'platform', to: 'extranet-dedicated' },
      ],
      links: [{ id: 'gap', from: 'intranet', to: 'extranet', kind: 'gap' }],
      privateNetworks: [
        { id: 'hrss-net', name: '人社专网', department: 'hrss', status: 'merged', mergedInto: 'extranet', mergedOn: '2017-11-30' },
      ],
    },
    inventory: {
      departments: [{ id: 'hrss', name: '人社局', group: 'hrss-ops' }],
      systems: [keptSystem('hrss-si')],
    },
    migration: { waves: [] },
    policy: withPolicyDefaults({}, { registry: 'registry.xjbt.gov.cn' } as Topology),
    files: { topology: 'topology.yaml', networks: 'networks.yaml', inventory: 'inventory.yaml', migration: 'migration.yaml', policy: 'policy.yaml' },
    locate: () => undefined,
    fingerprint: 'sha256:test',
  };
}

let counter = 0;

/** A Kubernetes resource in a stack, built the way the normalizer builds them. */
export function resource(type: string, stack: string, body: Record<string, unknown>, name?: string): Resource {
  counter += 1;
  return makeResource({ type, name: name ?? `r${counter}`, body, stack, file: `${stack}/cdk.tf.json` });
}

/** Metadata block with `xjbt.gov.cn/*` labels given by short key (system, zone, center, role…). */
export function meta(name: string, namespace: string | undefined, labels: Record<string, string> = {}): Record<string, unknown> {
  const full: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) full[k.includes('/') ? k : `xjbt.gov.cn/${k}`] = v;
  return { metadata: { name, ...(namespace !== undefined ? { namespace } : {}), labels: full } };
}

export interface CtxOptions {
  asOf?: string;
  resources?: Resource[];
  /** Defaults to whether resources were given. */
  hasConfiguration?: boolean;
}

export function ctxOf(env: Environment, opts: CtxOptions = {}): RuleContext {
  const resources = opts.resources ?? [];
  return {
    env,
    resources: buildResourceIndex(resources),
    hasConfiguration: opts.hasConfiguration ?? opts.resources !== undefined,
    configurationProblems: [],
    asOf: opts.asOf ?? '2018-07-01',
    levelOf: (r) => r.level ?? env.policy.defaultMlpsLevel,
  };
}
