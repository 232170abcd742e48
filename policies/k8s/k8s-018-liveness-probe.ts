/**
 * K8S-018 liveness probe set on every long-running container; init containers and jobs / cron
 * jobs are not judged (lib/probes.ts).
 */
import { ALL_LEVELS, defineResourceRule } from '../sdk';
import { judgeProbe, LONG_RUNNING_KINDS } from './lib/probes';
import { AVAILABILITY } from './lib/controls';

export const K8S_018 = defineResourceRule({
  id: 'K8S-018',
  pack: 'k8s',
  severity: 'low',
  title: { zh: '设置存活探针（liveness_probe）', en: 'Liveness probe set' },
  // Availability: a hung instance is restarted / taken out of the Service (可用性).
  clause: 'GB/T 22239-2019 8.1.2.1 e',
  levels: ALL_LEVELS,
  controls: AVAILABILITY,
  remediation: {
    zh: '为每个长期运行的容器设置 liveness_probe（如 http_get 健康检查路径 /healthz）。',
    en: 'Set liveness_probe on every long-running container (e.g. http_get on /healthz).',
  },
  kinds: LONG_RUNNING_KINDS,
  judge: judgeProbe('liveness_probe', '存活探针', 'liveness probe'),
});
