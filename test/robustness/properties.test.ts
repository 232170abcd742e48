/**
 * Property-based robustness (fast-check): whatever the input, the loader and the normalizers
 * either succeed or fail with an InputError (one clear problem per line), never anything else;
 * the rules never throw on any resource a normalizer accepted; sizes are bounded, so nothing hangs.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { CORE_SCHEMA, dump } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../policies';
import { runCli } from '../../checks/app/cli/main';
import { normalizeHcl } from '../../checks/engine/normalize/hcl';
import { parseJsonText } from '../../checks/engine/normalize/json-text';
import { normalizePlan } from '../../checks/engine/normalize/plan';
import { normalizeTerraformJson } from '../../checks/engine/normalize/terraform-json';
import { runChecks } from '../../checks/engine/run';
import { InputError } from '../../checks/core/errors';
import { environmentFromDocuments } from '../../checks/core/load';
import { DOCUMENT_NAMES, type DocumentName } from '../../checks/core/types';
import { loadMiniEnv, miniData, miniTexts } from '../helpers/mini-env';
import { crashSigns } from './support/built-cli';

const RUNS = 200;

/** Succeeds, or throws an InputError whose problems all name a file and say something. */
function clearOutcome<T>(f: () => T): T | InputError {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof InputError)) throw new Error(`not an InputError: ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}`);
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(typeof p.file).toBe('string');
      expect(p.message).toMatch(/\S/);
      if (p.line !== undefined) expect(p.line).toBeGreaterThanOrEqual(1);
      if (p.column !== undefined) expect(p.column).toBeGreaterThanOrEqual(1);
    }
    expect(crashSigns(e.message)).toEqual([]);
    return e;
  }
}

async function clearOutcomeAsync<T>(f: () => Promise<T>): Promise<T | InputError> {
  let value: T;
  try {
    value = await f();
  } catch (e) {
    return clearOutcome(() => {
      throw e;
    });
  }
  return value;
}

// ---------------------------------------------------------------- environment documents

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Keys the documents use, so mutations hit real structure, plus hostile ones. */
const KEYS = ['id', 'name', 'role', 'center', 'division', 'capacity', 'cpu', 'systems', 'waves', 'moves', 'dependencies', 'zone', 'level', 'mlps', 'date', 'to', 'from', '__proto__', 'constructor', 'x'];
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null), fc.constantFrom('2018-02-30', 'corps-primary', 'div-8', 'hrss', '主中心', '${var.x}', ''));
const { json: anyJson } = fc.letrec<{ json: Json }>((tie) => ({
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('json'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('json'), { maxKeys: 4 }),
  ),
}));

type Mutation =
  | { kind: 'delete'; at: number }
  | { kind: 'replace'; at: number; value: Json }
  | { kind: 'add'; at: number; key: string; value: Json }
  | { kind: 'nest'; at: number; depth: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: anyJson }),
  fc.record({ kind: fc.constant('add' as const), at: fc.nat(), key: fc.constantFrom(...KEYS), value: anyJson }),
  fc.record({ kind: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 200 }) }),
);

/** Every [container, key] slot of a value, in a stable order. */
function slots(v: unknown, out: [Record<string, unknown> | unknown[], string | number][] = []): [Record<string, unknown> | unknown[], string | number][] {
  if (Array.isArray(v)) v.forEach((x, i) => (out.push([v, i]), slots(x, out)));
  else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) out.push([v as Record<string, unknown>, k]), slots(x, out);
  return out;
}

function mutate(doc: unknown, m: Mutation): unknown {
  const all = slots(doc);
  if (all.length === 0) return doc;
  const [parent, key] = all[m.at % all.length];
  const set = (value: unknown): void => {
    if (Array.isArray(parent)) parent[key as number] = value;
    else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
  };
  switch (m.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      break;
    case 'replace':
      set(m.value);
      break;
    case 'add': {
      const target = (parent as Record<string, unknown>)[key as never];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) Object.defineProperty(target, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      else set({ [m.key]: m.value });
      break;
    }
    case 'nest': {
      let v: unknown = (parent as Record<string, unknown>)[key as never];
      for (let i = 0; i < m.depth; i++) v = i % 2 === 0 ? [v] : { x: v };
      set(v);
      break;
    }
  }
  return doc;
}

