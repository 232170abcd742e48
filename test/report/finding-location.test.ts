/**
 * Issue 14 (2), in process: a finding on a synthesized resource (a cdktf stack file, with a
 * construct path) gets the environment YAML entry that produced it as its `origin` — the system's
 * inventory entry, else the center's topology entry, else the networks entry — and the reporters
 * point there first; a `--tf` resource (no construct path) keeps its own file and line.
 */
import { describe, expect, it } from 'vitest';
import { sarifLog } from '../../checks/app/report/sarif';
import { whereOf } from '../../checks/app/report/labels';
import { isSynthesized, originOf } from '../../checks/engine/finding-location';
import { makeResource } from '../../checks/engine/normalize/resource';
import { runChecks } from '../../checks/engine/run';
import { fakeRule } from '../engine/helpers';
import { loadMiniEnv } from '../helpers/mini-env';

const env = loadMiniEnv();

function resource(opts: { system?: string; stack: string; constructPath?: string; file?: string }) {
  const labels: Record<string, string> = opts.system !== undefined ? { 'xjbt.gov.cn/system': opts.system } : {};
  return makeResource({
    type: 'kubernetes_deployment_v1',
    name: 'web',
    stack: opts.stack,
    file: opts.file ?? `stacks/${opts.stack}/cdk.tf.json`,
    line: 42,
    body: { metadata: { name: 'web', namespace: 'ns', labels } },
    ...(opts.constructPath !== undefined ? { constructPath: opts.constructPath } : {}),
  });
}

describe('origin of a finding on synthesized output', () => {
  it('system label → the inventory entry; else stack = center → the topology entry', () => {
    const si = env.inventory.systems.findIndex((s) => s.id === 'hrss-social-insurance');
    const o = originOf(env, resource({ system: 'hrss-social-insurance', stack: 'div-8', constructPath: 'div-8/tenancy/web' }), {});
    expect(o).toMatchObject({ file: env.files.inventory, doc: 'inventory', path: `/systems/${si}`, line: env.locate('inventory', `/systems/${si}`)!.line });
    const ci = env.topology.centers.findIndex((c) => c.id === 'corps-primary');
    expect(originOf(env, resource({ stack: 'corps-primary', constructPath: 'corps-primary/audit' }), {})).toMatchObject({ doc: 'topology', path: `/centers/${ci}` });
    // A configuration problem in a stack file, outside any resource: the center too.
    expect(originOf(env, undefined, { file: 'stacks/corps-primary/cdk.tf.json', stack: 'corps-primary' })).toMatchObject({ doc: 'topology', path: `/centers/${ci}` });
    // Neither a system nor a center: the networks document.
    expect(originOf(env, resource({ stack: 'elsewhere', constructPath: 'elsewhere/x' }), {})).toMatchObject({ doc: 'networks' });
  });
  it('a resource of --tf (no construct path) keeps its own source line', () => {
    const tf = resource({ system: 'hrss-social-insurance', stack: 'app', file: 'infra/main.tf' });
    expect(isSynthesized(tf, tf.file)).toBe(false);
    expect(originOf(env, tf, {})).toBeUndefined();
  });
  it('runChecks sets it; SARIF points there with the generated file as a related location; text/markdown start with it', () => {
    const rs = [resource({ system: 'hrss-social-insurance', stack: 'div-8', constructPath: 'div-8/tenancy/web' }), resource({ system: 'hrss-social-insurance', stack: 'app', file: 'infra/main.tf' })];
    const rule = fakeRule('K8S-901', (ctx) => ctx.resources.all.map((r) => ({ resource: r, message: { zh: '问题', en: 'problem' } })));
    const res = runChecks({ env, resources: rs, hasConfiguration: true, rules: [rule], asOf: '2018-07-01' });
    const synth = res.findings.find((f) => f.stack === 'div-8')!;
    const tf = res.findings.find((f) => f.stack === 'app')!;
    expect(synth.origin?.file).toBe(env.files.inventory);
    expect(synth.file).toBe('stacks/div-8/cdk.tf.json'); // still there, as the generated location
    expect(tf.origin).toBeUndefined();
    expect(whereOf(synth).startsWith(`${env.files.inventory}:${synth.origin!.line}`)).toBe(true);
    const run = (sarifLog(res).runs as { results: Record<string, any>[] }[])[0];
    const r = run.results.find((x) => x.locations[0].logicalLocations[0].fullyQualifiedName === `div-8/${synth.address}`)!;
    expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: env.files.inventory.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' }, region: { startLine: synth.origin!.line, startColumn: synth.origin!.column } });
    expect(r.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('stacks/div-8/cdk.tf.json');
    expect(r.relatedLocations[0].message.text).toContain('div-8/tenancy/web');
    const t = run.results.find((x) => x !== r)!;
    expect(t.locations[0].physicalLocation.artifactLocation.uri).toBe('infra/main.tf');
    expect(t.relatedLocations).toBeUndefined();
  });
});
