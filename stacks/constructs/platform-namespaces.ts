/**
 * One namespace `platform-<id>` per shared platform: 大协同 dxt, 大数据 dsj, 大服务 dfw and the gateway.
 * They sit in the `platform` zone; systems reach them through their own declared connections.
 */
import { Construct } from 'constructs';
import type { Platform } from '../../checks/core/types';
import { CONVENTION_LABELS, platformNamespace } from '../../checks/core/conventions';
import { ManagedNamespace } from './managed-namespace';

export interface PlatformNamespacesProps {
  center: string;
  platforms: readonly Platform[];
}

export class PlatformNamespaces extends Construct {
  readonly namespaces: ManagedNamespace[] = [];

  constructor(scope: Construct, id: string, props: PlatformNamespacesProps) {
    super(scope, id);
    for (const p of props.platforms) {
      this.namespaces.push(
        new ManagedNamespace(this, p.id, {
          name: platformNamespace(p.id),
          kind: 'platform',
          center: props.center,
          zone: 'platform',
          extraLabels: { [CONVENTION_LABELS.platform]: p.id },
        }),
      );
    }
  }
}
