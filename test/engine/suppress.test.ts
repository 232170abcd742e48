import { describe, expect, it } from 'vitest';
import { exitStatusOf, runChecks } from '../../checks/engine/run';
import { suppressionProblems, targetMatches } from '../../checks/engine/suppress';
import type { Suppression } from '../../checks/core/types';
import { EXC_001 } from '../../policies/exc/exc-001-valid-suppression';
import { loadPatchedMiniEnv } from '../helpers/mini-env';
import { labelled, perResource, resources } from './helpers';

const AS_OF = '2018-07-01';
const valid = { reason: '过渡期 transition', approvedBy: '兵团网信办', expires: '2019-01-01' };

const rs = [
  ...resources('corps-primary', { kubernetes_deployment_v1: { web: labelled('sys-a'), api: labelled('sys-b') } }),
  ...resources('div-8', { kubernetes_deployment_v1: { web: labelled('sys-a') } }),
];
const rules = [perResource('K8S-901', 'deployment', 'high'), perResource('K8S-902', 'deployment', 'critical'), EXC_001];

function run(suppressions: Suppression[], asOf = AS_OF) {
  const env = loadPatchedMiniEnv([{ op: 'add', doc: 'policy', path: '/suppressions', value: suppressions }]);
  return runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf });
}

const state = (r: ReturnType<typeof run>) =>
  r.findings.filter((f) => f.ruleId !== 'EXC-001').map((f) => `${f.ruleId} ${f.stack}/${f.address} ${f.suppressed ? 'S' : '-'}`);

