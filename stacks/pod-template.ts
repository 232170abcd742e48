/**
 * The hardened pod template every workload of the stacks uses (K8S-001…K8S-026, CIS Kubernetes
 * Benchmark §5): non-root uid 10001, read-only root filesystem, no privilege escalation, all
 * capabilities dropped, seccomp RuntimeDefault, requests and limits, liveness and readiness probes,
 * imagePullPolicy Always, a dedicated service account whose token is not mounted, and — for
 * replicated workloads — spreading across nodes.
 */
import type { DeploymentV1SpecTemplateSpec } from '@cdktf/provider-kubernetes/lib/deployment-v1';

export const RUN_AS_USER = '10001';

export interface PodVolume {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  /** Exactly one source (none: a StatefulSet volume claim template of that name). */
  claimName?: string;
  emptyDir?: boolean;
  hostPath?: string;
}

export interface PodTemplateInput {
  containerName: string;
  image: string;
  serviceAccountName: string;
  ports: readonly number[];
  resources: { requests: { cpu: string; memory: string }; limits: { cpu: string; memory: string } };
  /** HTTP health endpoint on the first port; without ports an exec probe runs `probeCommand`. */
  healthPath?: string;
  probeCommand?: string[];
  args?: string[];
  env?: Record<string, string>;
  volumes?: PodVolume[];
  /** Spread the pods matching these labels across nodes (replicated workloads). */
  spreadSelector?: Record<string, string>;
  /** `DoNotSchedule` (hard, level ≥ 3) or `ScheduleAnyway`. */
  spreadStrict?: boolean;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
}

function probe(input: PodTemplateInput, initialDelaySeconds: number) {
  const port = input.ports[0];
  if (port !== undefined) {
    return { httpGet: { path: input.healthPath ?? '/healthz', port: String(port) }, initialDelaySeconds, periodSeconds: 10 };
  }
  return { exec: { command: input.probeCommand ?? ['/bin/true'] }, initialDelaySeconds, periodSeconds: 30 };
}

/** A pod spec (no metadata); the workload constructs add the template metadata with the labels. */
export function hardenedPodSpec(input: PodTemplateInput): DeploymentV1SpecTemplateSpec {
  // A writable /tmp: the root filesystem is read-only.
  const volumes: PodVolume[] = [{ name: 'tmp', mountPath: '/tmp', emptyDir: true }, ...(input.volumes ?? [])];
  const selector = input.spreadSelector;
  return {
    serviceAccountName: input.serviceAccountName,
    automountServiceAccountToken: false,
    enableServiceLinks: false,
    ...(input.restartPolicy ? { restartPolicy: input.restartPolicy } : {}),
    securityContext: {
      runAsNonRoot: true,
      runAsUser: RUN_AS_USER,
      runAsGroup: RUN_AS_USER,
      fsGroup: RUN_AS_USER,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    container: [
      {
        name: input.containerName,
        image: input.image,
        imagePullPolicy: 'Always',
        ...(input.args ? { args: input.args } : {}),
        port: input.ports.map((p) => ({ containerPort: p, protocol: 'TCP' })),
        ...(input.env ? { env: Object.entries(input.env).map(([name, value]) => ({ name, value })) } : {}),
        resources: { requests: { ...input.resources.requests }, limits: { ...input.resources.limits } },
        securityContext: {
          runAsNonRoot: true,
          runAsUser: RUN_AS_USER,
          privileged: false,
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ['ALL'] },
          seccompProfile: { type: 'RuntimeDefault' },
        },
        livenessProbe: probe(input, 30),
        readinessProbe: probe(input, 5),
        volumeMount: volumes.map((v) => ({ name: v.name, mountPath: v.mountPath, readOnly: v.readOnly ?? false })),
      },
    ],
    volume: volumes.filter((v) => v.claimName || v.emptyDir || v.hostPath).map((v) => ({
      name: v.name,
      ...(v.emptyDir ? { emptyDir: {} } : {}),
      ...(v.claimName ? { persistentVolumeClaim: { claimName: v.claimName } } : {}),
      ...(v.hostPath ? { hostPath: { path: v.hostPath, type: 'Directory' } } : {}),
    })),
    ...(selector
      ? {
          topologySpreadConstraint: [
            {
              maxSkew: 1,
              topologyKey: 'kubernetes.io/hostname',
              whenUnsatisfiable: input.spreadStrict ? 'DoNotSchedule' : 'ScheduleAnyway',
              labelSelector: [{ matchLabels: selector }],
            },
          ],
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: [{ matchLabels: selector }] } },
              ],
            },
          },
        }
      : {}),
  };
}
