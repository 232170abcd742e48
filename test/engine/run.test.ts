import { describe, expect, it } from 'vitest';
import { blockingFindings, exitStatusOf, runChecks } from '../../checks/engine/run';
import { selectRules } from '../../checks/engine/select';
import type { Rule } from '../../checks/engine/types';
import { UsageError } from '../../checks/core/errors';
import { ALL_RULES } from '../../policies';
import { loadMiniEnv, loadPatchedMiniEnv } from '../helpers/mini-env';
import { fakeRule, labelled, perResource, resources } from './helpers';

const env = loadMiniEnv();
const AS_OF = '2018-07-01';

describe('runChecks', () => {
  const rs = [
    ...resources('div-8', { kubernetes_deployment_v1: { zeta: labelled('s1'), alpha: labelled('s1') } }),
    ...resources('corps-primary', { kubernetes_deployment_v1: { web: labelled('s2') }, kubernetes_service_v1: { svc: labelled('s2') } }),
  ];
  const rules: Rule[] = [
    perResource('K8S-901', 'deployment', 'medium'),
    perResource('K8S-902', 'service', 'critical'),
    perResource('K8S-900', 'deployment', 'medium'),
    fakeRule('TOPO-901', () => [{ doc: 'topology', path: '/centers/0', message: { zh: '中心问题', en: 'center problem' } }], 'low'),
  ];

  it('sorts by severity, rule, stack, address — whatever the rule order', () => {
    const a = runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf: AS_OF });
    const b = runChecks({ env, resources: [...rs].reverse(), hasConfiguration: true, rules: [...rules].reverse(), asOf: AS_OF });
    const key = (r: typeof a) => r.findings.map((f) => `${f.severity} ${f.ruleId} ${f.stack ?? '-'} ${f.address ?? f.path}`);
    expect(key(a)).toEqual([
      'critical K8S-902 corps-primary kubernetes_service_v1.svc',
      'medium K8S-900 corps-primary kubernetes_deployment_v1.web',
      'medium K8S-900 div-8 kubernetes_deployment_v1.alpha',
      'medium K8S-900 div-8 kubernetes_deployment_v1.zeta',
      'medium K8S-901 corps-primary kubernetes_deployment_v1.web',
      'medium K8S-901 div-8 kubernetes_deployment_v1.alpha',
      'medium K8S-901 div-8 kubernetes_deployment_v1.zeta',
      'low TOPO-901 - /centers/0',
    ]);
    expect(key(b)).toEqual(key(a));
    expect(JSON.stringify(b.findings)).toBe(JSON.stringify(a.findings));
  });

  it('adds rule metadata, resource location and model file/line/column', () => {
    const r = runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf: AS_OF });
    const res = r.findings.find((f) => f.ruleId === 'K8S-902')!;
    expect(res).toMatchObject({ pack: 'k8s', title: 'Title K8S-902', titleZh: '标题 K8S-902', message: 'problem in svc', messageZh: '问题 svc', stack: 'corps-primary', system: 's2', file: 'cdktf.out/stacks/corps-primary/cdk.tf.json', suppressed: false });
    const model = r.findings.find((f) => f.ruleId === 'TOPO-901')!;
    expect(model.file).toBe(env.files.topology);
    const pos = env.locate('topology', '/centers/0');
    expect(pos).toBeDefined();
    expect([model.line, model.column]).toEqual([pos!.line, pos!.column]);
    expect(model.address).toBeUndefined();
    expect(Object.keys(model)).not.toContain('stack'); // undefined fields omitted
  });

  it('fills the summary and the exit status from failOn', () => {
    const r = runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf: AS_OF });
    expect(r.summary).toEqual({ critical: 1, high: 0, medium: 6, low: 1, info: 0, suppressed: 0, resources: 4, rulesEvaluated: 4 });
    expect(r.failOn).toBe('high'); // the policy default
    expect(exitStatusOf(r)).toBe(1);
    expect(exitStatusOf({ ...r, failOn: 'critical' })).toBe(1);
    const mediumOnly = runChecks({ env, resources: rs, hasConfiguration: true, rules: [rules[0]], asOf: AS_OF });
    expect(exitStatusOf(mediumOnly)).toBe(0);
    expect(exitStatusOf({ ...mediumOnly, failOn: 'medium' })).toBe(1);
    expect(blockingFindings({ ...mediumOnly, failOn: 'medium' })).toHaveLength(3);
  });

  it('applies policy.severityOverrides (lowering one only with its approval), keeping the default beside it', () => {
    const patched = loadPatchedMiniEnv([
      { op: 'add', doc: 'policy', path: '/severityOverrides', value: { 'K8S-902': 'low', 'K8S-901': 'critical' } },
      { op: 'add', doc: 'policy', path: '/policyExceptions', value: [{ setting: '/severityOverrides/K8S-902', value: 'low', reason: '测试 test', approvedBy: '兵团网信办', expires: '2018-12-31' }] },
    ]);
    const r = runChecks({ env: patched, resources: rs, hasConfiguration: true, rules, asOf: AS_OF });
    expect(r.findings.filter((f) => f.ruleId === 'K8S-902').map((f) => [f.severity, f.defaultSeverity])).toEqual([['low', 'critical']]);
    expect(r.findings.filter((f) => f.ruleId === 'K8S-901').map((f) => f.severity)).toEqual(['critical', 'critical', 'critical']);
    expect(r.findings[0].ruleId).toBe('K8S-901'); // re-sorted after the override
  });

  it('levelOf: label, else the system inventory level, else the policy default', () => {
    const seen: Record<string, number> = {};
    const probe = fakeRule('K8S-903', (ctx) => {
      for (const r of ctx.resources.all) seen[r.name] = ctx.levelOf(r);
      return [];
    });
    const rs2 = resources('corps-primary', {
      kubernetes_deployment_v1: {
        labelled4: labelled('hrss-social-insurance', '4'),
        inventory: labelled('police-case-records'),
        unknown: labelled('not-filed'),
        bad: labelled('hrss-social-insurance', 'seven'),
      },
    });
    runChecks({ env, resources: rs2, hasConfiguration: true, rules: [probe], asOf: AS_OF });
    const hrss = env.inventory.systems.find((s) => s.id === 'hrss-social-insurance')!.mlps!.level;
    const police = env.inventory.systems.find((s) => s.id === 'police-case-records')!.mlps!.level;
    expect(seen).toEqual({ labelled4: 4, inventory: police, unknown: env.policy.defaultMlpsLevel, bad: hrss });
  });

  it('a rule that throws is reported as one error naming it; the other rules still report', () => {
    const broken = fakeRule('K8S-999', () => {
      throw new TypeError("Cannot read properties of undefined (reading 'spec')\n    at check (x.ts:1:1)");
    });
    const r = runChecks({ env, resources: rs, hasConfiguration: true, rules: [broken, rules[1]], asOf: AS_OF });
    expect(r.ruleErrors).toEqual([{ ruleId: 'K8S-999', message: "Cannot read properties of undefined (reading 'spec')" }]);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['K8S-902']);
  });
});

