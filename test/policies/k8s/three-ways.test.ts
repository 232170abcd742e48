/**
 * Issue 13, item 4: for every K8S rule, the same workload written three ways — Terraform HCL
 * (`main.tf`), Terraform JSON (`main.tf.json`) and a Kubernetes manifest (`--manifests`) — gets the
 * same verdict from the real readers. Each rule has a hardened base (no finding of any K8S rule, in
 * all three) and one change that breaks that rule (findings in all three, the same number and the
 * same messages once the address is taken off).
 *
 * The three forms are rendered here from one manifest object, by a converter of this test's own (not
 * the reader's), so the manifest reader's field mapping is checked against an independent one.
 */
import * as path from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { K8S_RULES } from '../../../policies/k8s';
import { readRootModule } from '../../../checks/engine/read/module-reader';
import { loadManifests } from '../../../checks/engine/read/manifests/read-manifests';
import type { Resource } from '../../../checks/engine/types';
import { loadMiniEnv } from '../../helpers/mini-env';
import { buildRuleContext } from '../../helpers/rule-context';
import { tmpFiles } from '../../helpers/tmp-files';

type J = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const NS = 'hrss-social-insurance';
const IMAGE = 'registry.xjbt.gov.cn/hrss/web:1.4.2@sha256:a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2beef';

/** The hardened base: a Deployment, a Role and a RoleBinding, as manifests. */
function base(): J[] {
  return [
    {
      apiVersion: 'apps/v1', kind: 'Deployment',
      metadata: { name: 'web', namespace: NS, labels: { 'xjbt.gov.cn/system': NS } },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            serviceAccountName: 'web',
            automountServiceAccountToken: false,
            securityContext: { runAsNonRoot: true, runAsUser: 10001, seccompProfile: { type: 'RuntimeDefault' } },
            containers: [{
              name: 'app', image: IMAGE, imagePullPolicy: 'Always',
              securityContext: { privileged: false, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
              resources: { limits: { cpu: '500m', memory: '512Mi' }, requests: { cpu: '250m', memory: '256Mi' } },
              ports: [{ containerPort: 8080 }],
              livenessProbe: { httpGet: { path: '/healthz', port: 8080 } },
              readinessProbe: { httpGet: { path: '/healthz', port: 8080 } },
              volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
            }],
            volumes: [{ name: 'tmp', emptyDir: {} }],
          },
        },
      },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role',
      metadata: { name: 'reader', namespace: NS },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] }],
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding',
      metadata: { name: 'reader', namespace: NS },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'reader' },
      subjects: [{ kind: 'ServiceAccount', name: 'web', namespace: NS }],
    },
  ];
}

const pod = (objs: J[]) => objs[0].spec.template.spec;
const app = (objs: J[]) => pod(objs).containers[0];
const csc = (objs: J[]) => app(objs).securityContext;

/** One change per rule that breaks it (and, as far as possible, only it). */
const BREAK: Record<string, (o: J[]) => void> = {
  'K8S-001': (o) => { csc(o).privileged = true; },
  'K8S-002': (o) => { csc(o).allowPrivilegeEscalation = true; },
  'K8S-003': (o) => { pod(o).hostNetwork = true; },
  'K8S-004': (o) => { pod(o).hostPID = true; },
  'K8S-005': (o) => { pod(o).hostIPC = true; },
  'K8S-006': (o) => { app(o).ports[0].hostPort = 8080; },
  'K8S-007': (o) => { csc(o).capabilities.drop = ['CHOWN']; },
  'K8S-008': (o) => { csc(o).capabilities.add = ['SYS_ADMIN']; },
  'K8S-009': (o) => { pod(o).securityContext.runAsUser = 0; },
  'K8S-010': (o) => { csc(o).readOnlyRootFilesystem = false; },
  'K8S-011': (o) => { delete app(o).resources.limits.cpu; },
  'K8S-012': (o) => { delete app(o).resources.limits.memory; },
  'K8S-013': (o) => { delete app(o).resources.requests.cpu; },
  'K8S-014': (o) => { delete app(o).resources.requests.memory; },
  'K8S-015': (o) => { app(o).image = 'registry.xjbt.gov.cn/hrss/web:latest'; },
  'K8S-016': (o) => { app(o).image = 'registry.xjbt.gov.cn/hrss/web:1.4.2'; },
  'K8S-017': (o) => { app(o).imagePullPolicy = 'IfNotPresent'; },
  'K8S-018': (o) => { delete app(o).livenessProbe; },
  'K8S-019': (o) => { delete app(o).readinessProbe; },
  'K8S-020': (o) => { delete o[0].metadata.namespace; },
  'K8S-021': (o) => { pod(o).volumes.push({ name: 'docker', hostPath: { path: '/var/run/docker.sock' } }); },
  'K8S-022': (o) => { app(o).env = [{ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } }]; },
  'K8S-023': (o) => { o[1].rules[0].verbs = ['*']; },
  'K8S-024': (o) => { pod(o).automountServiceAccountToken = true; },
  'K8S-025': (o) => { pod(o).serviceAccountName = 'default'; },
  'K8S-026': (o) => { delete pod(o).securityContext.seccompProfile; },
  'K8S-027': (o) => { app(o).image = 'docker.io/library/nginx:1.25@sha256:a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2a3f1c2beef'; },
  'K8S-028': (o) => { pod(o).volumes.push({ name: 'etc', hostPath: { path: '/etc/kubernetes' } }); },
  'K8S-029': (o) => { csc(o).procMount = 'Unmasked'; },
  'K8S-030': (o) => { pod(o).securityContext.sysctls = [{ name: 'kernel.msgmax', value: '65536' }]; },
  'K8S-031': (o) => { o[2].subjects.push({ kind: 'ServiceAccount', name: 'default', namespace: NS }); },
};

