/**
 * K8S-013 CPU request set on every container and init container. "Is set" rule (lib/resources.ts):
 * a key with an unresolved value is set; an unresolved map cannot be verified.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS } from '../sdk';
import { judgeQuantity } from './lib/resources';
import { PROCESSING_CAPACITY } from './lib/controls';

export const K8S_013 = defineResourceRule({
  id: 'K8S-013',
  pack: 'k8s',
  severity: 'low',
  title: { zh: '设置 CPU 请求量（resources.requests.cpu）', en: 'CPU request set' },
  // Resource control: one workload must not starve the others at peak (业务高峰).
  clause: 'GB/T 22239-2019 8.1.2.1 a',
  levels: ALL_LEVELS,
  controls: PROCESSING_CAPACITY,
  remediation: {
    zh: '为每个容器（含 init 容器）设置 resources.requests.cpu。',
    en: 'Set resources.requests.cpu on every container and init container.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeQuantity('requests', 'cpu'),
});