describe('rule selection', () => {
  const catalogue = [fakeRule('K8S-001', () => []), fakeRule('K8S-002', () => []), fakeRule('NET-001', () => []), fakeRule('EXC-001', () => [])];
  it('defaults to the policy packs; --packs and --rules select (union)', () => {
    expect(selectRules(catalogue, { defaultPacks: ['k8s'] }).map((r) => r.id)).toEqual(['K8S-001', 'K8S-002']);
    expect(selectRules(catalogue, { packs: ['net', 'exc'], defaultPacks: ['k8s'] }).map((r) => r.id)).toEqual(['NET-001', 'EXC-001']);
    expect(selectRules(catalogue, { rules: ['K8S-002'], defaultPacks: ['k8s', 'net'] }).map((r) => r.id)).toEqual(['K8S-002']);
    expect(selectRules(catalogue, { packs: ['net'], rules: ['k8s-001'], defaultPacks: [] }).map((r) => r.id)).toEqual(['K8S-001', 'NET-001']);
  });
  it('rejects unknown packs and rule ids', () => {
    expect(() => selectRules(catalogue, { packs: ['k8s', 'nope'], defaultPacks: [] })).toThrow(UsageError);
    expect(() => selectRules(catalogue, { packs: ['nope'], defaultPacks: [] })).toThrow(/unknown pack nope/);
    expect(() => selectRules(catalogue, { rules: ['K8S-404'], defaultPacks: [] })).toThrow(/unknown rule K8S-404/);
    expect(() => selectRules(catalogue, { packs: [], defaultPacks: ['k8s'] })).toThrow(/no rule selected/);
    // The packs are the catalogue's (definePack): a pack this catalogue does not hold is unknown to it.
    expect(() => selectRules(catalogue, { packs: ['mig'], defaultPacks: [] })).toThrow(/unknown pack mig \(known: k8s/);
  });
  it('the real catalogue has unique ids and EXC-001', () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('EXC-001');
  });
});
