/**
 * What each rule judged, per system (`recordCoverage`): the control matrix can say 符合 only for a
 * system a rule judged and found compliant. Resource rules are recorded by the engine; a model rule
 * tells which systems it judged (`countEvaluated(ctx, n, judgedSystems(ids))`) or stays unrecorded.
 */
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../checks/engine/run';
import { countEvaluated, defineResourceRule, defineRule, judgedSystems } from '../../policies/sdk';
import { loadMiniEnv } from '../helpers/mini-env';
import { labelled, resources } from './helpers';

const env = loadMiniEnv();
const AS_OF = '2018-07-01';
const meta = {
  pack: 'k8s' as const,
  severity: 'medium' as const,
  title: { zh: '标题', en: 'Title' },
  clause: 'GB/T 22239-2019 8.1.4.4',
  levels: [1, 2, 3, 4] as const,
  remediation: { zh: '整改', en: 'Fix it.' },
};
const rs = [
  ...resources('div-8', { kubernetes_deployment_v1: { a: labelled('s1'), b: labelled('s1'), loose: labelled(undefined) } }),
  ...resources('corps-primary', { kubernetes_deployment_v1: { web: labelled('s2') } }),
];
const byResource = defineResourceRule({ ...meta, id: 'K8S-990', kinds: ['deployment'], judge: (r) => (r.name === 'web' ? [{ resource: r, message: { zh: '问题', en: 'problem' } }] : []) });
const telling = defineRule({ ...meta, id: 'K8S-991', inputs: ['model'], check: (ctx) => (countEvaluated(ctx, 2, judgedSystems(['s1', 's3'])), []) });
const silent = defineRule({ ...meta, id: 'K8S-992', inputs: ['model'], check: (ctx) => (countEvaluated(ctx, 2), []) });
const rules = [byResource, telling, silent];

describe('per-system coverage', () => {
  it('records, per rule and system, what was judged: resources by stack/address, model entries as the rule tells', () => {
    const r = runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf: AS_OF, recordCoverage: true });
    expect(r.evaluatedBySystem).toEqual({
      'K8S-990': { s1: ['div-8/kubernetes_deployment_v1.a', 'div-8/kubernetes_deployment_v1.b'], s2: ['corps-primary/kubernetes_deployment_v1.web'] },
      'K8S-991': { s1: ['inventory s1'], s3: ['inventory s3'] },
    });
    // A rule that does not tell has no record (未判定), not an empty one (不适用).
    expect(Object.keys(r.evaluatedBySystem!)).not.toContain('K8S-992');
    expect(r.evaluated).toEqual({ 'K8S-990': 4, 'K8S-991': 2, 'K8S-992': 2 });
  });
  it('is not recorded unless asked (check does not pay for it)', () => {
    const r = runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf: AS_OF });
    expect(r.evaluatedBySystem).toBeUndefined();
    expect(r.evaluated).toEqual({ 'K8S-990': 4, 'K8S-991': 2, 'K8S-992': 2 });
  });
});
