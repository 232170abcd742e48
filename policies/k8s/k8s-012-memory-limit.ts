/**
 * K8S-012 memory limit set on every container and init container. "Is set" rule (lib/resources.ts):
 * a key with an unresolved value is set; an unresolved map cannot be verified.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS } from '../sdk';
import { judgeQuantity } from './lib/resources';
import { PROCESSING_CAPACITY } from './lib/controls';

export const K8S_012 = defineResourceRule({
  id: 'K8S-012',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '设置内存上限（resources.limits.memory）', en: 'Memory limit set' },
  // Resource control: one workload must not starve the others at peak (业务高峰).
  clause: 'GB/T 22239-2019 8.1.2.1 a',
  levels: ALL_LEVELS,
  controls: PROCESSING_CAPACITY,
  remediation: {
    zh: '为每个容器（含 init 容器）设置 resources.limits.memory。',
    en: 'Set resources.limits.memory on every container and init container.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeQuantity('limits', 'memory'),
});