describe('suppressions', () => {
  it('a valid resource suppression marks only that rule on that resource, with its reason, and does not count', () => {
    const r = run([{ rule: 'K8S-902', target: { resource: 'kubernetes_deployment_v1.api' }, ...valid }]);
    expect(state(r)).toEqual([
      'K8S-902 corps-primary/kubernetes_deployment_v1.api S',
      'K8S-902 corps-primary/kubernetes_deployment_v1.web -',
      'K8S-902 div-8/kubernetes_deployment_v1.web -',
      'K8S-901 corps-primary/kubernetes_deployment_v1.api -', // another rule is not silenced
      'K8S-901 corps-primary/kubernetes_deployment_v1.web -',
      'K8S-901 div-8/kubernetes_deployment_v1.web -',
    ]);
    const s = r.findings.find((f) => f.suppressed)!;
    expect(s.suppression).toEqual({ reason: valid.reason, approvedBy: valid.approvedBy, expires: valid.expires });
    expect(r.summary.suppressed).toBe(1);
    expect(r.summary.critical).toBe(2);
    expect(r.findings.filter((f) => f.ruleId === 'EXC-001')).toEqual([]);
  });

  it('stack/address, system and stack targets; all given fields must match', () => {
    expect(state(run([{ rule: 'K8S-901', target: { resource: 'div-8/kubernetes_deployment_v1.web' }, ...valid }])).filter((s) => s.endsWith('S'))).toEqual([
      'K8S-901 div-8/kubernetes_deployment_v1.web S',
    ]);
    expect(state(run([{ rule: 'K8S-901', target: { system: 'sys-a' }, ...valid }])).filter((s) => s.endsWith('S'))).toEqual([
      'K8S-901 corps-primary/kubernetes_deployment_v1.web S',
      'K8S-901 div-8/kubernetes_deployment_v1.web S',
    ]);
    expect(state(run([{ rule: 'K8S-901', target: { stack: 'corps-primary' }, ...valid }])).filter((s) => s.endsWith('S'))).toEqual([
      'K8S-901 corps-primary/kubernetes_deployment_v1.api S',
      'K8S-901 corps-primary/kubernetes_deployment_v1.web S',
    ]);
    expect(state(run([{ rule: 'K8S-901', target: { stack: 'div-8', system: 'sys-b' }, ...valid }])).filter((s) => s.endsWith('S'))).toEqual([]);
  });

  it('an unrelated target or another rule silences nothing', () => {
    for (const s of [
      { rule: 'K8S-901', target: { resource: 'kubernetes_deployment_v1.other' }, ...valid },
      { rule: 'K8S-901', target: { system: 'sys-z' }, ...valid },
      { rule: 'K8S-901', target: { resource: 'div-9/kubernetes_deployment_v1.web' }, ...valid },
      { rule: 'K8S-903', target: { system: 'sys-a' }, ...valid },
    ]) {
      const r = run([s]);
      expect(r.summary.suppressed).toBe(0);
      expect(exitStatusOf(r)).toBe(1);
    }
  });

  it('an expired suppression suppresses nothing and is an EXC-001 finding at its expiry', () => {
    const r = run([{ rule: 'K8S-902', target: { system: 'sys-a' }, ...valid, expires: '2018-06-30' }]);
    expect(r.summary.suppressed).toBe(0);
    const exc = r.findings.filter((f) => f.ruleId === 'EXC-001');
    expect(exc).toHaveLength(1);
    expect(exc[0]).toMatchObject({ path: '/suppressions/0/expires', severity: 'high', suppressed: false });
    expect(exc[0].file).toMatch(/policy\.yaml$/);
    expect(exc[0].message).toMatch(/expired on 2018-06-30/);
    // Valid on its expiry day.
    expect(run([{ rule: 'K8S-902', target: { system: 'sys-a' }, ...valid, expires: '2018-07-01' }]).summary.suppressed).toBe(2);
  });

  it('an incomplete suppression suppresses nothing and EXC-001 names what is missing', () => {
    const r = run([
      { rule: 'K8S-902', target: { system: 'sys-a' }, expires: '2019-01-01' },
      { target: { system: 'sys-a' }, ...valid },
      { rule: 'K8S-902', target: {}, ...valid },
    ]);
    expect(r.summary.suppressed).toBe(0);
    const exc = r.findings.filter((f) => f.ruleId === 'EXC-001');
    expect(exc.map((f) => f.path)).toEqual(['/suppressions/0', '/suppressions/1', '/suppressions/2']);
    expect(exc[0].message).toMatch(/gives no reason; names no approver/);
    expect(exc[1].message).toMatch(/names no rule/);
    expect(exc[2].message).toMatch(/names no target/);
    expect(exc[0].messageZh).toMatch(/未说明理由/);
  });

  it('EXC-001 findings themselves cannot be suppressed', () => {
    const r = run([
      { rule: 'K8S-902', target: { system: 'sys-a' }, ...valid, expires: '2018-01-01' },
      { rule: 'EXC-001', target: { system: 'sys-a' }, ...valid },
    ]);
    const exc = r.findings.filter((f) => f.ruleId === 'EXC-001');
    expect(exc).toHaveLength(1);
    expect(exc[0].suppressed).toBe(false);
  });

  it('a suppression naming a rule that is not in the catalogue is an EXC-001 finding (the engine passes the ids)', () => {
    const env = loadPatchedMiniEnv([
      { op: 'add', doc: 'policy', path: '/suppressions', value: [{ rule: 'K8S-999', target: { system: 'sys-a' }, ...valid }, { rule: 'K8S-902', target: { system: 'sys-a' }, ...valid }] },
    ]);
    const known = ['K8S-901', 'K8S-902', 'EXC-001'];
    const r = runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf: AS_OF, knownRuleIds: known });
    const exc = r.findings.filter((f) => f.ruleId === 'EXC-001');
    expect(exc.map((f) => f.path)).toEqual(['/suppressions/0']);
    expect(exc[0].message).toMatch(/K8S-999, which is not in the catalogue/);
    expect(exc[0].messageZh).toMatch(/K8S-999 不在规则目录中/);
    // The valid one still suppresses: only the unknown id is reported.
    expect(r.summary.suppressed).toBe(2);
    // Without the catalogue the check is skipped (rule tests that build their own context).
    expect(run([{ rule: 'K8S-999', target: { system: 'sys-a' }, ...valid }]).findings.filter((f) => f.ruleId === 'EXC-001')).toEqual([]);
  });

  it('problem list and target matching as pure functions', () => {
    expect(suppressionProblems({ rule: 'K8S-001', target: { stack: 's' }, ...valid }, AS_OF, new Set(['K8S-001']))).toEqual([]);
    expect(suppressionProblems({ rule: 'K8S-001', target: { stack: 's' }, ...valid }, AS_OF, new Set(['K8S-002'])).map((p) => p.path)).toEqual(['/rule']);
    expect(suppressionProblems({ rule: 'K8S-001', target: { stack: 's' }, ...valid }, AS_OF)).toEqual([]);
    expect(suppressionProblems({ rule: 'not-a-rule', target: { stack: 's' }, ...valid }, AS_OF).map((p) => p.path)).toEqual(['/rule']);
    expect(suppressionProblems({}, AS_OF).map((p) => p.path)).toEqual(['/rule', '/target', '/reason', '/approvedBy', '/expires']);
    expect(targetMatches({ target: { resource: 'a/t.n' } }, { stack: 'a', address: 't.n' })).toBe(true);
    expect(targetMatches({ target: { resource: 'a/t.n' } }, { stack: 'b', address: 't.n' })).toBe(false);
    expect(targetMatches({ target: {} }, { stack: 'a', address: 't.n' })).toBe(false);
  });
});
