/** A CheckResult covering every shape a reporter meets: resource and model findings, suppressed ones, awkward characters. */
import { runChecks, type RunResult } from '../../checks/engine/run';
import { EXC_001 } from '../../policies/exc/exc-001-valid-suppression';
import { loadPatchedMiniEnv } from '../helpers/mini-env';
import { fakeRule, labelled, perResource, resources } from '../engine/helpers';

export function sampleResult(): RunResult {
  const env = loadPatchedMiniEnv([
    {
      op: 'add',
      doc: 'policy',
      path: '/suppressions',
      value: [
        { rule: 'K8S-901', target: { resource: 'div-8/kubernetes_deployment_v1.web' }, reason: '过渡期 <transition> & "quotes"', approvedBy: '兵团网信办', expires: '2019-01-01' },
        { rule: 'K8S-902', target: { system: 'sys-a' }, reason: 'expired', approvedBy: 'x', expires: '2018-01-01' },
      ],
    },
  ]);
  const rs = [
    ...resources('corps-primary', { kubernetes_deployment_v1: { web: labelled('sys-a'), api: labelled('sys-b') }, kubernetes_service_v1: { svc: labelled('sys-b') } }),
    ...resources('div-8', { kubernetes_deployment_v1: { web: labelled('sys-a') } }),
  ];
  const rules = [
    perResource('K8S-901', 'deployment', 'medium'),
    perResource('K8S-902', 'service', 'critical'),
    fakeRule('K8S-903', () => [], 'low'),
    fakeRule('TOPO-901', () => [{ doc: 'topology', path: '/centers/0/availability', center: 'corps-primary', message: { zh: '可用性 <99.99% | 不足', en: 'availability <99.99% | too low *now*' } }], 'high'),
    fakeRule('INV-901', () => [{ doc: 'inventory', path: '/systems/0', system: 'hrss-social-insurance', message: { zh: '备案不全', en: 'filing incomplete' } }], 'info'),
    EXC_001,
  ];
  return runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf: '2018-07-01' });
}