// ---- this test's own manifest → Terraform converter -------------------------------------------

const TYPES: Record<string, string> = { Deployment: 'kubernetes_deployment_v1', Role: 'kubernetes_role_v1', RoleBinding: 'kubernetes_role_binding_v1' };
const RENAMES: Record<string, string> = {
  containers: 'container', volumes: 'volume', volumeMounts: 'volume_mount', ports: 'port', rules: 'rule', subjects: 'subject', sysctls: 'sysctl',
  hostPID: 'host_pid', hostIPC: 'host_ipc',
};
const MAPS = new Set(['labels', 'annotations', 'matchLabels', 'limits', 'requests']);
const snake = (k: string) => RENAMES[k] ?? k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

function toTerraform(v: J, key?: string): J {
  if (Array.isArray(v)) return v.map((x) => toTerraform(x));
  if (v === null || typeof v !== 'object') return v;
  if (key !== undefined && MAPS.has(key)) return { ...v };
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [snake(k), toTerraform(x, k)]));
}

function terraformJson(objs: J[]): J {
  const resource: J = {};
  for (const o of objs) {
    const { apiVersion: _a, kind, ...body } = o;
    (resource[TYPES[kind]] ??= {})[o.metadata.name] = toTerraform(body);
  }
  return { resource };
}

const HCL_MAPS = new Set(['labels', 'annotations', 'match_labels', 'limits', 'requests']);
const lit = (v: J) => JSON.stringify(v);

/** Terraform JSON → HCL: objects are blocks (lists of objects repeated blocks), except the map attributes. */
function hclBody(body: J, indent: string): string {
  let out = '';
  for (const [k, v] of Object.entries(body)) {
    if (HCL_MAPS.has(k)) out += `${indent}${k} = {\n${Object.entries(v as J).map(([mk, mv]) => `${indent}  ${lit(mk)} = ${lit(mv)}\n`).join('')}${indent}}\n`;
    else if (Array.isArray(v) && v.length > 0 && v.every((x) => x !== null && typeof x === 'object')) for (const b of v) out += `${indent}${k} {\n${hclBody(b, `${indent}  `)}${indent}}\n`;
    else if (v !== null && typeof v === 'object' && !Array.isArray(v)) out += `${indent}${k} {\n${hclBody(v, `${indent}  `)}${indent}}\n`;
    else out += `${indent}${k} = ${lit(v)}\n`;
  }
  return out;
}

function hcl(doc: J): string {
  let out = '';
  for (const [type, byName] of Object.entries(doc.resource as J)) {
    for (const [name, body] of Object.entries(byName as J)) out += `resource ${lit(type)} ${lit(name)} {\n${hclBody(body, '  ')}}\n\n`;
  }
  return out;
}

// ---- the three readings ------------------------------------------------------------------------

const tmp = tmpFiles('btyun-three-ways-');
const env = loadMiniEnv();

async function readAll(label: string, objs: J[]): Promise<Record<'hcl' | 'json' | 'manifest', Resource[]>> {
  const doc = terraformJson(objs);
  tmp.write(`${label}/hcl/main.tf`, hcl(doc));
  tmp.write(`${label}/json/main.tf.json`, JSON.stringify(doc, null, 2));
  const manifest = tmp.write(`${label}/manifest.yaml`, objs.map((o) => stringify(o)).join('---\n'));
  const cwd = tmp.dir;
  return {
    hcl: (await readRootModule(path.join(label, 'hcl'), { stack: 'three', cwd })).resources,
    json: (await readRootModule(path.join(label, 'json'), { stack: 'three', cwd })).resources,
    manifest: loadManifests(path.relative(cwd, manifest), cwd).resources,
  };
}

function verdict(ruleId: string, resources: readonly Resource[]): string[] {
  const rule = K8S_RULES.find((r) => r.id === ruleId)!;
  const ctx = buildRuleContext(env, resources, '2026-11-24', true);
  return rule.check(ctx).map((f) => {
    const a = f.resource?.address ?? '';
    const m = f.message.en.startsWith(`${a}: `) ? f.message.en.slice(a.length + 2) : f.message.en;
    return `${f.resource?.kind ?? ''}/${f.resource?.metadata.name ?? ''}: ${m}`;
  });
}

describe('three ways, one verdict: Terraform HCL, Terraform JSON and a manifest', () => {
  it('every K8S rule has a breaking change here', () => {
    expect(Object.keys(BREAK).sort()).toEqual(K8S_RULES.map((r) => r.id));
  });

  it('the hardened base passes every K8S rule in all three forms', async () => {
    const forms = await readAll('base', base());
    for (const [form, resources] of Object.entries(forms)) {
      expect(resources.map((r) => r.kind).sort(), form).toEqual(['deployment', 'role', 'role_binding']);
      expect(K8S_RULES.flatMap((r) => verdict(r.id, resources).map((m) => `${r.id} ${m}`)), form).toEqual([]);
    }
  });

  it.each(K8S_RULES.map((r) => r.id))('%s: the same findings from HCL, JSON and the manifest', async (id) => {
    const objs = base();
    BREAK[id](objs);
    const forms = await readAll(id, objs);
    const json = verdict(id, forms.json);
    expect(json.length, `${id} should fire on Terraform JSON`).toBeGreaterThan(0);
    expect(verdict(id, forms.hcl), 'HCL').toEqual(json);
    expect(verdict(id, forms.manifest), 'manifest').toEqual(json);
  });
});
