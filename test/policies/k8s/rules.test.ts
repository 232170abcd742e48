/** Behaviour of K8S rules beyond the fixtures: catalogue shape, kinds, levels, overrides, edge cases. */
import { describe, expect, it } from 'vitest';
import { POD_TEMPLATE_PATHS } from '../../../checks/engine/pods';
import type { Rule } from '../../../checks/engine/types';
import { K8S_RULES } from '../../../policies/k8s';
import { judgeContainers } from '../../../policies/k8s/lib/workloads';
import { defineResourceRule } from '../../../policies/sdk';
import { contextFor, fromJson, miniEnvWith } from './support';

const rule = (id: string): Rule => K8S_RULES.find((r) => r.id === id)!;

/** A resource body with `spec` at the pod-spec path of `kind`. */
function bodyFor(kind: string, spec: object, metadata: object = { name: 'w', namespace: 'ns' }): object {
  let body: object = spec;
  for (const key of [...POD_TEMPLATE_PATHS[kind]].reverse()) body = { [key]: body };
  return { metadata, ...body };
}

function one(kind: string, spec: object, metadata?: object, type = `kubernetes_${kind}_v1`) {
  return fromJson({ resource: { [type]: { w: bodyFor(kind, spec, metadata) } } });
}

const c = (extra: object = {}) => ({ name: 'app', image: 'registry.xjbt.gov.cn/a/b:1', ...extra });

describe('catalogue', () => {
  it('lists K8S-001 … K8S-031 in id order with the severities of RULES.md', () => {
    const expected: Record<string, string> = {
      '001': 'critical', '002': 'high', '003': 'high', '004': 'high', '005': 'high', '006': 'medium', '007': 'medium',
      '008': 'high', '009': 'medium', '010': 'medium', '011': 'medium', '012': 'medium', '013': 'low', '014': 'low',
      '015': 'medium', '016': 'low', '017': 'low', '018': 'low', '019': 'low', '020': 'medium', '021': 'critical',
      '022': 'low', '023': 'high', '024': 'medium', '025': 'medium', '026': 'low', '027': 'medium',
      '028': 'high', '029': 'medium', '030': 'high', '031': 'medium',
    };
    expect(K8S_RULES.map((r) => r.id)).toEqual(Object.keys(expected).map((n) => `K8S-${n}`));
    for (const r of K8S_RULES) {
      expect(r.severity, r.id).toBe(expected[r.id.slice(4)]);
      expect(r.pack).toBe('k8s');
      expect(r.clause).toMatch(/^GB\/T 22239-2019 /);
      expect(r.inputs).toContain('configuration');
    }
  });
});

describe('pod-template kinds', () => {
  it.each(Object.keys(POD_TEMPLATE_PATHS))('K8S-001 finds a privileged container in a %s', (kind) => {
    const resources = one(kind, { container: [c({ security_context: { privileged: true } })] });
    expect(rule('K8S-001').check(contextFor(resources))).toHaveLength(1);
  });

  it('judges unversioned and _v1 types alike', () => {
    const spec = { host_network: true, container: [c()] };
    const a = one('deployment', spec, undefined, 'kubernetes_deployment');
    const b = one('deployment', spec, undefined, 'kubernetes_deployment_v1');
    expect(rule('K8S-003').check(contextFor(a))).toHaveLength(1);
    expect(rule('K8S-003').check(contextFor(b))).toHaveLength(1);
  });
});

describe('levels', () => {
  it('a resource rule judges only resources at its levels', () => {
    const level3 = one('pod', { container: [c()] });
    const level4 = one('pod', { container: [c()] }, { name: 'p', labels: { 'xjbt.gov.cn/mlps-level': '4' } });
    const levelFour = defineResourceRule({
      id: 'K8S-999',
      pack: 'k8s',
      severity: 'low',
      title: { zh: 'x', en: 'x' },
      clause: 'x',
      levels: [4],
      remediation: { zh: 'x', en: 'x' },
      kinds: ['pod'],
      judge: judgeContainers(() => ({ zh: 'x', en: 'x' })),
    });
    expect(levelFour.check(contextFor(level3))).toHaveLength(0);
    expect(levelFour.check(contextFor(level4))).toHaveLength(1);
  });

  it('K8S-016 is high at level 4 (label or environment default) and keeps its low severity below', () => {
    const spec = { container: [c({ image: 'registry.xjbt.gov.cn/a/b:1.0' })] };
    const labelled = one('deployment', spec, { name: 'w', labels: { 'xjbt.gov.cn/mlps-level': '4' } });
    expect(rule('K8S-016').check(contextFor(labelled)).map((f) => f.severity)).toEqual(['high']);
    const unlabelled = one('deployment', spec);
    expect(rule('K8S-016').check(contextFor(unlabelled)).map((f) => f.severity)).toEqual([undefined]);
    expect(rule('K8S-016').check(contextFor(unlabelled, miniEnvWith({ defaultMlpsLevel: 4 }))).map((f) => f.severity)).toEqual(['high']);
  });
});

