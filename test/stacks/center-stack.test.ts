import { beforeAll, describe, expect, it } from 'vitest';
import { Testing, TerraformStack } from 'cdktf';
import type { Center, Environment, InfoSystem } from '../../checks/core/types';
import { SystemTenancy } from '../../stacks/constructs/system-tenancy';
import { EMPTY_SYSTEM_QUOTA } from '../../stacks/system-quota';
import { InputError } from '../../checks/core/errors';
import { LABELS } from '../../checks/core/labels';
import { AUDIT_SHIPPING_KEYS, CONVENTION_ANNOTATIONS, CONVENTION_LABELS, OPS_NAMESPACE } from '../../checks/core/conventions';
import { normalizeTerraformJson } from '../../checks/engine/normalize/terraform-json';
import { runChecks } from '../../checks/engine/run';
import { severityRank } from '../../checks/engine/types';
import { ALL_RULES } from '../../policies';
import { richEnv, withChanges } from './fixture-env';
import { meta, ofNamespace, POD_TEMPLATE, resources, synthCenter, type TfJson, type TfResource } from './tf';

const CENTERS = ['corps-primary', 'corps-dr-urumqi', 'corps-dr-shihezi', 'div-8'];
let env: Environment;
const tf: Record<string, TfJson> = {};

beforeAll(async () => {
  env = richEnv();
  for (const id of CENTERS) {
    tf[id] = synthCenter(env, id);
    // Synthesis is synchronous: let the worker answer the test runner between stacks.
    await new Promise((resolve) => setImmediate(resolve));
  }
});

const policyNames = (stack: string, ns: string): string[] =>
  ofNamespace(tf[stack], ns)
    .filter((r) => r.type === 'kubernetes_network_policy_v1')
    .map((r) => meta(r).name as string)
    .sort();

describe('CenterStack: provider and backend', () => {
  it('declares one aliased kubernetes provider per center, with the kubeconfig context from the topology', () => {
    for (const id of CENTERS) {
      const providers = tf[id].provider?.kubernetes ?? [];
      expect(providers).toHaveLength(1);
      const center = env.topology.centers.find((c) => c.id === id);
      expect(providers[0]).toEqual({ alias: id, config_context: center?.kubeContext, config_path: '~/.kube/config' });
      expect(Testing.toHaveProviderWithProperties(JSON.stringify(tf[id]), 'kubernetes', { alias: id })).toBe(true);
    }
  });
  it('binds every resource to the center provider', () => {
    for (const id of CENTERS) for (const r of resources(tf[id])) expect(r.body.provider, `${r.type}.${r.name}`).toBe(`kubernetes.${id}`);
  });
  it('uses a local backend with the topology path', () => {
    expect(tf['div-8'].terraform?.backend).toEqual({ local: { path: 'terraform.div-8.tfstate' } });
  });
  it('uses a pg backend without a connection string in the output, and an S3 backend', () => {
    const changed: Environment = {
      ...env,
      topology: {
        ...env.topology,
        centers: env.topology.centers.map((c) =>
          c.id === 'div-8'
            ? { ...c, stateBackend: { type: 'pg' as const, connStrEnv: 'BTYUN_DIV8_PG', schemaName: 'div8' } }
            : c.id === 'corps-dr-urumqi'
              ? { ...c, stateBackend: { type: 's3' as const, bucket: 'tfstate', region: 'cn-xj-1', endpoint: 'https://oss.xjbt.gov.cn' } }
              : c,
        ),
      },
    };
    process.env.BTYUN_DIV8_PG = 'postgres://u:secret-password@db/state';
    try {
      const pg = synthCenter(changed, 'div-8');
      expect(pg.terraform?.backend).toEqual({ pg: { schema_name: 'div8' } });
      expect(JSON.stringify(pg)).not.toContain('secret-password');
    } finally {
      delete process.env.BTYUN_DIV8_PG;
    }
    const s3 = synthCenter(changed, 'corps-dr-urumqi').terraform?.backend?.s3;
    expect(s3).toMatchObject({ bucket: 'tfstate', key: 'btyun/corps-dr-urumqi.tfstate', region: 'cn-xj-1', encrypt: true, endpoints: { s3: 'https://oss.xjbt.gov.cn' } });
    // Locked: by S3's lock file without a DynamoDB table, by the table when one is given.
    expect(s3).toMatchObject({ use_lockfile: true });
    const withTable: Environment = {
      ...changed,
      topology: {
        ...changed.topology,
        centers: changed.topology.centers.map((c) => (c.id === 'corps-dr-urumqi' ? { ...c, stateBackend: { type: 's3' as const, bucket: 'tfstate', region: 'cn-xj-1', dynamodbTable: 'tflock' } } : c)),
      },
    };
    const locked = synthCenter(withTable, 'corps-dr-urumqi').terraform?.backend?.s3;
    expect(locked).toMatchObject({ dynamodb_table: 'tflock' });
    expect(locked).not.toHaveProperty('use_lockfile');
  });
});

