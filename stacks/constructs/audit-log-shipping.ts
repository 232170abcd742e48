/**
 * Audit logs leave the center (MLPS-010/011, GB/T 22239-2019 8.1.4.3, 网络安全法 (2025 修正) 第二十三条第（三）项): in the ops
 * namespace `btyun-ops`, the audit-shipping ConfigMap (label `xjbt.gov.cn/audit-shipping=true`,
 * data: endpoint, retention-days, store-center/country/city, immutable — from
 * topology.auditLogStore) and a hardened DaemonSet shipper reading node logs read-only.
 *
 * The shipper's only egress (besides DNS) is HTTPS to private 政务外网 addresses (RFC 1918): the
 * store is on the e-government extranet, never on the Internet, so no 0.0.0.0/0 rule.
 */
import { Construct } from 'constructs';
import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { DaemonSetV1 } from '@cdktf/provider-kubernetes/lib/daemon-set-v1';
import { ServiceAccountV1 } from '@cdktf/provider-kubernetes/lib/service-account-v1';
import type { AuditLogStore } from '../../checks/core/types';
import { AUDIT_SHIPPING_KEYS, CONVENTION_LABELS, OPS_NAMESPACE } from '../../checks/core/conventions';
import { hardenedPodSpec } from '../pod-template';
import { ManagedNamespace } from './managed-namespace';
import { AllowPolicy } from './network-policy';
import { after } from './after';

export interface AuditLogShippingProps {
  center: string;
  store: AuditLogStore;
  /** Corps registry host, e.g. `registry.xjbt.gov.cn`. */
  registry: string;
  /** Shipper image path, tag and digest under the registry. */
  shipperImage?: string;
}

export const AUDIT_SHIPPING_CONFIGMAP = 'audit-shipping';
/**
 * The corps-built log shipper, pinned by digest: it runs in every center, next to level-4 systems,
 * so it meets the level-4 pinning requirement (K8S-016) everywhere.
 */
export const DEFAULT_SHIPPER_IMAGE =
  'btyun/audit-shipper:3.1.9@sha256:5b3c8e0f4a1d9c2e7b6a4f3d2c1b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a';
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'];
const SHIPPER_HEALTH_PORT = 2020;

/** TCP port of an https/http endpoint URL (443 by default). */
export function endpointPort(endpoint: string): number {
  try {
    const url = new URL(endpoint);
    if (url.port !== '') return Number(url.port);
    return url.protocol === 'http:' ? 80 : 443;
  } catch {
    return 443;
  }
}

export class AuditLogShipping extends Construct {
  readonly namespace: ManagedNamespace;

  constructor(scope: Construct, id: string, props: AuditLogShippingProps) {
    super(scope, id);
    this.namespace = new ManagedNamespace(this, 'ops', { name: OPS_NAMESPACE, kind: 'ops', center: props.center });
    const ns = this.namespace;
    const deps = [ns.resource];
    const store = props.store;
    after(new ConfigMapV1(this, 'config', {
      metadata: { name: AUDIT_SHIPPING_CONFIGMAP, namespace: OPS_NAMESPACE, labels: { ...ns.labels, [CONVENTION_LABELS.auditShipping]: 'true' } },
      data: {
        [AUDIT_SHIPPING_KEYS.endpoint]: store.endpoint,
        [AUDIT_SHIPPING_KEYS.retentionDays]: String(store.retentionDays),
        [AUDIT_SHIPPING_KEYS.storeCenter]: store.center,
        [AUDIT_SHIPPING_KEYS.storeCountry]: store.country,
        [AUDIT_SHIPPING_KEYS.storeCity]: store.city ?? '',
        [AUDIT_SHIPPING_KEYS.immutable]: String(store.immutable),
      },
    }), deps);
    after(new ServiceAccountV1(this, 'account', {
      metadata: { name: 'audit-shipper', namespace: OPS_NAMESPACE, labels: ns.labels },
      automountServiceAccountToken: false,
    }), deps);
    const podLabels = { ...ns.labels, 'app.kubernetes.io/name': 'audit-shipper' };
    after(new DaemonSetV1(this, 'shipper', {
      metadata: { name: 'audit-shipper', namespace: OPS_NAMESPACE, labels: podLabels },
      spec: {
        selector: { matchLabels: { 'app.kubernetes.io/name': 'audit-shipper' } },
        template: {
          metadata: { labels: podLabels },
          spec: hardenedPodSpec({
            containerName: 'shipper',
            image: `${props.registry}/${props.shipperImage ?? DEFAULT_SHIPPER_IMAGE}`,
            serviceAccountName: 'audit-shipper',
            ports: [SHIPPER_HEALTH_PORT],
            healthPath: '/api/v1/health',
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '512Mi' } },
            env: { AUDIT_ENDPOINT: store.endpoint, AUDIT_RETENTION_DAYS: String(store.retentionDays) },
            volumes: [{ name: 'node-logs', mountPath: '/var/log', hostPath: '/var/log', readOnly: true }],
          }),
        },
      },
    }), deps);
    new AllowPolicy(this, 'egress', {
      name: 'allow-audit-egress',
      namespace: OPS_NAMESPACE,
      labels: ns.labels,
      direction: 'egress',
      podLabels: { 'app.kubernetes.io/name': 'audit-shipper' },
      peers: PRIVATE_RANGES.map((cidr) => ({ cidr })),
      ports: [{ port: endpointPort(store.endpoint) }],
      after: deps,
    });
  }
}
