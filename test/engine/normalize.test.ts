import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfiguration } from '../../checks/engine/load-configuration';
import { normalizeHcl } from '../../checks/engine/normalize/hcl';
import { parseJsonText } from '../../checks/engine/normalize/json-text';
import { normalizePlan } from '../../checks/engine/normalize/plan';
import { normalizeTerraformJson } from '../../checks/engine/normalize/terraform-json';
import { containers, podSpec } from '../../checks/engine/pods';
import { isUnresolved, str } from '../../checks/engine/values';
import { InputError } from '../../checks/core/errors';
import { tmpFiles } from '../helpers/tmp-files';

const { dir: tmp, write } = tmpFiles('btyun-normalize-');

function problemsOf(fn: () => unknown): InputError['problems'] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

async function asyncProblemsOf(p: Promise<unknown>): Promise<InputError['problems']> {
  try {
    await p;
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

const deployment = (image: unknown, asList: boolean) => {
  const container = { name: 'web', image };
  const spec = { template: { spec: { container: asList ? [container] : container } } };
  return { metadata: asList ? [{ name: 'web', namespace: 'ns1', labels: { 'xjbt.gov.cn/system': 'sys-a', 'xjbt.gov.cn/mlps-level': '4' } }] : { name: 'web', namespace: 'ns1' }, spec: asList ? [spec] : spec };
};

describe('Terraform JSON (cdk.tf.json)', () => {
  it('reads object and list blocks the same way, and _v1 and unversioned types as one kind', () => {
    const doc = {
      resource: {
        kubernetes_deployment_v1: { a: deployment('registry.xjbt.gov.cn/a:1', false) },
        kubernetes_deployment: { b: deployment('registry.xjbt.gov.cn/b:1', true) },
      },
    };
    const rs = normalizeTerraformJson(doc, 'corps-primary', 'x.tf.json');
    expect(rs.map((r) => [r.address, r.kind])).toEqual([
      ['kubernetes_deployment_v1.a', 'deployment'],
      ['kubernetes_deployment.b', 'deployment'],
    ]);
    const images = rs.map((r) => containers(podSpec(r)).map((c) => str(c.container, 'image')));
    expect(images).toEqual([['registry.xjbt.gov.cn/a:1'], ['registry.xjbt.gov.cn/b:1']]);
    expect(rs[1].system).toBe('sys-a');
    expect(rs[1].level).toBe(4);
    expect(rs[0].metadata.namespace).toBe('ns1');
  });

  it('keeps ${…} references Unresolved, never literal', () => {
    const [r] = normalizeTerraformJson({ resource: { kubernetes_deployment_v1: { a: deployment('${var.image}', false) } } }, 's', 'f');
    const image = containers(podSpec(r))[0].container.image;
    expect(isUnresolved(image)).toBe(true);
    expect(str(containers(podSpec(r))[0].container, 'image')).toBeUndefined();
  });

  it('takes the construct path from the // metadata and finds the line of the resource', () => {
    const text = JSON.stringify(
      { resource: { kubernetes_namespace_v1: { ns: { '//': { metadata: { path: 'corps-primary/tenancy/ns' } }, metadata: { name: 'ns' } } } } },
      null,
      2,
    );
    const [r] = normalizeTerraformJson(JSON.parse(text), 'corps-primary', 'f', text);
    expect(r.constructPath).toBe('corps-primary/tenancy/ns');
    expect(text.split('\n')[r.line! - 1]).toContain('"ns": {');
    expect(Object.keys(r.attrs)).not.toContain('//');
  });
});

describe('JSON syntax errors', () => {
  it('name the file, line and column, and never echo the input', () => {
    const [p] = problemsOf(() => parseJsonText('{\n  "a": "s3cr3t-value",\n  "b": tru\n}', 'cfg.tf.json'));
    expect(p).toMatchObject({ file: 'cfg.tf.json', line: 3, column: 8 });
    expect(p.message).not.toContain('s3cr3t');
  });
  it('report a truncated document at its end', () => {
    const [p] = problemsOf(() => parseJsonText('{\n "a": [1, 2', 'x.json'));
    expect(p.line).toBe(2);
    expect(p.message).toMatch(/end of input/);
  });
});

describe('terraform show -json plans', () => {
  const plan = {
    format_version: '1.2',
    planned_values: {
      root_module: {
        resources: [{ address: 'kubernetes_namespace_v1.ns', mode: 'managed', type: 'kubernetes_namespace_v1', name: 'ns', values: { metadata: [{ name: 'ns' }] } }],
        child_modules: [
          {
            address: 'module.web',
            resources: [
              { address: 'module.web.kubernetes_deployment_v1.app[0]', mode: 'managed', type: 'kubernetes_deployment_v1', name: 'app', index: 0, values: deployment('r/x:1', true) },
              { address: 'module.web.data.kubernetes_secret_v1.s', mode: 'data', type: 'kubernetes_secret_v1', name: 's', values: {} },
            ],
            child_modules: [
              { address: 'module.web.module.db', resources: [{ address: 'module.web.module.db.kubernetes_service_v1.db', mode: 'managed', type: 'kubernetes_service_v1', name: 'db', values: {} }] },
            ],
          },
        ],
      },
    },
  };
  it('reads root and nested child modules, with plan addresses, skipping data sources', () => {
    const rs = normalizePlan(plan, 'plan', 'plan.json');
    expect(rs.map((r) => r.address)).toEqual([
      'kubernetes_namespace_v1.ns',
      'module.web.kubernetes_deployment_v1.app[0]',
      'module.web.module.db.kubernetes_service_v1.db',
    ]);
    expect(rs[1].kind).toBe('deployment');
    expect(rs[1].system).toBe('sys-a');
  });
  it('refuses another major format_version', () => {
    const [p] = problemsOf(() => normalizePlan({ ...plan, format_version: '2.0' }, 'p', 'plan.json'));
    expect(p).toMatchObject({ file: 'plan.json', path: '/format_version' });
    expect(p.message).toMatch(/major version 1/);
  });
  it('refuses a document that is not a plan (a state, a config)', () => {
    expect(problemsOf(() => normalizePlan({ format_version: '1.0', values: {} }, 'p', 'state.json'))[0].message).toMatch(/not a Terraform plan.*state/);
    expect(problemsOf(() => normalizePlan({ resource: {} }, 'p', 'cfg.json'))[0].message).toMatch(/not a Terraform plan/);
    expect(problemsOf(() => normalizePlan([1], 'p', 'x.json'))[0].message).toMatch(/not a Terraform plan/);
  });
});

describe('HCL', () => {
  const hcl = `variable "image" {}

resource "kubernetes_namespace_v1" "ns" {
  metadata {
    name = "tenant"
  }
}

resource "kubernetes_deployment_v1" "web" {
  metadata {
    name      = "web"
    namespace = kubernetes_namespace_v1.ns.metadata[0].name
    labels = {
      "xjbt.gov.cn/system" = "sys-a"
    }
  }
  spec {
    template {
      spec {
        container {
          name  = "a"
          image = var.image
        }
        container {
          name  = "b"
          image = "registry.xjbt.gov.cn/b:1"
        }
      }
    }
  }
}
`;
  it('parses blocks as lists, keeps lines, labels and unresolved references', async () => {
    const rs = await normalizeHcl(hcl, 'tf', 'tf/main.tf');
    expect(rs.map((r) => [r.address, r.line])).toEqual([
      ['kubernetes_namespace_v1.ns', 3],
      ['kubernetes_deployment_v1.web', 9],
    ]);
    const web = rs[1];
    expect(web.system).toBe('sys-a');
    expect(web.metadata.namespace).toBeUndefined(); // a reference, not a literal
    const cs = containers(podSpec(web));
    expect(cs.map((c) => str(c.container, 'name'))).toEqual(['a', 'b']);
    expect(isUnresolved(cs[0].container.image)).toBe(true);
    expect(str(cs[1].container, 'image')).toBe('registry.xjbt.gov.cn/b:1');
  });
  it('reports broken HCL with file, line and column', async () => {
    const problems = await asyncProblemsOf(normalizeHcl('resource "a" "b" {\n  x = \n}\n', 'tf', 'tf/bad.tf'));
    expect(problems[0]).toMatchObject({ file: 'tf/bad.tf', line: 2, column: 7 });
    expect(problems[0].message).toMatch(/^invalid HCL/);
  });
});

describe('loadConfiguration', () => {
  it('reads every stacks/<stack>/cdk.tf.json of a cdktf output folder, stack = folder name, files relative to cwd', async () => {
    write('out/stacks/corps-primary/cdk.tf.json', JSON.stringify({ resource: { kubernetes_namespace_v1: { a: { metadata: { name: 'a' } } } } }));
    write('out/stacks/div-8/cdk.tf.json', JSON.stringify({ resource: { kubernetes_namespace: { b: { metadata: [{ name: 'b' }] } } } }));
    write('out/manifest.json', '{}');
    const rs = (await loadConfiguration({ kind: 'synth', dir: 'out' }, tmp)).resources;
    expect(rs.map((r) => [r.stack, r.address, r.file])).toEqual([
      ['corps-primary', 'kubernetes_namespace_v1.a', 'out/stacks/corps-primary/cdk.tf.json'],
      ['div-8', 'kubernetes_namespace.b', 'out/stacks/div-8/cdk.tf.json'],
    ]);
  });
  it('accepts a folder of *.tf.json (stack = folder name)', async () => {
    write('flat/a.tf.json', JSON.stringify({ resource: { kubernetes_namespace_v1: { a: {} } } }));
    const rs = (await loadConfiguration({ kind: 'synth', dir: 'flat' }, tmp)).resources;
    expect(rs.map((r) => [r.stack, r.file])).toEqual([['flat', 'flat/a.tf.json']]);
  });
  it('reads a .tf folder and reports problems of every broken file at once', async () => {
    write('tfdir/ok.tf', 'resource "kubernetes_namespace_v1" "a" {\n  metadata { name = "a" }\n}\n');
    expect((await loadConfiguration({ kind: 'tf', dir: 'tfdir' }, tmp)).resources.map((r) => r.stack)).toEqual(['tfdir']);
    write('tfdir/x-bad.tf', 'resource "a" {\n');
    write('tfdir/y-bad.tf.json', '{"resource": }');
    const problems = await asyncProblemsOf(loadConfiguration({ kind: 'tf', dir: 'tfdir' }, tmp));
    expect(problems.map((p) => p.file)).toEqual(['tfdir/x-bad.tf', 'tfdir/y-bad.tf.json']);
    expect(problems[1]).toMatchObject({ line: 1, column: 14 });
  });
  it('names missing folders and files, and folders without configuration', async () => {
    expect((await asyncProblemsOf(loadConfiguration({ kind: 'synth', dir: 'nope' }, tmp)))[0]).toMatchObject({ file: 'nope', message: 'no such directory' });
    expect((await asyncProblemsOf(loadConfiguration({ kind: 'plan', file: 'nope.json' }, tmp)))[0]).toMatchObject({ file: 'nope.json' });
    fs.mkdirSync(path.join(tmp, 'empty'), { recursive: true });
    expect((await asyncProblemsOf(loadConfiguration({ kind: 'synth', dir: 'empty' }, tmp)))[0].message).toMatch(/cdk\.tf\.json/);
    fs.mkdirSync(path.join(tmp, 'half/stacks/corps-primary'), { recursive: true });
    expect((await asyncProblemsOf(loadConfiguration({ kind: 'synth', dir: 'half' }, tmp)))[0]).toMatchObject({ file: 'half/stacks' });
  });
  it('reads a plan file; stack = its base name', async () => {
    write('plans/prod.plan.json', JSON.stringify({ format_version: '1.1', planned_values: { root_module: { resources: [{ address: 'kubernetes_namespace_v1.a', mode: 'managed', type: 'kubernetes_namespace_v1', name: 'a', values: {} }] } } }));
    const rs = (await loadConfiguration({ kind: 'plan', file: 'plans/prod.plan.json' }, tmp)).resources;
    expect(rs.map((r) => [r.stack, r.address, r.file])).toEqual([['prod', 'kubernetes_namespace_v1.a', 'plans/prod.plan.json']]);
  });
});
