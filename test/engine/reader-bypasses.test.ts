/**
 * Regression tests for issue 11, item 4: what the configuration readers could not read or verify
 * passed every rule without a word. Each bypass is run end to end through the check session
 * (`btyun check --tf DIR` / `--synth DIR`) on the mini environment, and must now either be judged
 * by the rule it hid from (K8S-001: a privileged container) or be reported as not verifiable
 * (CFG-001 / CFG-002 / CFG-004).
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_FLAGS, sourceFlag } from '../../checks/app/cli/commands/check';
import { parseArgs } from '../../checks/app/cli/args';
import { runSession } from '../../checks/app/session';
import type { ConfigurationSource, Finding } from '../../checks/engine/types';
import { UsageError } from '../../checks/core/errors';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { tmpFiles } from '../helpers/tmp-files';

const MINI = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'envs', 'mini');
const RULES = ['K8S-001', 'CFG-001', 'CFG-002', 'CFG-004'];
const tmp = tmpFiles('btyun-reader-bypasses-');

async function findings(source: ConfigurationSource): Promise<Finding[]> {
  const result = await runSession({ envRef: MINI, source, rules: RULES, asOf: '2018-07-01', cwd: tmp.dir });
  return result.findings;
}

/** `RULE address file:line` of the findings of `rule`, sorted. */
function of(fs: readonly Finding[], rule: string): string[] {
  return fs
    .filter((f) => f.ruleId === rule)
    .map((f) => `${f.address ?? ''} ${f.file ?? ''}:${f.line ?? ''}`)
    .sort();
}

function messages(fs: readonly Finding[], rule: string): string[] {
  return fs.filter((f) => f.ruleId === rule).map((f) => f.message);
}

/** A pod with one container whose security_context body is `sc` (HCL). */
function hclPod(name: string, sc: string): string {
  return `resource "kubernetes_pod_v1" "${name}" {
  metadata {
    name      = "${name}"
    namespace = "hrss-social-insurance"
  }
  spec {
    container {
      name  = "app"
      image = "registry.xjbt.gov.cn/hrss/web:1.4.2"
      security_context {
        ${sc}
      }
    }
  }
}
`;
}

function jsonPod(name: string, container: unknown, type = 'kubernetes_pod_v1'): string {
  return JSON.stringify({ resource: { [type]: { [name]: { metadata: { name, namespace: 'hrss-social-insurance' }, spec: { container } } } } }, null, 2);
}

describe('--tf reads the local modules a configuration calls', () => {
  it('a privileged pod inside `module "m" { source = "./m" }` is checked, addressed module.m.…', async () => {
    tmp.write('mod/main.tf', 'module "m" {\n  source = "./m"\n}\n');
    tmp.write('mod/m/main.tf', hclPod('x', 'privileged = true'));
    expect(of(await findings({ kind: 'tf', dir: 'mod' }), 'K8S-001')).toEqual(['module.m.kubernetes_pod_v1.x mod/m/main.tf:1']);
  });

  it("binds the module's variables from the call's literal arguments (and its defaults otherwise), through nested modules", async () => {
    tmp.write('args/main.tf', 'variable "on" {\n  default = true\n}\nmodule "outer" {\n  source = "./outer"\n  privileged = var.on\n}\n');
    tmp.write('args/outer/main.tf', 'variable "privileged" {\n  default = false\n}\nmodule "inner" {\n  source = "../inner"\n  privileged = var.privileged\n}\n');
    tmp.write('args/inner/main.tf', `variable "privileged" {\n  default = false\n}\n${hclPod('p', 'privileged = var.privileged')}`);
    expect(of(await findings({ kind: 'tf', dir: 'args' }), 'K8S-001')).toEqual(['module.outer.module.inner.kubernetes_pod_v1.p args/inner/main.tf:4']);
  });

  it('a module whose source cannot be read is a CFG-004 finding naming the call’s file and line', async () => {
    tmp.write(
      'badmod/main.tf',
      [
        'module "registry" {',
        '  source  = "hashicorp/consul/aws"',
        '  version = "0.1.0"',
        '}',
        'module "git" {',
        '  source = "git::https://example.com/m.git"',
        '}',
        'module "missing" {',
        '  source = "./nope"',
        '}',
        'module "loop" {',
        '  source = "./"',
        '}',
        '',
      ].join('\n'),
    );
    const fs = await findings({ kind: 'tf', dir: 'badmod' });
    expect(of(fs, 'CFG-004')).toEqual(['module.git badmod/main.tf:5', 'module.loop badmod/main.tf:11', 'module.missing badmod/main.tf:8', 'module.registry badmod/main.tf:1']);
    expect(messages(fs, 'CFG-004').join('\n')).toMatch(/"hashicorp\/consul\/aws", which is not a local path/);
    expect(messages(fs, 'CFG-004').join('\n')).toMatch(/a cycle/);
  });
});

