/**
 * The quota of a system namespace, sized from its workload: the replicas plus one surge pod during a
 * rolling update plus one backup job pod, each at its per-replica requests/limits; storage for the
 * data volumes, the backup volume and the off-site replica. Without a workload: a small default.
 */
import type { Workload } from '../checks/core/types';
import type { QuotaSpec } from './constructs/namespace-guardrails';
import { cpuMillis, formatCpu, formatMemory, memoryMiB } from './quantities';
import { refuse, type SourceRef } from './refuse';

export const EMPTY_SYSTEM_QUOTA: QuotaSpec = {
  requestsCpu: '1',
  requestsMemory: '1Gi',
  limitsCpu: '2',
  limitsMemory: '2Gi',
  pods: 4,
};

export interface SystemVolumes {
  /** Number of data volumes of `storageGiB` (StatefulSet: one per replica; Deployment: one shared). */
  dataVolumes: number;
  /** Local backup volume. */
  backupVolume: boolean;
  /** Off-site replica volume (DR center). */
  replicaVolume: boolean;
}

export function systemQuota(workload: Workload | undefined, replicas: number, volumes: SystemVolumes, source?: SourceRef): QuotaSpec {
  if (!workload) return EMPTY_SYSTEM_QUOTA;
  const r = workload.resources;
  const parsed = {
    reqCpu: cpuMillis(r.requests.cpu),
    limCpu: cpuMillis(r.limits.cpu),
    reqMem: memoryMiB(r.requests.memory),
    limMem: memoryMiB(r.limits.memory),
  };
  for (const [key, value] of Object.entries(parsed)) {
    if (value === undefined) refuse(source, `workload.resources: ${key} is not a Kubernetes quantity (e.g. 500m, 2, 512Mi, 1Gi)`);
  }
  const pods = replicas + 2;
  const storage = workload.storageGiB ?? 0;
  const claims = volumes.dataVolumes + (volumes.backupVolume ? 1 : 0) + (volumes.replicaVolume ? 1 : 0);
  return {
    requestsCpu: formatCpu(pods * (parsed.reqCpu ?? 0)),
    limitsCpu: formatCpu(pods * (parsed.limCpu ?? 0)),
    requestsMemory: formatMemory(pods * (parsed.reqMem ?? 0)),
    limitsMemory: formatMemory(pods * (parsed.limMem ?? 0)),
    pods,
    ...(storage > 0 && claims > 0 ? { requestsStorage: `${storage * claims}Gi`, persistentVolumeClaims: claims } : {}),
  };
}
