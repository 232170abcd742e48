/** The deploy gate: cdktf synth fails, with the findings attached and printed, and writes no deployable output for an offending stack. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AnnotationMetadataEntryType, App, TerraformResource, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { attachPolicyGate } from '../../checks/gate';
import type { Rule } from '../../checks/engine/types';
import { loadMiniEnv, loadPatchedMiniEnv } from '../helpers/mini-env';
import { fakeRule } from './helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const CONTINUE = 'CDKTF_CONTINUE_SYNTH_ON_ERROR_ANNOTATIONS';
afterEach(() => delete process.env[CONTINUE]);

/** A namespace as a bare Terraform resource (no provider bindings needed). */
class Namespace extends Construct {
  readonly resource: TerraformResource;
  constructor(scope: Construct, id: string, name: string) {
    super(scope, id);
    this.resource = new TerraformResource(this, 'ns', { terraformResourceType: 'kubernetes_namespace_v1' });
    this.resource.addOverride('metadata', { name, labels: { 'xjbt.gov.cn/system': name } });
  }
}

/** Flags every namespace whose name starts with `bad` (critical), and one model finding (low). */
const RULES: Rule[] = [
  fakeRule(
    'K8S-950',
    (ctx) => ctx.resources.byKind('namespace').filter((r) => r.metadata.name?.startsWith('bad')).map((r) => ({ resource: r, message: { zh: `命名空间 ${r.metadata.name} 违规`, en: `namespace ${r.metadata.name} is bad` } })),
    'critical',
  ),
  fakeRule('TOPO-950', () => [{ doc: 'topology', path: '/centers/0', center: 'corps-primary', message: { zh: '提示', en: 'a low note' } }], 'low'),
];

function build(name: string, badName: string | undefined) {
  const outdir = path.join(tmp, name);
  const app = new App({ outdir });
  const primary = new TerraformStack(app, 'corps-primary');
  const ok = new Namespace(primary, 'tenancy-ok', 'good-ns');
  const bad = badName ? new Namespace(primary, 'tenancy-bad', badName) : undefined;
  const div = new TerraformStack(app, 'div-8');
  new Namespace(div, 'tenancy', 'div-ns');
  return { app, outdir, primary, ok, bad, div };
}

const stackFile = (outdir: string, id: string) => path.join(outdir, 'stacks', id, 'cdk.tf.json');
const errorsOf = (c: Construct) => c.node.metadata.filter((m) => m.type === AnnotationMetadataEntryType.ERROR).map((m) => String(m.data));

describe('attachPolicyGate', () => {
  it('a clean app synthesizes normally', () => {
    const { app, outdir } = build('clean', undefined);
    const log: string[] = [];
    const gate = attachPolicyGate(app, loadMiniEnv(), { rules: RULES, asOf: '2018-07-01', log: (s) => log.push(s) });
    app.synth();
    expect(gate.findings).toEqual([]); // the low model finding is below fail-on (high)
    expect(fs.existsSync(stackFile(outdir, 'corps-primary'))).toBe(true);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(true);
    expect(log).toEqual([]);
  });

  it('plain synth: the error annotation on the offending construct stops synthesis before cdk.tf.json is written', () => {
    const { app, outdir, bad, ok } = build('plain', 'bad-ns');
    const log: string[] = [];
    attachPolicyGate(app, loadMiniEnv(), { rules: RULES, asOf: '2018-07-01', log: (s) => log.push(s) });
    expect(() => app.synth()).toThrow(/Encountered Annotations with level "ERROR"[\s\S]*corps-primary\/tenancy-bad\/ns\] btyun policy gate: K8S-950 \[critical\]/);
    expect(errorsOf(bad!.resource)).toHaveLength(1);
    expect(errorsOf(ok.resource)).toEqual([]);
    expect(fs.existsSync(stackFile(outdir, 'corps-primary'))).toBe(false);
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false);
    expect(log.join('')).toContain('1 finding(s) at or above high block synth/deploy');
    expect(log.join('')).toContain('namespace bad-ns is bad');
  });

  it('under the cdktf CLI (continue on error annotations): the app validation removes the offending stack output and fails', () => {
    process.env[CONTINUE] = 'true';
    const { app, outdir } = build('cli', 'bad-ns');
    attachPolicyGate(app, loadMiniEnv(), { rules: RULES, asOf: '2018-07-01', log: () => undefined });
    expect(() => app.synth()).toThrow(/App-level validation failed[\s\S]*K8S-950 \[critical\][\s\S]*corps-primary\/kubernetes_namespace_v1\.tenancy-bad_ns_/);
    expect(fs.existsSync(stackFile(outdir, 'corps-primary'))).toBe(false); // no deployable output
    expect(fs.existsSync(stackFile(outdir, 'div-8'))).toBe(true); // the clean stack is untouched
    expect(fs.existsSync(path.join(outdir, 'manifest.json'))).toBe(false); // cdktf deploy cannot proceed
  });

  it('a suppressed finding does not block; a model finding at fail-on blocks the stack of its center', () => {
    const address = 'corps-primary/kubernetes_namespace_v1.tenancy-bad_ns_';
    // Learn the generated address first (cdktf adds a hash suffix to logical ids).
    const probe = build('probe', 'bad-ns');
    const probeGate = attachPolicyGate(probe.app, loadMiniEnv(), { rules: RULES, asOf: '2018-07-01', log: () => undefined });
    const found = probeGate.evaluate().findings.find((f) => f.ruleId === 'K8S-950')!;
    expect(`${found.stack}/${found.address}`.startsWith(address)).toBe(true);
    const env = loadPatchedMiniEnv([
      { op: 'add', doc: 'policy', path: '/suppressions', value: [{ rule: 'K8S-950', target: { resource: `${found.stack}/${found.address}` }, reason: 'r', approvedBy: 'a', expires: '2030-01-01' }] },
    ]);
    const a = build('suppressed', 'bad-ns');
    attachPolicyGate(a.app, env, { rules: RULES, asOf: '2018-07-01', log: () => undefined });
    a.app.synth();
    expect(fs.existsSync(stackFile(a.outdir, 'corps-primary'))).toBe(true);

    const b = build('model', undefined);
    attachPolicyGate(b.app, loadMiniEnv(), { rules: RULES, asOf: '2018-07-01', failOn: 'low', log: () => undefined });
    expect(() => b.app.synth()).toThrow(/\[corps-primary\] btyun policy gate: TOPO-950 \[low\]/);
    expect(errorsOf(b.primary)).toHaveLength(1);
    expect(errorsOf(b.div)).toEqual([]);
  });
});
