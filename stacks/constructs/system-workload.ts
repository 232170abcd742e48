/**
 * A system's workload in one center: a Deployment or StatefulSet on the hardened pod template
 * (stacks/pod-template.ts) with the inventory's image, replicas (≥ 2 at level ≥ 3, MLPS-004), spread
 * across nodes; a ClusterIP Service; a PodDisruptionBudget; a TLS Ingress only for an Internet-facing
 * system of the internet-access zone (NET-004, MLPS-005); data volumes on the encrypted StorageClass
 * (MLPS-009); and, for a primary with persistent data, a local backup CronJob labelled `backup=local`
 * on the center's backup schedule (MLPS-012).
 *
 * Every resource and pod template carries the six `xjbt.gov.cn/*` labels of the tenancy; a DR
 * instance also carries `xjbt.gov.cn/dr-mode`.
 */
import { Construct } from 'constructs';
import { DeploymentV1 } from '@cdktf/provider-kubernetes/lib/deployment-v1';
import { StatefulSetV1 } from '@cdktf/provider-kubernetes/lib/stateful-set-v1';
import { ServiceV1 } from '@cdktf/provider-kubernetes/lib/service-v1';
import { PodDisruptionBudgetV1 } from '@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1';
import { IngressV1 } from '@cdktf/provider-kubernetes/lib/ingress-v1';
import { PersistentVolumeClaimV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import { CronJobV1 } from '@cdktf/provider-kubernetes/lib/cron-job-v1';
import type { BackupPolicy, Workload } from '../../checks/core/types';
import { CONVENTION_LABELS } from '../../checks/core/conventions';
import { systemSelector } from '../resource-labels';
import { hardenedPodSpec, type PodVolume } from '../pod-template';
import { refuse, type SourceRef } from '../refuse';
import type { DrMode } from '../../checks/plan/dr-placement';
import type { SystemTenancy } from './system-tenancy';
import { after } from './after';

export interface SystemWorkloadProps {
  tenancy: SystemTenancy;
  workload: Workload;
  /** Replicas to run (the caller applies the level minimum and the DR mode). */
  replicas: number;
  /** For a DR instance: warm standby or active instance. */
  drMode?: DrMode;
  /** Encrypted StorageClass name for data and backup volumes. */
  storageClass: string;
  /** Local backup schedule (topology.backup); given for a primary with persistent data. */
  backup?: BackupPolicy;
  /** The system is Internet-facing and may get a TLS Ingress. */
  publicHost?: string;
  source?: SourceRef;
}

export const DATA_MOUNT = '/data';
/** The backup job runs the system's own image (pinned like the workload) with this argument. */
export const BACKUP_ARGS = ['backup'];

export class SystemWorkload extends Construct {
  constructor(scope: Construct, id: string, props: SystemWorkloadProps) {
    super(scope, id);
    const { tenancy, workload } = props;
    const name = tenancy.identity.system;
    const namespace = tenancy.namespace;
    const level = tenancy.identity.level;
    const minReplicas = level >= 3 ? 2 : 1;
    if (props.replicas < minReplicas) refuse(props.source, `system ${name}: ${props.replicas} replica(s) at MLPS level ${level}; at least ${minReplicas}`);
    if (!Number.isInteger(props.replicas)) refuse(props.source, `system ${name}: replicas must be a whole number`);

    const labels = { ...tenancy.labels, 'app.kubernetes.io/name': name, ...(props.drMode ? { [CONVENTION_LABELS.drMode]: props.drMode } : {}) };
    const selector = systemSelector(tenancy.identity);
    const deps = [tenancy.namespaceResource];
    const storageGiB = workload.storageGiB ?? 0;
    const stateful = workload.kind === 'StatefulSet';

    const volumes: PodVolume[] = [];
    if (storageGiB > 0 && stateful) volumes.push({ name: 'data', mountPath: DATA_MOUNT });
    if (storageGiB > 0 && !stateful) {
      after(new PersistentVolumeClaimV1(this, 'data', {
        metadata: { name: `${name}-data`, namespace, labels },
        spec: { accessModes: ['ReadWriteMany'], storageClassName: props.storageClass, resources: { requests: { storage: `${storageGiB}Gi` } } },
        waitUntilBound: false,
      }), deps);
      volumes.push({ name: 'data', mountPath: DATA_MOUNT, claimName: `${name}-data` });
    }

    const podSpec = hardenedPodSpec({
      containerName: name,
      image: workload.image,
      serviceAccountName: tenancy.serviceAccountName,
      ports: workload.ports,
      resources: workload.resources,
      healthPath: workload.healthPath,
      volumes,
      spreadSelector: selector,
      spreadStrict: level >= 3,
    });
    const template = { metadata: { labels }, spec: podSpec };

    if (stateful) {
      after(new StatefulSetV1(this, 'workload', {
        metadata: { name, namespace, labels },
        spec: {
          replicas: String(props.replicas),
          serviceName: name,
          selector: { matchLabels: selector },
          template,
          ...(storageGiB > 0
            ? {
                volumeClaimTemplate: [
                  {
                    metadata: { name: 'data', labels },
                    spec: { accessModes: ['ReadWriteOnce'], storageClassName: props.storageClass, resources: { requests: { storage: `${storageGiB}Gi` } } },
                  },
                ],
              }
            : {}),
        },
        waitForRollout: false,
      }), deps);
    } else {
      after(new DeploymentV1(this, 'workload', {
        metadata: { name, namespace, labels },
        spec: { replicas: String(props.replicas), selector: { matchLabels: selector }, template },
        waitForRollout: false,
      }), deps);
    }

    if (workload.ports.length > 0) {
      after(new ServiceV1(this, 'service', {
        metadata: { name, namespace, labels },
        spec: {
          type: 'ClusterIP',
          selector,
          port: workload.ports.map((p) => ({ name: `tcp-${p}`, port: p, targetPort: String(p), protocol: 'TCP' })),
        },
      }), deps);
    }

    after(new PodDisruptionBudgetV1(this, 'pdb', {
      metadata: { name, namespace, labels },
      spec: { maxUnavailable: '1', selector: { matchLabels: selector } },
    }), deps);

    if (props.publicHost && tenancy.identity.zone === 'extranet-internet-access' && workload.ports.length > 0) {
      after(new IngressV1(this, 'ingress', {
        metadata: { name, namespace, labels },
        spec: {
          tls: [{ hosts: [props.publicHost], secretName: `${name}-tls` }],
          rule: [
            {
              host: props.publicHost,
              http: { path: [{ path: '/', pathType: 'Prefix', backend: { service: { name, port: { number: workload.ports[0] } } } }] },
            },
          ],
        },
      }), deps);
    }

    if (props.backup && storageGiB > 0) this.localBackup(props, labels, storageGiB);
  }

  /**
   * The local backup (本地数据备份): a CronJob running the system image's `backup` entry point, which
   * dumps the data from the running service into an encrypted backup volume.
   */
  private localBackup(props: SystemWorkloadProps, labels: Record<string, string>, storageGiB: number): void {
    const { tenancy } = props;
    const backup = props.backup as BackupPolicy;
    const name = tenancy.identity.system;
    const namespace = tenancy.namespace;
    const deps = [tenancy.namespaceResource];
    const backupLabels = { ...labels, [CONVENTION_LABELS.backup]: 'local', 'app.kubernetes.io/name': `${name}-backup` };
    after(new PersistentVolumeClaimV1(this, 'backup-volume', {
      metadata: { name: `${name}-backup`, namespace, labels: { ...labels, 'app.kubernetes.io/name': `${name}-backup` } },
      spec: { accessModes: ['ReadWriteOnce'], storageClassName: props.storageClass, resources: { requests: { storage: `${storageGiB}Gi` } } },
      waitUntilBound: false,
    }), deps);
    const podSpec = hardenedPodSpec({
      containerName: 'backup',
      // The system's own image: the same pinning (digest at level 4) and registry as the workload.
      image: props.workload.image,
      args: BACKUP_ARGS,
      serviceAccountName: tenancy.serviceAccountName,
      ports: [],
      probeCommand: ['test', '-d', '/backup'],
      resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
      env: {
        BACKUP_SOURCE: `${name}.${namespace}.svc`,
        BACKUP_TARGET: '/backup',
        BACKUP_RETENTION_DAYS: String(backup.retentionDays),
      },
      volumes: [{ name: 'backup', mountPath: '/backup', claimName: `${name}-backup` }],
      restartPolicy: 'OnFailure',
    });
    after(new CronJobV1(this, 'backup', {
      metadata: { name: `${name}-backup`, namespace, labels: backupLabels },
      spec: {
        schedule: backup.schedule,
        concurrencyPolicy: 'Forbid',
        successfulJobsHistoryLimit: 3,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels: backupLabels },
          spec: { backoffLimit: 2, template: { metadata: { labels: backupLabels }, spec: podSpec } },
        },
      },
    }), deps);
  }
}