type TextEdit = { at: number; del: number; insert: string };
const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  at: fc.nat(),
  del: fc.integer({ min: 0, max: 20 }),
  insert: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('\t', ': ', '- ', '&a ', '*a', '!!js/function ', '{', ']', '"', '\n  ', '\u0000', '\uFEFF', '---\n', '? ', '<<: *a\n')),
});

function applyTextEdit(text: string, e: TextEdit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.del);
}

describe('property: the environment loader', () => {
  it('on structural mutations of the mini environment: succeeds or throws an InputError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_NAMES), fc.array(mutation, { minLength: 1, maxLength: 4 }), (doc: DocumentName, ms) => {
        const data = miniData();
        let d: unknown = data[doc];
        for (const m of ms) d = mutate(d, m);
        const texts = miniTexts();
        texts[doc] = { file: `mutated/${doc}.yaml`, text: dump(d, { schema: CORE_SCHEMA, lineWidth: -1, noRefs: true }) };
        clearOutcome(() => environmentFromDocuments('mutated', '/nowhere', texts));
      }),
      { numRuns: RUNS },
    );
  });

  it('on text edits (truncation, tabs, tags, anchors, NUL, BOM): succeeds or throws an InputError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_NAMES), fc.array(textEdit, { minLength: 1, maxLength: 3 }), (doc: DocumentName, edits) => {
        const texts = miniTexts();
        let text = texts[doc].text;
        for (const e of edits) text = applyTextEdit(text, e);
        texts[doc] = { file: `edited/${doc}.yaml`, text };
        clearOutcome(() => environmentFromDocuments('edited', '/nowhere', texts));
      }),
      { numRuns: RUNS },
    );
  });

  it('on arbitrary documents in place of each file: succeeds or throws an InputError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...DOCUMENT_NAMES), anyJson, (doc: DocumentName, value) => {
        const texts = miniTexts();
        texts[doc] = { file: `any/${doc}.yaml`, text: dump(value, { schema: CORE_SCHEMA }) };
        clearOutcome(() => environmentFromDocuments('any', '/nowhere', texts));
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------- Terraform configurations

/** Attribute names the rules read, so generated bodies reach deep into the rules' code paths. */
const ATTRS = ['metadata', 'labels', 'annotations', 'name', 'namespace', 'spec', 'template', 'container', 'init_container', 'security_context', 'privileged', 'allow_privilege_escalation', 'capabilities', 'add', 'drop', 'image', 'image_pull_policy', 'port', 'host_port', 'host_network', 'host_pid', 'resources', 'limits', 'requests', 'cpu', 'memory', 'replicas', 'volume', 'host_path', 'path', 'volume_mount', 'env', 'value', 'value_from', 'secret_key_ref', 'data', 'string_data', 'ingress', 'egress', 'from', 'to', 'ip_block', 'cidr', 'pod_selector', 'namespace_selector', 'policy_types', 'rule', 'verbs', 'api_groups', 'subject', 'kind', 'role_ref', 'type', 'tls', 'storage_class_name', 'parameters', 'xjbt.gov.cn/system', 'xjbt.gov.cn/mlps-level', 'xjbt.gov.cn/zone', 'xjbt.gov.cn/center', 'job_template', 'service_account_name', 'automount_service_account_token', 'seccomp_profile', 'liveness_probe', 'readiness_probe', 'min_available', 'selector', 'match_labels', 'password', 'token'];
const attrScalar = fc.oneof(scalar, fc.constantFrom('0.0.0.0/0', '*', 'ALL', 'SYS_ADMIN', 'LoadBalancer', 'latest', 'registry.xjbt.gov.cn/a:1', 'docker.io/x', '/var/run/docker.sock', 'cluster-admin', '3', '4', 'hrss-social-insurance', 'Always', 'RuntimeDefault'));
const { body: anyBody } = fc.letrec<{ body: Json }>((tie) => ({
  body: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    attrScalar as fc.Arbitrary<Json>,
    fc.array(tie('body'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...ATTRS), tie('body'), { maxKeys: 5 }),
  ),
}));
const K8S_TYPES = ['kubernetes_deployment_v1', 'kubernetes_deployment', 'kubernetes_stateful_set_v1', 'kubernetes_daemonset', 'kubernetes_cron_job_v1', 'kubernetes_job', 'kubernetes_pod', 'kubernetes_service_v1', 'kubernetes_ingress_v1', 'kubernetes_network_policy_v1', 'kubernetes_namespace_v1', 'kubernetes_secret_v1', 'kubernetes_role_v1', 'kubernetes_cluster_role_binding_v1', 'kubernetes_role_binding', 'kubernetes_persistent_volume_claim_v1', 'kubernetes_storage_class_v1', 'kubernetes_pod_disruption_budget_v1', 'kubernetes_config_map', 'null_resource'];
/** Bodies are maps (as Terraform requires), with anything inside. */
const resourceBody = fc.dictionary(fc.constantFrom(...ATTRS), anyBody, { maxKeys: 6 });
const configuration = fc.dictionary(fc.constantFrom(...K8S_TYPES), fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), resourceBody, { minKeys: 1, maxKeys: 3 }), { minKeys: 1, maxKeys: 4 });