describe('override files', () => {
  it('are read, and reported (CFG-004): Terraform merges them, the check does not', async () => {
    tmp.write('ovr/main.tf', hclPod('o', 'privileged = false'));
    tmp.write('ovr/main_override.tf', hclPod('o', 'privileged = true'));
    const fs = await findings({ kind: 'tf', dir: 'ovr' });
    expect(of(fs, 'K8S-001')).toEqual(['kubernetes_pod_v1.o ovr/main_override.tf:1']);
    expect(of(fs, 'CFG-004')).toEqual([' ovr/main_override.tf:']);
  });
});

describe('--synth reads every .tf / .tf.json of a stack folder', () => {
  it('a privileged pod in an extra .tf.json or .tf beside cdk.tf.json is checked', async () => {
    tmp.write('out/stacks/div-8/cdk.tf.json', JSON.stringify({ resource: { kubernetes_namespace_v1: { ns: { metadata: { name: 'hrss-social-insurance' } } } } }));
    tmp.write('out/stacks/div-8/extra.tf.json', jsonPod('extra', [{ name: 'app', security_context: { privileged: true } }]));
    tmp.write('out/stacks/div-8/more.tf', hclPod('more', 'privileged = true'));
    expect(of(await findings({ kind: 'synth', dir: 'out' }), 'K8S-001')).toEqual([
      'kubernetes_pod_v1.extra out/stacks/div-8/extra.tf.json:4',
      'kubernetes_pod_v1.more out/stacks/div-8/more.tf:1',
    ]);
  });
});

describe('a resource the rules cannot read is reported (CFG-001)', () => {
  it('a pod-template resource without a spec, or whose spec has no container', async () => {
    tmp.write(
      'nospec/main.tf',
      'resource "kubernetes_pod" "a" {\n  metadata {\n    name = "a"\n  }\n}\nresource "kubernetes_deployment_v1" "b" {\n  metadata {\n    name = "b"\n  }\n  spec {\n    replicas = 1\n  }\n}\nresource "kubernetes_cron_job_v1" "c" {\n  metadata {\n    name = "c"\n  }\n  spec {\n    schedule = "* * * * *"\n    job_template {\n      metadata {}\n      spec {\n        template {\n          metadata {}\n          spec {}\n        }\n      }\n    }\n  }\n}\n',
    );
    const fs = await findings({ kind: 'tf', dir: 'nospec' });
    expect(of(fs, 'CFG-001')).toEqual(['kubernetes_cron_job_v1.c nospec/main.tf:14', 'kubernetes_deployment_v1.b nospec/main.tf:6', 'kubernetes_pod.a nospec/main.tf:1']);
    expect(messages(fs, 'CFG-001').sort()).toEqual([
      'kubernetes_cron_job_v1.c: the pod spec (spec.job_template.spec.template.spec) has no container, so the workload cannot be verified',
      'kubernetes_deployment_v1.b: has no pod spec (spec.template is missing), so none of its containers can be verified',
      'kubernetes_pod.a: has no pod spec (spec is missing), so none of its containers can be verified',
    ]);
  });

  it('a block shadowed by an argument of the same name (HCL), or a key written twice (JSON)', async () => {
    tmp.write('shadow/main.tf', hclPod('s', 'privileged = true\n      }\n      security_context = {\n        privileged = false'));
    tmp.write('shadow/dup.tf.json', `{"resource": {"kubernetes_pod_v1": {"d": {"spec": {\n"container": [{"name": "hidden", "security_context": {"privileged": true}}],\n"container": [{"name": "app"}]}}}}}`);
    const fs = await findings({ kind: 'tf', dir: 'shadow' });
    expect(of(fs, 'K8S-001')).toEqual([]); // what the rules see is harmless …
    expect(messages(fs, 'CFG-001').sort()).toEqual([
      'kubernetes_pod_v1.d: spec.container is written twice in one JSON object (duplicate key "container"); reading the JSON keeps only the last one, so the other cannot be verified',
      'kubernetes_pod_v1.s: spec.container[0].security_context is written both as an argument (security_context = …) and as a block (security_context { … }); reading the HCL keeps only the argument, so the block cannot be verified',
    ]);
  });

  it('a value of the wrong shape where a block belongs, naming the resource and the field path', async () => {
    tmp.write('shape/main.tf.json', jsonPod('w', [{ name: 'app', security_context: 'privileged' }, 'oops']));
    const fs = await findings({ kind: 'tf', dir: 'shape' });
    expect(messages(fs, 'CFG-001').sort()).toEqual([
      'kubernetes_pod_v1.w: spec.container[0].security_context is a string ("privileged") where a block belongs: it cannot be verified',
      'kubernetes_pod_v1.w: spec.container[1] is a string ("oops") where a block belongs: it cannot be verified',
    ]);
  });
});

