/**
 * A system's DR presence in a corps DR center (stacks/dr-placement.ts decides where): its tenancy
 * with role `dr` (namespace annotated with the primary center), a standby workload labelled
 * `xjbt.gov.cn/dr-mode` `warm` or `active`, and — for systems with persistent data — the off-site
 * real-time replication target: a PVC labelled `xjbt.gov.cn/backup=replica`, annotated with
 * `xjbt.gov.cn/backup-source-center`, on the encrypted StorageClass (MLPS-013/014/015).
 */
import { Construct } from 'constructs';
import { PersistentVolumeClaimV1 } from '@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1';
import { CONVENTION_ANNOTATIONS, CONVENTION_LABELS } from '../../checks/core/conventions';
import type { DrMode } from '../../checks/plan/dr-placement';
import { SystemTenancy, type SystemTenancyProps } from './system-tenancy';
import { SystemWorkload } from './system-workload';
import { after } from './after';

export interface DrPlacementProps {
  /** Tenancy in the DR center; `role` is forced to `dr`, `primaryCenter` is required. */
  tenancy: Omit<SystemTenancyProps, 'role'> & { primaryCenter: string };
  mode: DrMode;
  replicas: number;
  /** Receive the primary's data in a replica volume. */
  replica: boolean;
  storageClass: string;
}

export class DrPlacement extends Construct {
  readonly tenancy: SystemTenancy;

  constructor(scope: Construct, id: string, props: DrPlacementProps) {
    super(scope, id);
    const t = props.tenancy;
    this.tenancy = new SystemTenancy(this, 'tenancy', { ...t, role: 'dr' });
    const workload = t.system.workload;
    if (workload) {
      new SystemWorkload(this, 'standby', {
        tenancy: this.tenancy,
        workload,
        replicas: props.replicas,
        drMode: props.mode,
        storageClass: props.storageClass,
        source: t.source,
      });
    }
    const storageGiB = workload?.storageGiB ?? 0;
    if (props.replica && storageGiB > 0) {
      const name = `${t.system.id}-replica`;
      after(new PersistentVolumeClaimV1(this, 'replica', {
        metadata: {
          name,
          namespace: this.tenancy.namespace,
          labels: { ...this.tenancy.labels, [CONVENTION_LABELS.backup]: 'replica' },
          annotations: { [CONVENTION_ANNOTATIONS.backupSourceCenter]: t.primaryCenter },
        },
        spec: { accessModes: ['ReadWriteOnce'], storageClassName: props.storageClass, resources: { requests: { storage: `${storageGiB}Gi` } } },
        waitUntilBound: false,
      }), [this.tenancy.namespaceResource]);
    }
  }
}
