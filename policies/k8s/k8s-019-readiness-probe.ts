/**
 * K8S-019 readiness probe set on every long-running container; init containers and jobs / cron
 * jobs are not judged (lib/probes.ts).
 */
import { ALL_LEVELS, defineResourceRule } from '../sdk';
import { judgeProbe, LONG_RUNNING_KINDS } from './lib/probes';
import { AVAILABILITY } from './lib/controls';

export const K8S_019 = defineResourceRule({
  id: 'K8S-019',
  pack: 'k8s',
  severity: 'low',
  title: { zh: '设置就绪探针（readiness_probe）', en: 'Readiness probe set' },
  // Availability: a hung instance is restarted / taken out of the Service (可用性).
  clause: 'GB/T 22239-2019 8.1.2.1 e',
  levels: ALL_LEVELS,
  controls: AVAILABILITY,
  remediation: {
    zh: '为每个长期运行的容器设置 readiness_probe（如 http_get 健康检查路径 /healthz）。',
    en: 'Set readiness_probe on every long-running container (e.g. http_get on /healthz).',
  },
  kinds: LONG_RUNNING_KINDS,
  judge: judgeProbe('readiness_probe', '就绪探针', 'readiness probe'),
});
