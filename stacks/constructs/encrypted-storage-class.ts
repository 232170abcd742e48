/**
 * The StorageClass every persistent volume of a system uses (MLPS-009, GB/T 22239-2019 8.1.4.8 b):
 * encrypted at rest (label `xjbt.gov.cn/encrypted=true` and parameter `encrypted=true`), volumes
 * retained when a claim is deleted (data is never lost by a refactoring).
 */
import { Construct } from 'constructs';
import { StorageClassV1 } from '@cdktf/provider-kubernetes/lib/storage-class-v1';
import { CONVENTION_LABELS } from '../../checks/core/conventions';
import { platformLabels } from '../resource-labels';

export const ENCRYPTED_STORAGE_CLASS = 'btyun-encrypted';
/** CSI driver of the corps clusters; override per center when a cluster uses another driver. */
export const DEFAULT_STORAGE_PROVISIONER = 'csi.xjbt.gov.cn';

export interface EncryptedStorageClassProps {
  center: string;
  /** CSI provisioner (default `csi.xjbt.gov.cn`). */
  provisioner?: string;
}

export class EncryptedStorageClass extends Construct {
  readonly name = ENCRYPTED_STORAGE_CLASS;
  readonly resource: StorageClassV1;

  constructor(scope: Construct, id: string, props: EncryptedStorageClassProps) {
    super(scope, id);
    this.resource = new StorageClassV1(this, 'class', {
      metadata: { name: ENCRYPTED_STORAGE_CLASS, labels: { ...platformLabels(props.center), [CONVENTION_LABELS.encrypted]: 'true' } },
      storageProvisioner: props.provisioner ?? DEFAULT_STORAGE_PROVISIONER,
      parameters: { encrypted: 'true' },
      reclaimPolicy: 'Retain',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowVolumeExpansion: true,
    });
  }
}