describe('counting', () => {
  it('a resource rule counts every resource of its kinds it judged; K8S-018 leaves run-to-completion kinds out', () => {
    const ctx = contextFor([...one('deployment', { container: [c()] }), ...one('job', { container: [c()] })]);
    expect(rule('K8S-001').evaluate!(ctx).evaluated).toBe(2);
    expect(rule('K8S-018').evaluate!(ctx).evaluated).toBe(1);
    expect(rule('K8S-018').evaluate!(contextFor(one('job', { container: [c()] }))).evaluated).toBe(0);
  });
});

describe('K8S-009 run as non-root', () => {
  it('a container run_as_non_root = false overrides the pod', () => {
    const resources = one('pod', { security_context: { run_as_non_root: true }, container: [c({ security_context: { run_as_non_root: false } })] });
    expect(rule('K8S-009').check(contextFor(resources))).toHaveLength(1);
  });
  it('an unresolved run_as_user cannot be verified', () => {
    const resources = one('pod', { security_context: { run_as_user: '${var.uid}' }, container: [c()] });
    expect(rule('K8S-009').check(contextFor(resources))[0].message.en).toContain('cannot be verified');
  });
});

describe('K8S-026 seccomp', () => {
  it('a container RuntimeDefault overrides a pod Unconfined', () => {
    const spec = { security_context: { seccomp_profile: { type: 'Unconfined' } }, container: [c({ security_context: { seccomp_profile: { type: 'RuntimeDefault' } } }), c({ name: 'side' })] };
    const findings = rule('K8S-026').check(contextFor(one('pod', spec)));
    expect(findings.map((f) => f.message.en)).toEqual([expect.stringContaining("container 'side'")]);
  });
  it('honours the per-container legacy annotation', () => {
    const body = bodyFor('deployment', { container: [c()] });
    (body as any).spec.template.metadata = { annotations: { 'container.seccomp.security.alpha.kubernetes.io/app': 'localhost/profiles/app.json' } };
    const resources = fromJson({ resource: { kubernetes_deployment_v1: { w: body } } });
    expect(rule('K8S-026').check(contextFor(resources))).toHaveLength(0);
  });
});

describe('K8S-027 approved registry', () => {
  const check = (image: string, approved: string[] = ['registry.xjbt.gov.cn']) =>
    rule('K8S-027').check(contextFor(one('pod', { container: [c({ image })] }), miniEnvWith({ approvedRegistries: approved })));

  it('matches host/path prefixes on whole path components, host case-insensitively', () => {
    expect(check('MIRROR.xjbt.gov.cn/hrss/web:1', ['mirror.xjbt.gov.cn/hrss'])).toHaveLength(0);
    expect(check('mirror.xjbt.gov.cn/hrssx/web:1', ['mirror.xjbt.gov.cn/hrss'])).toHaveLength(1);
    expect(check('registry.xjbt.gov.cn.evil.com/hrss/web:1')).toHaveLength(1);
  });
  it("always approves the topology's corps registry", () => {
    expect(check('registry.xjbt.gov.cn/a/b:1', [])).toHaveLength(0);
  });
  it('proves a partly unresolved image wrong when its literal host is another registry', () => {
    const [f] = check('docker.io/library/${var.name}:1');
    expect(f.message.en).toContain('from docker.io');
  });
});