const miniEnv = loadMiniEnv();

describe('property: the resource normalizers and the rules', () => {
  it('Terraform JSON: any document gives resources or an InputError; the rules never throw on what is accepted', () => {
    const shaped = fc.oneof(
      configuration.map((resource) => ({ resource }) as Json),
      anyBody.map((resource) => ({ resource }) as Json),
      configuration.map((c) => ({ resource: [c] }) as Json),
      anyBody,
    );
    let accepted = 0;
    fc.assert(
      fc.property(shaped, fc.boolean(), (doc, pretty) => {
        const text = JSON.stringify(doc, null, pretty ? 2 : undefined);
        const out = clearOutcome(() => normalizeTerraformJson(JSON.parse(text), 'corps-primary', 'gen.tf.json', text));
        if (out instanceof InputError) return;
        accepted++;
        const result = runChecks({ env: miniEnv, resources: out, hasConfiguration: true, rules: ALL_RULES, asOf: '2018-07-01' });
        expect(result.ruleErrors).toEqual([]);
      }),
      { numRuns: RUNS },
    );
    // The property is about the rules too: most generated configurations must reach them.
    expect(accepted).toBeGreaterThan(RUNS / 3);
  });

  it('plan JSON: any document gives resources or an InputError; the rules never throw on what is accepted', () => {
    const planResource = fc.record({ address: fc.string({ maxLength: 10 }), mode: fc.constantFrom('managed', 'data', 7), type: fc.constantFrom(...K8S_TYPES), name: fc.stringMatching(/^[a-z]{1,6}$/), values: resourceBody }, { requiredKeys: [] });
    const { mod } = fc.letrec<{ mod: Json }>((tie) => ({
      mod: fc.oneof(
        { depthSize: 'small' },
        fc.record({ resources: fc.array(planResource as fc.Arbitrary<Json>, { maxLength: 3 }), child_modules: fc.array(tie('mod'), { maxLength: 2 }), address: fc.constantFrom('module.a', '', 3) }, { requiredKeys: [] }) as fc.Arbitrary<Json>,
        anyBody,
      ),
    }));
    const plan = fc.oneof(
      fc.record({ format_version: fc.constantFrom('1.0', '1.2', '2.0', '0.1', 1, ''), planned_values: fc.oneof(fc.record({ root_module: mod }) as fc.Arbitrary<Json>, anyBody) }, { requiredKeys: [] }),
      anyBody,
    );
    fc.assert(
      fc.property(plan, (doc) => {
        const out = clearOutcome(() => normalizePlan(doc, 'plan', 'plan.json'));
        if (out instanceof InputError) return;
        const result = runChecks({ env: miniEnv, resources: out, hasConfiguration: true, rules: ALL_RULES, asOf: '2018-07-01' });
        expect(result.ruleErrors).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('JSON text: any text parses or gives an InputError with a line and column', () => {
    const sample = JSON.stringify({ resource: { kubernetes_pod: { a: { metadata: { name: 'a' }, spec: [{ container: [{ image: 'x' }] }] } } } }, null, 2);
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.array(textEdit, { minLength: 1, maxLength: 3 }).map((es) => es.reduce(applyTextEdit, sample)));
    fc.assert(
      fc.property(text, (t) => {
        const out = clearOutcome(() => parseJsonText(t, 'x.json'));
        if (out instanceof InputError) for (const p of out.problems) expect(p.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('HCL: edits of a valid .tf give resources or an InputError', async () => {
    const sample = 'resource "kubernetes_namespace_v1" "ns" {\n  metadata {\n    name   = "ns"\n    labels = { "xjbt.gov.cn/system" = "hrss" }\n  }\n}\n\nresource "kubernetes_pod" "p" {\n  spec {\n    container {\n      image = "registry.xjbt.gov.cn/a:1"\n    }\n  }\n}\n';
    const hclEdit = fc.record({ at: fc.nat(), del: fc.integer({ min: 0, max: 10 }), insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('{', '}', '"', '${', '= ', '\n', '@', 'resource "a" "b" {', '<<EOT\n', '/*')) });
    await fc.assert(
      fc.asyncProperty(fc.array(hclEdit, { minLength: 1, maxLength: 3 }), async (edits) => {
        const text = edits.reduce(applyTextEdit, sample);
        const out = await clearOutcomeAsync(() => normalizeHcl(text, 'tf', 'tf/main.tf'));
        if (out instanceof InputError) return;
        const result = runChecks({ env: miniEnv, resources: out, hasConfiguration: true, rules: ALL_RULES, asOf: '2018-07-01' });
        expect(result.ruleErrors).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});

// ---------------------------------------------------------------- CLI output

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-props-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

describe('property: CLI output', () => {
  it('`validate` and `check --synth` on mutated inputs print no stack trace and exit 0, 1 or 2', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...DOCUMENT_NAMES), fc.array(textEdit, { minLength: 1, maxLength: 2 }), configuration, async (doc: DocumentName, edits, config) => {
        const dir = path.join(tmpRoot, `case-${n++}`);
        fs.mkdirSync(path.join(dir, 'env'), { recursive: true });
        fs.mkdirSync(path.join(dir, 'out', 'stacks', 'corps-primary'), { recursive: true });
        for (const [d, src] of Object.entries(miniTexts())) fs.writeFileSync(path.join(dir, 'env', `${d}.yaml`), d === doc ? edits.reduce(applyTextEdit, src.text) : src.text);
        fs.writeFileSync(path.join(dir, 'out', 'stacks', 'corps-primary', 'cdk.tf.json'), JSON.stringify({ resource: config }, null, 2));
        for (const args of [['validate', '--env', 'env'], ['check', '--env', 'env', '--synth', 'out', '--as-of', '2018-07-01', '--format', 'json']]) {
          const out: string[] = [];
          const err: string[] = [];
          const code = await runCli(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd: dir });
          expect([0, 1, 2]).toContain(code);
          expect(crashSigns(err.join('') + out.join(''))).toEqual([]);
        }
        fs.rmSync(dir, { recursive: true, force: true });
      }),
      { numRuns: 40 },
    );
  });
});
