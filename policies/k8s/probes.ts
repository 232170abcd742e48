/**
 * K8S-018/019 liveness and readiness probes set on every long-running container.
 * Not judged: init containers (Kubernetes rejects these probes on them) and jobs / cron jobs
 * (they run to completion; a probe has nothing to keep alive or route to).
 */
import type { Rule } from '../../checks/engine/types';
import { has } from '../../checks/engine/values';
import { ALL_LEVELS, defineRule } from '../sdk/define';
import { checkContainers } from './lib/workloads';

const LEVELS = ALL_LEVELS;
const RUN_TO_COMPLETION = new Set(['job', 'cron_job']);

function probeRule(id: string, attribute: 'liveness_probe' | 'readiness_probe', zhName: string, enName: string): Rule {
  return defineRule({
    id,
    pack: 'k8s',
    severity: 'low',
    title: { zh: `设置${zhName}（${attribute}）`, en: `${enName[0].toUpperCase()}${enName.slice(1)} set` },
    // Availability: a hung instance is restarted / taken out of the Service (可用性).
    clause: 'GB/T 22239-2019 8.1.2.1 e',
    levels: LEVELS,
    remediation: {
      zh: `为每个长期运行的容器设置 ${attribute}（如 http_get 健康检查路径 /healthz）。`,
      en: `Set ${attribute} on every long-running container (e.g. http_get on /healthz).`,
    },
    inputs: ['configuration'],
    check: (ctx) =>
      checkContainers(ctx, LEVELS, ({ resource, ref }) => {
        if (ref.type === 'init_container' || RUN_TO_COMPLETION.has(resource.kind)) return undefined;
        if (has(ref.container, attribute)) return undefined;
        return { zh: `未设置${zhName}（${attribute}）`, en: `has no ${enName} (${attribute})` };
      }),
  });
}

export const K8S_018 = probeRule('K8S-018', 'liveness_probe', '存活探针', 'liveness probe');
export const K8S_019 = probeRule('K8S-019', 'readiness_probe', '就绪探针', 'readiness probe');
