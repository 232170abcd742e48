/**
 * One namespace `zone-<zone id>` per 政务外网 zone of the center (公用网络区, 专用网络区, 互联网接入区,
 * platform). The 政务内网 zone never exists in a 兵团云 cluster (physically isolated), so it is skipped.
 */
import { Construct } from 'constructs';
import type { Zone } from '../../checks/core/types';
import { zoneNamespace } from '../../checks/core/conventions';
import { ManagedNamespace } from './managed-namespace';

export interface ZoneNamespacesProps {
  center: string;
  /** networks.zones of the environment. */
  zones: readonly Zone[];
}

export class ZoneNamespaces extends Construct {
  readonly namespaces: ManagedNamespace[] = [];

  constructor(scope: Construct, id: string, props: ZoneNamespacesProps) {
    super(scope, id);
    for (const zone of props.zones) {
      if (zone.network !== 'extranet') continue;
      this.namespaces.push(new ManagedNamespace(this, zone.id, { name: zoneNamespace(zone.id), kind: 'zone', center: props.center, zone: zone.id }));
    }
  }
}