describe('CenterStack: the center itself', () => {
  it('creates zone namespaces (not the intranet), platform namespaces and the ops namespace, each with default deny and quota', () => {
    const names = resources(tf['corps-primary'], 'kubernetes_namespace_v1').map((r) => meta(r).name as string);
    for (const ns of ['zone-extranet-public', 'zone-extranet-dedicated', 'zone-extranet-internet-access', 'zone-platform', 'platform-dxt', 'platform-dsj', 'platform-dfw', 'platform-gateway', OPS_NAMESPACE]) {
      expect(names).toContain(ns);
    }
    expect(names).not.toContain('zone-intranet');
    for (const ns of names) {
      const inNs = ofNamespace(tf['corps-primary'], ns);
      const deny = inNs.find((r) => r.type === 'kubernetes_network_policy_v1' && meta(r).name === 'default-deny-all');
      expect(deny?.body.spec, ns).toEqual({ pod_selector: {}, policy_types: ['Ingress', 'Egress'] });
      expect(inNs.some((r) => r.type === 'kubernetes_resource_quota_v1'), ns).toBe(true);
      expect(inNs.some((r) => r.type === 'kubernetes_limit_range_v1'), ns).toBe(true);
    }
  });
  it('opens exactly the allowed zone flows', () => {
    const flowPolicies = resources(tf['corps-primary'], 'kubernetes_network_policy_v1').filter((r) => String(meta(r).name).startsWith('allow-flow-'));
    const pairs = new Set(flowPolicies.map((r) => String(meta(r).name).replace(/^allow-flow-/, '').replace(/-(ingress|egress)$/, '')));
    const expected = new Set(env.networks.flows.map((f) => `${f.from}-to-${f.to}`));
    expect(pairs).toEqual(expected);
    const fromInternet = flowPolicies.find((r) => meta(r).name === 'allow-flow-extranet-internet-access-to-platform-egress');
    expect(fromInternet?.body.spec.egress[0]).toEqual({ to: [{ namespace_selector: { match_labels: { [LABELS.zone]: 'platform' } } }], ports: [{ port: '443', protocol: 'TCP' }] });
    expect([...pairs].some((p) => p.startsWith('extranet-internet-access-to-extranet-dedicated'))).toBe(false);
  });
  it('creates three separated admin roles with explicit verbs, bound to three distinct groups', () => {
    const roles = resources(tf['div-8'], 'kubernetes_cluster_role_v1');
    expect(roles.map((r) => meta(r).labels[CONVENTION_LABELS.adminRole]).sort()).toEqual(['audit', 'security', 'system']);
    const text = JSON.stringify(roles);
    expect(text).not.toContain('"*"');
    expect(text).not.toContain('cluster-admin');
    const bindings = resources(tf['div-8'], 'kubernetes_cluster_role_binding_v1');
    const groups = bindings.map((b) => b.body.subject[0].name);
    expect(new Set(groups).size).toBe(3);
    const center = env.topology.centers.find((c) => c.id === 'div-8');
    expect(groups.sort()).toEqual(Object.values(center?.adminGroups ?? {}).sort());
  });
  it('refuses a center whose admin groups are not distinct', () => {
    const bad: Environment = {
      ...env,
      topology: { ...env.topology, centers: env.topology.centers.map((c) => (c.id === 'div-8' ? { ...c, adminGroups: { system: 'ops', audit: 'ops', security: 'sec' } } : c)) },
    };
    expect(() => synthCenter(bad, 'div-8')).toThrow(/三权分立/);
  });
  it('ships audit logs with the audit-shipping ConfigMap from topology.auditLogStore', () => {
    const cm = resources(tf['div-8'], 'kubernetes_config_map_v1').find((r) => meta(r).labels[CONVENTION_LABELS.auditShipping] === 'true');
    const store = env.topology.auditLogStore;
    expect(meta(cm as TfResource).namespace).toBe(OPS_NAMESPACE);
    expect(cm?.body.data).toEqual({
      [AUDIT_SHIPPING_KEYS.endpoint]: store.endpoint,
      [AUDIT_SHIPPING_KEYS.retentionDays]: String(store.retentionDays),
      [AUDIT_SHIPPING_KEYS.storeCenter]: store.center,
      [AUDIT_SHIPPING_KEYS.storeCountry]: store.country,
      [AUDIT_SHIPPING_KEYS.storeCity]: store.city,
      [AUDIT_SHIPPING_KEYS.immutable]: String(store.immutable),
    });
    expect(resources(tf['div-8'], 'kubernetes_daemon_set_v1')).toHaveLength(1);
    const egress = JSON.stringify(resources(tf['div-8'], 'kubernetes_network_policy_v1'));
    expect(egress).not.toContain('0.0.0.0/0');
  });
  it('has an encrypted StorageClass that every PVC and claim template uses', () => {
    const sc = resources(tf['corps-primary'], 'kubernetes_storage_class_v1');
    expect(sc).toHaveLength(1);
    expect(meta(sc[0]).labels[CONVENTION_LABELS.encrypted]).toBe('true');
    expect(sc[0].body.parameters).toEqual({ encrypted: 'true' });
    for (const id of CENTERS) {
      const claims = [
        ...resources(tf[id], 'kubernetes_persistent_volume_claim_v1').map((r) => r.body.spec),
        ...resources(tf[id], 'kubernetes_stateful_set_v1').flatMap((r) => (r.body.spec.volume_claim_template ?? []).map((t: any) => t.spec)),
      ];
      for (const c of claims) expect(c.storage_class_name).toBe(meta(sc[0]).name);
    }
  });
});