describe('variables are resolved where their value is known; what stays unknown is reported (CFG-002)', () => {
  it('`privileged = var.p` with `default = true` is a privileged container (K8S-001)', async () => {
    tmp.write('vardef/main.tf', `variable "p" {\n  default = true\n}\n${hclPod('v', 'privileged = var.p')}`);
    const fs = await findings({ kind: 'tf', dir: 'vardef' });
    expect(of(fs, 'K8S-001')).toEqual(['kubernetes_pod_v1.v vardef/main.tf:4']);
    expect(of(fs, 'CFG-002')).toEqual([]);
  });

  it('without a default (or tfvars) it stays unknown: CFG-002', async () => {
    tmp.write('varnone/main.tf', `variable "p" {\n  type = bool\n}\n${hclPod('v', 'privileged = var.p')}`);
    const fs = await findings({ kind: 'tf', dir: 'varnone' });
    expect(of(fs, 'K8S-001')).toEqual([]);
    expect(messages(fs, 'CFG-002')).toEqual(['kubernetes_pod_v1.v: spec.container[0].security_context.privileged is not known before deployment (${var.p}), judged by K8S-001: it cannot be verified']);
  });

  it('terraform.tfvars, *.auto.tfvars(.json) and --var-file override the default, in Terraform’s order', async () => {
    tmp.write('tfvars/main.tf', `variable "p" {\n  default = false\n}\n${hclPod('v', 'privileged = var.p')}`);
    tmp.write('tfvars/terraform.tfvars', 'p = true\n');
    expect(of(await findings({ kind: 'tf', dir: 'tfvars' }), 'K8S-001')).toHaveLength(1);
    tmp.write('tfvars/z.auto.tfvars.json', '{"p": false}');
    expect(of(await findings({ kind: 'tf', dir: 'tfvars' }), 'K8S-001')).toEqual([]);
    tmp.write('prod.tfvars', 'p = true\n');
    expect(of(await findings({ kind: 'tf', dir: 'tfvars', varFiles: ['prod.tfvars'] }), 'K8S-001')).toHaveLength(1);
  });

  it('`btyun check --var-file FILE` is repeatable, and only for --tf / --synth', () => {
    const args = parseArgs(['--tf', 'd', '--var-file', 'a.tfvars', '--var-file', 'b.tfvars.json'], CHECK_FLAGS);
    expect(sourceFlag(args)).toEqual({ kind: 'tf', dir: 'd', varFiles: ['a.tfvars', 'b.tfvars.json'] });
    expect(() => sourceFlag(parseArgs(['--plan', 'p.json', '--var-file', 'a.tfvars'], CHECK_FLAGS))).toThrow(UsageError);
  });
});

describe('dynamic blocks over literal lists are expanded', () => {
  it('a privileged container written as `dynamic "container"` over a literal list is checked (HCL)', async () => {
    tmp.write(
      'dyn/main.tf',
      'resource "kubernetes_pod_v1" "d" {\n  metadata {\n    name = "d"\n  }\n  spec {\n    dynamic "container" {\n      for_each = [{ name = "a", privileged = false }, { name = "b", privileged = true }]\n      iterator = c\n      content {\n        name  = c.value.name\n        image = "registry.xjbt.gov.cn/hrss/web:1.4.2"\n        security_context {\n          privileged = c.value.privileged\n        }\n      }\n    }\n  }\n}\n',
    );
    const fs = await findings({ kind: 'tf', dir: 'dyn' });
    expect(messages(fs, 'K8S-001')).toEqual(["kubernetes_pod_v1.d: container 'b' runs privileged (privileged = true)"]);
    expect(of(fs, 'CFG-001')).toEqual([]);
  });

  it('the same in Terraform JSON, and over a variable with a literal default', async () => {
    const content = { name: '${container.value}', image: 'registry.xjbt.gov.cn/hrss/web:1.4.2', security_context: { privileged: true } };
    tmp.write(
      'dynjson/main.tf.json',
      JSON.stringify({
        variable: { names: { default: ['app'] } },
        resource: { kubernetes_pod_v1: { j: { metadata: { name: 'j' }, spec: { dynamic: { container: [{ for_each: '${var.names}', content }] } } } } },
      }),
    );
    expect(messages(await findings({ kind: 'tf', dir: 'dynjson' }), 'K8S-001')).toEqual(["kubernetes_pod_v1.j: container 'app' runs privileged (privileged = true)"]);
  });

  it('a dynamic block over anything else is not verifiable (CFG-002)', async () => {
    tmp.write(
      'dynvar/main.tf',
      'variable "containers" {}\nresource "kubernetes_pod_v1" "d" {\n  metadata {\n    name = "d"\n  }\n  spec {\n    dynamic "container" {\n      for_each = var.containers\n      content {\n        name = container.value\n      }\n    }\n  }\n}\n',
    );
    const fs = await findings({ kind: 'tf', dir: 'dynvar' });
    expect(messages(fs, 'CFG-002')).toEqual([
      'kubernetes_pod_v1.d: spec.dynamic "container" iterates over ${var.containers}, which is not known before deployment: the container blocks it produces cannot be verified',
    ]);
  });
});
