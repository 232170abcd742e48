/**
 * How compliance evidence appears in Kubernetes resources: the contract between the stacks that
 * emit it and the MLPS rules that look for it. Any Terraform configuration that follows these
 * conventions (not only ours) is judged the same way.
 */
import { LABEL_PREFIX } from './labels';

export const CONVENTION_LABELS = {
  /** On a ClusterRoleBinding: which of the three separated administrator roles (三权分立) it grants: `system` | `audit` | `security`. */
  adminRole: `${LABEL_PREFIX}admin-role`,
  /** On the audit-shipping ConfigMap (value `"true"`). Its `data`: endpoint, retention-days, store-center, store-country, store-city, immutable. */
  auditShipping: `${LABEL_PREFIX}audit-shipping`,
  /**
   * On backup resources of a system: `local` (CronJob in the system namespace doing local backups),
   * `replica` (the off-site real-time replication target: a PVC in the DR center receiving the data).
   * Annotation `xjbt.gov.cn/backup-source-center` names the primary center on a replica.
   */
  backup: `${LABEL_PREFIX}backup`,
  /** On a DR workload (role `dr`): `warm` (warm standby) or `active` (active instance, real-time switch-over). */
  drMode: `${LABEL_PREFIX}dr-mode`,
  /** On a StorageClass: `"true"` when volumes are encrypted at rest (parameters.encrypted = "true" counts too). */
  encrypted: `${LABEL_PREFIX}encrypted`,
  /** On a namespace: `system` (one per system), `zone`, `platform`, `ops` (audit, backup tooling). */
  namespaceKind: `${LABEL_PREFIX}namespace-kind`,
  /** On a platform namespace / workload: the platform id (dxt, dsj, dfw, gateway). */
  platform: `${LABEL_PREFIX}platform`,
} as const;

export const CONVENTION_ANNOTATIONS = {
  backupSourceCenter: `${LABEL_PREFIX}backup-source-center`,
  /** On a Namespace of a system hosted as DR: the primary center of the system. */
  primaryCenter: `${LABEL_PREFIX}primary-center`,
} as const;

/** ConfigMap data keys of the audit-shipping ConfigMap. */
export const AUDIT_SHIPPING_KEYS = {
  endpoint: 'endpoint',
  retentionDays: 'retention-days',
  storeCenter: 'store-center',
  storeCountry: 'store-country',
  storeCity: 'store-city',
  immutable: 'immutable',
} as const;

/** Namespace of the per-center operations tooling (audit shipping, backup agents). */
export const OPS_NAMESPACE = 'btyun-ops';

/**
 * A system id names Kubernetes objects beyond its namespace: the Service `<id>` (a DNS-1035 label:
 * starts with a letter), the StatefulSet `<id>` (its pods' revision label `<id>-<10-char hash>` must
 * fit 63) and the backup CronJob `<id>-backup` (CronJob names are limited to 52 characters).
 */
export const SYSTEM_ID_MAX_LENGTH = 45;
export const SYSTEM_ID_START = /^[a-z]/;

/**
 * Why a system id cannot be its namespace name, if it cannot: the center's own namespaces (zones,
 * platforms, ops tooling) and Kubernetes' own are taken. Undefined when the name is free.
 */
export function reservedNamespaceReason(name: string): string | undefined {
  if (name === OPS_NAMESPACE) return 'the ops namespace of every center';
  if (name.startsWith('zone-')) return 'zone namespaces are named zone-<zone id>';
  if (name.startsWith('platform-')) return 'platform namespaces are named platform-<platform id>';
  if (name === 'default' || name.startsWith('kube-')) return 'a namespace of Kubernetes itself';
  return undefined;
}

/** Namespace name of a system: its inventory id (one system per namespace, MLPS-018). */
export function systemNamespace(systemId: string): string {
  return systemId;
}

/** Namespace name of a zone: `zone-<zone id>`. */
export function zoneNamespace(zoneId: string): string {
  return `zone-${zoneId}`;
}

/** Namespace name of a platform: `platform-<platform id>`. */
export function platformNamespace(platformId: string): string {
  return `platform-${platformId}`;
}

/**
 * Subjects that count as the platform itself (MLPS-006): Kubernetes system identities and the
 * center's system-administrator group named in the topology.
 */
export const PLATFORM_SUBJECT_PREFIXES = ['system:'] as const;
