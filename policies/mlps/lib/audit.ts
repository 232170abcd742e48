/**
 * The audit-shipping ConfigMap of a center stack (label `xjbt.gov.cn/audit-shipping: "true"`,
 * data keys in AUDIT_SHIPPING_KEYS): where the center sends its audit logs and for how long they
 * are kept.
 */
import { AUDIT_SHIPPING_KEYS, CONVENTION_LABELS, num, strMap, type Resource, type ResourceIndex } from '../../sdk';

export interface AuditShipping {
  resource: Resource;
  endpoint?: string;
  retentionDays?: number;
  storeCenter?: string;
  storeCountry?: string;
  storeCity?: string;
  immutable?: boolean;
}

export function readAuditShipping(r: Resource): AuditShipping {
  const data = strMap(r.attrs.data);
  const immutable = data[AUDIT_SHIPPING_KEYS.immutable];
  return {
    resource: r,
    endpoint: data[AUDIT_SHIPPING_KEYS.endpoint],
    retentionDays: num(data, AUDIT_SHIPPING_KEYS.retentionDays),
    storeCenter: data[AUDIT_SHIPPING_KEYS.storeCenter],
    storeCountry: data[AUDIT_SHIPPING_KEYS.storeCountry],
    storeCity: data[AUDIT_SHIPPING_KEYS.storeCity],
    immutable: immutable === undefined ? undefined : immutable.trim().toLowerCase() === 'true',
  };
}

/** Audit-shipping ConfigMaps, optionally of one stack. */
export function auditShippingConfigMaps(index: ResourceIndex, stack?: string): AuditShipping[] {
  return index
    .withLabel(CONVENTION_LABELS.auditShipping, 'true')
    .filter((r) => r.kind === 'config_map' && (stack === undefined || r.stack === stack))
    .map(readAuditShipping);
}

/** ISO 3166 `CN` (case-insensitive). */
export function isChina(country: string | undefined): boolean {
  return country !== undefined && country.trim().toUpperCase() === 'CN';
}