describe('K8S-024 automount', () => {
  const sa = (namespace: string, automount: unknown) => ({ metadata: { name: 'web', namespace }, automount_service_account_token: automount });
  it('uses the service account of the same namespace only', () => {
    const spec = { service_account_name: 'web', container: [c()] };
    const doc = (ns: string) => ({
      resource: { kubernetes_pod_v1: { w: bodyFor('pod', spec, { name: 'w', namespace: 'hrss' }) }, kubernetes_service_account_v1: { web: sa(ns, false) } },
    });
    expect(rule('K8S-024').check(contextFor(fromJson(doc('hrss'))))).toHaveLength(0);
    expect(rule('K8S-024').check(contextFor(fromJson(doc('other'))))).toHaveLength(1);
  });
  it('reads kubernetes_default_service_account for pods without a service account name', () => {
    const doc = {
      resource: {
        kubernetes_pod_v1: { w: bodyFor('pod', { container: [c()] }, { name: 'w', namespace: 'hrss' }) },
        kubernetes_default_service_account_v1: { d: { metadata: { namespace: 'hrss' }, automount_service_account_token: false } },
      },
    };
    expect(rule('K8S-024').check(contextFor(fromJson(doc)))).toHaveLength(0);
  });
  it('an unresolved service account name cannot be verified', () => {
    const resources = one('pod', { service_account_name: '${var.sa}', container: [c()] });
    expect(rule('K8S-024').check(contextFor(resources))[0].message.en).toContain('cannot be verified');
  });
  it('a pod spec true wins over a service account false', () => {
    const doc = {
      resource: {
        kubernetes_pod_v1: { w: bodyFor('pod', { service_account_name: 'web', automount_service_account_token: true, container: [c()] }, { name: 'w', namespace: 'hrss' }) },
        kubernetes_service_account_v1: { web: sa('hrss', false) },
      },
    };
    expect(rule('K8S-024').check(contextFor(fromJson(doc)))).toHaveLength(1);
  });
});

describe('other edge cases', () => {
  it('K8S-022 names variables and secrets, never values', () => {
    const env = [{ name: 'TOKEN', value_from: { secret_key_ref: { name: 'api', key: 'token' } } }, { name: 'PLAIN', value: 'hunter2' }];
    const [f] = rule('K8S-022').check(contextFor(one('pod', { container: [c({ env })] })));
    expect(f.message.en).toContain('TOKEN');
    expect(f.message.en + f.message.zh).not.toContain('hunter2');
    expect(f.message.en).not.toContain('PLAIN');
  });
  it('K8S-018/019 skip init containers and run-to-completion kinds', () => {
    const spec = { init_container: [c({ name: 'init' })], container: [c()] };
    for (const kind of ['job', 'cron_job']) {
      expect(rule('K8S-018').check(contextFor(one(kind, spec)))).toHaveLength(0);
    }
    const findings = rule('K8S-019').check(contextFor(one('deployment', spec)));
    expect(findings.map((f) => f.message.en)).toEqual([expect.stringContaining("container 'app'")]);
  });
  it('K8S-020 passes an unresolved namespace and reports a missing one', () => {
    expect(rule('K8S-020').check(contextFor(one('pod', { container: [c()] }, { name: 'w', namespace: '${var.ns}' })))).toHaveLength(0);
    expect(rule('K8S-020').check(contextFor(one('pod', { container: [c()] }, { name: 'w' })))).toHaveLength(1);
  });
  it('K8S-023 passes unresolved list items and reports `*/scale`', () => {
    const role = (resources: unknown) => fromJson({ resource: { kubernetes_cluster_role_v1: { r: { metadata: { name: 'r' }, rule: [{ api_groups: ['apps'], resources, verbs: ['${var.verb}'] }] } } } });
    expect(rule('K8S-023').check(contextFor(role(['deployments'])))).toHaveLength(0);
    expect(rule('K8S-023').check(contextFor(role(['*/scale'])))).toHaveLength(1);
  });
  it('K8S-001 passes an unresolved privileged; K8S-002 reports an unresolved escalation', () => {
    const sc = { privileged: '${var.p}', allow_privilege_escalation: '${var.e}' };
    const ctx = contextFor(one('pod', { container: [c({ security_context: sc })] }));
    expect(rule('K8S-001').check(ctx)).toHaveLength(0);
    expect(rule('K8S-002').check(ctx)[0].message.zh).toContain('无法验证');
  });
  it('is deterministic: the same input gives the same messages', () => {
    const resources = one('deployment', { container: [c({ security_context: { capabilities: { add: ['SYS_ADMIN', 'BPF', 'NET_ADMIN'] } } })] });
    const run = () => K8S_RULES.flatMap((r) => r.check(contextFor(resources)).map((f) => f.message.en));
    expect(run()).toEqual(run());
    expect(run().find((m) => m.includes('dangerous'))).toContain('BPF, NET_ADMIN, SYS_ADMIN');
  });
});
