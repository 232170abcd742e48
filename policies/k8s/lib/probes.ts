/**
 * K8S-018/019: liveness and readiness probes on every long-running container. Not judged: init
 * containers (Kubernetes rejects these probes on them) and jobs / cron jobs (they run to
 * completion; a probe has nothing to keep alive or route to) — so the rules' kinds leave them out.
 */
import { has, POD_TEMPLATE_KINDS, type ResourceRuleSpec } from '../../sdk';
import { judgeContainers } from './workloads';

const RUN_TO_COMPLETION: ReadonlySet<string> = new Set(['job', 'cron_job']);

/** The pod-template kinds whose pods run until stopped. */
export const LONG_RUNNING_KINDS: readonly string[] = POD_TEMPLATE_KINDS.filter((k) => !RUN_TO_COMPLETION.has(k));

export function judgeProbe(attribute: 'liveness_probe' | 'readiness_probe', zhName: string, enName: string): ResourceRuleSpec['judge'] {
  return judgeContainers(({ ref }) => {
    if (ref.type === 'init_container') return undefined;
    if (has(ref.container, attribute)) return undefined;
    return { zh: `未设置${zhName}（${attribute}）`, en: `has no ${enName} (${attribute})` };
  });
}