describe('CenterStack: systems', () => {
  const SIX = Object.values(LABELS);
  it('labels every resource of a system, and its pod templates, with the six labels', () => {
    let checked = 0;
    for (const id of CENTERS) {
      const systemNamespaces = resources(tf[id], 'kubernetes_namespace_v1').filter((r) => meta(r).labels[CONVENTION_LABELS.namespaceKind] === 'system').map((r) => meta(r).name as string);
      for (const ns of systemNamespaces) {
        for (const r of ofNamespace(tf[id], ns)) {
          const labels = meta(r).labels ?? {};
          for (const key of SIX) expect(labels[key], `${id} ${r.type}.${r.name} ${key}`).toBeTruthy();
          expect(labels[LABELS.system]).toBe(ns);
          expect(labels[LABELS.center]).toBe(id);
          const template = POD_TEMPLATE[r.type]?.(r.body);
          if (template) for (const key of SIX) expect(template.metadata.labels[key], `${r.type}.${r.name} template ${key}`).toBe(labels[key]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
  it('has nothing of a retired or classified system in any stack', () => {
    for (const id of CENTERS) {
      const text = JSON.stringify(tf[id]);
      expect(text).not.toContain('hrss-legacy-payroll');
      expect(text).not.toContain('jiyao-doc-exchange');
    }
  });
  it('keeps a replaced system until its deadline and drops it after', () => {
    expect(JSON.stringify(synthCenter(env, 'corps-primary', '2018-06-30'))).toContain('hrss-legacy-reporting');
    expect(JSON.stringify(tf['corps-primary'])).not.toContain('hrss-legacy-reporting');
  });
  it('deploys a vertical system at corps level only', () => {
    expect(ofNamespace(tf['corps-primary'], 'police-traffic').length).toBeGreaterThan(0);
    expect(JSON.stringify(tf['div-8'])).not.toContain('police-traffic');
  });
  it('level 3: warm standby and replica in the other-city DR center', () => {
    const shihezi = ofNamespace(tf['corps-dr-shihezi'], 'hrss-social-insurance');
    const ns = shihezi.find((r) => r.type === 'kubernetes_namespace_v1');
    expect(meta(ns as TfResource).annotations[CONVENTION_ANNOTATIONS.primaryCenter]).toBe('corps-primary');
    const standby = shihezi.find((r) => r.type === 'kubernetes_deployment_v1') as TfResource;
    expect(meta(standby).labels).toMatchObject({ [LABELS.role]: 'dr', [CONVENTION_LABELS.drMode]: 'warm' });
    expect(Number(standby.body.spec.replicas)).toBeGreaterThanOrEqual(1);
    const replica = shihezi.find((r) => r.type === 'kubernetes_persistent_volume_claim_v1' && meta(r).labels[CONVENTION_LABELS.backup] === 'replica') as TfResource;
    expect(meta(replica).annotations[CONVENTION_ANNOTATIONS.backupSourceCenter]).toBe('corps-primary');
    // Not in the same-city DR center.
    expect(ofNamespace(tf['corps-dr-urumqi'], 'hrss-social-insurance')).toHaveLength(0);
    // A division system recovers into the corps DR center of another city.
    const div8 = ofNamespace(tf['corps-dr-urumqi'], 'div8-farm-subsidy').find((r) => r.type === 'kubernetes_deployment_v1') as TfResource;
    expect(meta(div8).labels[CONVENTION_LABELS.drMode]).toBe('warm');
  });
  it('level 4: active instance with full replicas plus the replica in the remote DR center', () => {
    const remote = ofNamespace(tf['corps-dr-shihezi'], 'police-case-records');
    const active = remote.find((r) => r.type === 'kubernetes_stateful_set_v1') as TfResource;
    expect(meta(active).labels).toMatchObject({ [LABELS.role]: 'dr', [CONVENTION_LABELS.drMode]: 'active', [LABELS.mlpsLevel]: '4' });
    const system = env.inventory.systems.find((s) => s.id === 'police-case-records');
    expect(active.body.spec.replicas).toBe(String(system?.workload?.replicas));
    expect(remote.some((r) => meta(r).labels[CONVENTION_LABELS.backup] === 'replica')).toBe(true);
  });
  it('levels 1–2: a local backup only, no DR instance', () => {
    const portal = 'corps-portal';
    for (const id of ['corps-dr-urumqi', 'corps-dr-shihezi']) expect(JSON.stringify(tf[id])).not.toContain(portal);
  });
  it('backs up systems with persistent data locally on the topology schedule', () => {
    const jobs = resources(tf['corps-primary'], 'kubernetes_cron_job_v1');
    const systems = jobs.map((j) => meta(j).labels[LABELS.system]).sort();
    expect(systems).toEqual(['hrss-social-insurance', 'police-case-records', 'police-traffic']);
    for (const j of jobs) {
      expect(meta(j).labels[CONVENTION_LABELS.backup]).toBe('local');
      expect(j.body.spec.schedule).toBe(env.topology.backup.schedule);
    }
  });
  it('opens network policies to exactly the declared dependencies and platforms', () => {
    expect(policyNames('div-8', 'div8-farm-subsidy')).toEqual([
      'allow-dns-egress',
      'allow-egress-to-hrss-social-insurance',
      'allow-egress-to-platform-dsj',
      'allow-ingress-from-platform-dsj',
      'allow-same-namespace-egress',
      'allow-same-namespace-ingress',
      'default-deny-all',
    ]);
    // Its dependency admits it; hrss-training-records (公用网络区) has no zone flow to 专用网络区, so no direct path.
    const dependency = policyNames('corps-primary', 'hrss-social-insurance');
    expect(dependency).toContain('allow-ingress-from-div8-farm-subsidy');
    expect(dependency).not.toContain('allow-ingress-from-hrss-training-records');
    expect(policyNames('corps-primary', 'hrss-training-records')).not.toContain('allow-egress-to-hrss-social-insurance');
    const egress = ofNamespace(tf['div-8'], 'div8-farm-subsidy').find((r) => meta(r).name === 'allow-egress-to-hrss-social-insurance') as TfResource;
    expect(egress.body.spec.egress[0]).toEqual({
      to: [{ namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'hrss-social-insurance' } } }],
      ports: [{ port: '8080', protocol: 'TCP' }],
    });
  });
  it('exposes only the Internet-facing system of the internet-access zone, through a TLS Ingress', () => {
    const ingresses = resources(tf['corps-primary'], 'kubernetes_ingress_v1');
    expect(ingresses.map((i) => meta(i).namespace)).toEqual(['corps-portal']);
    expect(ingresses[0].body.spec.tls).toEqual([{ hosts: ['www.xjbt.gov.cn'], secret_name: 'corps-portal-tls' }]);
    for (const id of CENTERS) for (const s of resources(tf[id], 'kubernetes_service_v1')) expect(s.body.spec.type).toBe('ClusterIP');
  });
  it('runs every pod template hardened', () => {
    let templates = 0;
    for (const id of CENTERS) {
      for (const r of resources(tf[id]).filter((x) => POD_TEMPLATE[x.type])) {
        const spec = POD_TEMPLATE[r.type](r.body)?.spec;
        const where = `${id} ${r.type}.${r.name}`;
        expect(spec.automount_service_account_token, where).toBe(false);
        expect(spec.service_account_name, where).toBeTruthy();
        expect(spec.service_account_name, where).not.toBe('default');
        expect(spec.security_context, where).toMatchObject({ run_as_non_root: true, run_as_user: '10001', seccomp_profile: { type: 'RuntimeDefault' } });
        for (const c of spec.container) {
          expect(c.security_context, where).toMatchObject({
            allow_privilege_escalation: false,
            read_only_root_filesystem: true,
            run_as_non_root: true,
            privileged: false,
            capabilities: { drop: ['ALL'] },
            seccomp_profile: { type: 'RuntimeDefault' },
          });
          expect(c.image_pull_policy, where).toBe('Always');
          expect(c.resources.limits.cpu && c.resources.limits.memory && c.resources.requests.cpu && c.resources.requests.memory, where).toBeTruthy();
          expect(c.liveness_probe, where).toBeDefined();
          expect(c.readiness_probe, where).toBeDefined();
          expect(c.image, where).toMatch(/^registry\.xjbt\.gov\.cn\/.+:[^:@/]+(@sha256:[0-9a-f]{64})?$/);
        }
        expect(spec.host_network ?? false).toBe(false);
        templates++;
      }
    }
    expect(templates).toBeGreaterThan(10);
  });
  it('spreads replicated workloads across nodes, with at least 2 replicas at level 3 and a PodDisruptionBudget', () => {
    for (const id of CENTERS) {
      for (const r of [...resources(tf[id], 'kubernetes_deployment_v1'), ...resources(tf[id], 'kubernetes_stateful_set_v1')]) {
        const level = Number(meta(r).labels[LABELS.mlpsLevel]);
        if (level >= 3) expect(Number(r.body.spec.replicas), r.name).toBeGreaterThanOrEqual(2);
        expect(r.body.spec.template.spec.topology_spread_constraint[0].topology_key).toBe('kubernetes.io/hostname');
        const ns = meta(r).namespace;
        expect(ofNamespace(tf[id], ns).some((x) => x.type === 'kubernetes_pod_disruption_budget_v1'), `${id} ${ns}`).toBe(true);
      }
    }
  });
  it('uses a digest-pinned image at level 4 (from the inventory)', () => {
    const active = ofNamespace(tf['corps-primary'], 'police-case-records').filter((r) => POD_TEMPLATE[r.type]);
    expect(active.length).toBe(2); // StatefulSet + backup CronJob
    for (const r of active) for (const c of POD_TEMPLATE[r.type](r.body)?.spec.container) expect(c.image).toContain('@sha256:');
  });
});

describe('CenterStack: refusals', () => {
  const base = (): InfoSystem => ({
    id: 'too-high',
    department: 'hrss',
    class: 'keep',
    mlps: { level: 4 },
    zone: 'extranet-dedicated',
    location: { kind: 'cloud', center: 'div-8' },
  });
  it('refuses a system above the center level, naming the inventory entry', () => {
    const bad = withChanges(env, { systems: [base()] });
    let error: unknown;
    try {
      synthCenter(bad, 'div-8');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const problem = (error as InputError).problems[0];
    expect(problem.message).toMatch(/level 4, above center div-8 \(level 3\)/);
    expect(problem.file).toBe(env.files.inventory);
    expect(problem.path).toBe(`/systems/${bad.inventory.systems.length - 1}`);
  });
  it('SystemTenancy refuses a retired or a classified system handed to it', () => {
    const center = env.topology.centers.find((c) => c.id === 'div-8') as Center;
    const department = env.inventory.departments[0];
    const tenancy = (system: InfoSystem) => () =>
      new SystemTenancy(new TerraformStack(Testing.app(), 'probe'), 't', {
        system, department, center, role: 'primary', level: 2, zone: 'extranet-dedicated',
        dependencies: [], dependants: [], platforms: [], flows: [], ports: [], quota: EMPTY_SYSTEM_QUOTA,
      });
    expect(tenancy({ ...base(), class: 'retire' })).toThrow(/retired \(淘汰\)/);
    expect(tenancy({ ...base(), classified: true })).toThrow(/classified \(涉密\)/);
    expect(tenancy({ ...base(), mlps: { level: 2 } })).not.toThrow();
  });
  it('refuses a system of the intranet zone placed on the cloud', () => {
    const bad = withChanges(env, { systems: [{ ...base(), mlps: { level: 2 }, zone: 'intranet' }] });
    expect(() => synthCenter(bad, 'div-8')).toThrow(/政务内网/);
  });
});

/**
 * Integration: the configuration rules judge what the stacks synthesize for the test environment.
 * Only the low-severity digest advice may remain on resources: the synthesized configuration itself
 * must not be what blocks a deployment.
 */
describe('rules on the synthesized stacks', () => {
  it('find nothing above low on any resource the stacks create', () => {
    const all = CENTERS.flatMap((id) => normalizeTerraformJson(tf[id], id, `stacks/${id}/cdk.tf.json`));
    expect(all.length).toBeGreaterThan(300);
    const result = runChecks({ env, resources: all, hasConfiguration: true, rules: ALL_RULES, asOf: '2018-07-01' });
    expect(result.ruleErrors).toEqual([]);
    const onResources = result.findings.filter((f) => f.address !== undefined && severityRank(f.severity) > severityRank('low'));
    expect(onResources.map((f) => `${f.ruleId} ${f.stack}/${f.address}: ${f.message}`)).toEqual([]);
  });
});
