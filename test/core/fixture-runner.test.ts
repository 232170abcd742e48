/** The rule-fixture machinery: patches, case discovery, case.yaml, configurations, levelOf. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyPatch, asPatchOps } from '../helpers/patch';
import { discoverCases, prepareCase, readCaseSpec, strayCaseFolders } from '../helpers/fixture-case';
import { loadMiniEnv, loadPatchedMiniEnv } from '../helpers/mini-env';
import { buildRuleContext } from '../helpers/rule-context';
import { makeResource } from '../../checks/engine/normalize/resource';
import { InputError } from '../../checks/core/errors';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-fixtures-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  const file = path.join(tmpRoot, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const deployment = (name: string, labels: Record<string, string>) => ({
  resource: {
    kubernetes_deployment_v1: {
      [name]: { metadata: { name, namespace: 'hrss-social-insurance', labels }, spec: { template: { spec: { container: [{ name: 'app', image: 'x:1' }] } } } },
    },
  },
});

describe('applyPatch', () => {
  const base = { topology: { a: [1, 2], m: { k: 'v' } }, networks: {}, inventory: {}, migration: {}, policy: {} };

  it('adds (with /- appending), replaces and removes, without touching its input', () => {
    const out = applyPatch(base, [
      { op: 'add', doc: 'topology', path: '/a/-', value: 3 },
      { op: 'add', doc: 'topology', path: '/a/0', value: 0 },
      { op: 'replace', doc: 'topology', path: '/m/k', value: 'w' },
      { op: 'add', doc: 'policy', path: '/failOn', value: 'low' },
      { op: 'remove', doc: 'topology', path: '/a/1' },
    ]);
    expect(out.topology).toEqual({ a: [0, 2, 3], m: { k: 'w' } });
    expect(out.policy).toEqual({ failOn: 'low' });
    expect(base.topology).toEqual({ a: [1, 2], m: { k: 'v' } });
  });

  it('refuses paths that do not exist', () => {
    expect(() => applyPatch(base, [{ op: 'replace', doc: 'topology', path: '/nope', value: 1 }])).toThrow(/does not exist/);
    expect(() => applyPatch(base, [{ op: 'remove', doc: 'topology', path: '/a/5' }])).toThrow(/out of range/);
    expect(() => applyPatch(base, [{ op: 'add', doc: 'topology', path: '/x/y', value: 1 }])).toThrow(/does not exist/);
  });

  it('checks the shape of patch.yaml entries', () => {
    expect(() => asPatchOps({ op: 'add' }, 'p.yaml')).toThrow(/a list/);
    expect(() => asPatchOps([{ op: 'move', doc: 'policy', path: '/a' }], 'p.yaml')).toThrow(/entry 0: op must be/);
    expect(() => asPatchOps([{ op: 'add', doc: 'nets', path: '/a', value: 1 }], 'p.yaml')).toThrow(/doc must be one of/);
    expect(() => asPatchOps([{ op: 'add', doc: 'policy', path: 'a', value: 1 }], 'p.yaml')).toThrow(/JSON pointer/);
    expect(() => asPatchOps([{ op: 'add', doc: 'policy', path: '/a' }], 'p.yaml')).toThrow(/needs a value/);
  });
});

describe('patched mini environments', () => {
  it('are validated like real input', () => {
    expect(() => loadPatchedMiniEnv([{ op: 'replace', doc: 'inventory', path: '/systems/0/mlps/level', value: 7 }])).toThrow(InputError);
  });
  it('carry the patch', () => {
    const env = loadPatchedMiniEnv([{ op: 'add', doc: 'policy', path: '/defaultMlpsLevel', value: 2 }]);
    expect(env.policy.defaultMlpsLevel).toBe(2);
    expect(env.files.policy).toBe('mini+patch/policy.yaml');
  });
});

describe('case discovery and preparation', () => {
  write('rules/K8S-001/pass-clean/main.tf.json', JSON.stringify(deployment('web', {})));
  write('rules/K8S-001/fail-x/case.yaml', 'asOf: 2019-01-02\nexpect: 2\nstack: corps-primary\ndescription: two findings\n');
  write('rules/K8S-001/fail-x/main.tf.json', JSON.stringify(deployment('web', { 'xjbt.gov.cn/mlps-level': '4' })));
  write('rules/K8S-001/fail-x/div-8/main.tf.json', JSON.stringify(deployment('api', { 'xjbt.gov.cn/system': 'police-case-records' })));
  write('rules/MIG-001/pass-model/patch.yaml', '- { op: replace, doc: migration, path: /waves/0/deadline, value: 2018-04-30 }\n');
  write('rules/MIG-001/notes/README.md', 'stray');
  write('rules/not-a-rule/pass-a/main.tf.json', '{}');

  it('finds <RULE-ID>/<pass…|fail…> folders only, sorted', () => {
    expect(discoverCases(path.join(tmpRoot, 'rules')).map((c) => `${c.ruleId}/${c.name}:${c.expectation}`)).toEqual([
      'K8S-001/fail-x:fail',
      'K8S-001/pass-clean:pass',
      'MIG-001/pass-model:pass',
    ]);
    expect(strayCaseFolders(path.join(tmpRoot, 'rules'))).toEqual(['MIG-001/notes']);
  });

  it('reads case.yaml, the top configuration (stack from case.yaml) and per-stack subfolders', async () => {
    const c = discoverCases(path.join(tmpRoot, 'rules')).find((x) => x.name === 'fail-x')!;
    const { spec, ctx } = await prepareCase(c);
    expect(spec).toEqual({ asOf: '2019-01-02', expect: 2, stack: 'corps-primary', description: 'two findings' });
    expect(ctx.asOf).toBe('2019-01-02');
    expect(ctx.hasConfiguration).toBe(true);
    expect(ctx.resources.stacks).toEqual(['corps-primary', 'div-8']);
    const [web] = ctx.resources.byStack('corps-primary');
    const [api] = ctx.resources.byStack('div-8');
    expect(ctx.levelOf(web)).toBe(4); // its label
    expect(ctx.levelOf(api)).toBe(4); // its system's inventory level
  });

  it('names the stack after the case folder when case.yaml does not, and applies patch.yaml', async () => {
    const [pass, model] = discoverCases(path.join(tmpRoot, 'rules')).filter((x) => x.name !== 'fail-x');
    const prepared = await prepareCase(pass);
    expect(prepared.spec.asOf).toBe('2018-07-01');
    expect(prepared.ctx.resources.stacks).toEqual(['pass-clean']);
    expect(prepared.ctx.levelOf(prepared.ctx.resources.all[0])).toBe(3); // no label, no system: policy default
    const patched = await prepareCase(model);
    expect(patched.ctx.hasConfiguration).toBe(false);
    expect(patched.env.migration.waves[0].deadline).toBe('2018-04-30');
  });

  it('refuses unknown case.yaml fields and bad dates', () => {
    write('bad/case.yaml', 'asof: 2018-01-01\n');
    expect(() => readCaseSpec(path.join(tmpRoot, 'bad'))).toThrow(/unknown field 'asof'/);
    write('bad2/case.yaml', 'asOf: 2018-02-30\n');
    expect(() => readCaseSpec(path.join(tmpRoot, 'bad2'))).toThrow(/asOf must be a date/);
  });

  it('reads HCL main.tf through the engine normalizer', async () => {
    write('rules/K8S-003/fail-hcl/main.tf', 'resource "kubernetes_pod_v1" "p" {\n  metadata {\n    name = "p"\n  }\n  spec {\n    host_network = true\n    container {\n      name  = "c"\n      image = "x:1"\n    }\n  }\n}\n');
    const c = discoverCases(path.join(tmpRoot, 'rules')).find((x) => x.name === 'fail-hcl')!;
    const { ctx } = await prepareCase(c);
    expect(ctx.resources.byKind('pod').map((r) => `${r.stack}:${r.address}`)).toEqual(['fail-hcl:kubernetes_pod_v1.p']);
  });
});

describe('buildRuleContext', () => {
  it('levelOf: label, else the system level in the inventory, else the policy default', () => {
    const env = loadMiniEnv();
    const r = (labels: Record<string, string>) => makeResource({ type: 'kubernetes_namespace_v1', name: 'n', body: { metadata: { name: 'n', labels } }, stack: 's', file: 'f' });
    const ctx = buildRuleContext(env, [r({ 'xjbt.gov.cn/mlps-level': '2' })], '2018-07-01', true);
    expect(ctx.levelOf(r({ 'xjbt.gov.cn/mlps-level': '2', 'xjbt.gov.cn/system': 'police-case-records' }))).toBe(2);
    expect(ctx.levelOf(r({ 'xjbt.gov.cn/system': 'police-case-records' }))).toBe(4);
    expect(ctx.levelOf(r({ 'xjbt.gov.cn/system': 'unknown-system' }))).toBe(3);
    expect(ctx.resources.all).toHaveLength(1);
  });
});
