/**
 * MLPS-017 — 云计算安全扩展要求 基础设施位置 (7.2.1.1 / 8.2.1.1 / 9.2.1.1; level 1 has no such
 * control): the cloud infrastructure is located inside China.
 * Evidence: every center's country, the audit log store's country, and the store-country of every
 * audit-shipping ConfigMap are `CN`. Backups stay in centers (local CronJobs, DR-center replicas),
 * so the center check covers them.
 * Counted: every center, the audit log store, and every audit-shipping ConfigMap.
 */
import { ALL_LEVELS, AUDIT_SHIPPING_KEYS, countEvaluated, defineRule, mlpsControls, NO_COUNTERPART, type RawFinding } from '../sdk';
import { auditShippingConfigMaps, isChina } from './lib/audit';
import { centerLabel } from './lib/centers';
import { where } from './lib/text';

function outside(zh: string, en: string): RawFinding['message'] {
  return { zh: `${zh}不在中国境内`, en: `${en} is not inside China` };
}

export const MLPS_017 = defineRule({
  id: 'MLPS-017',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '中心、备份与日志存储须位于中国境内', en: 'Every center, backup and log store is inside China' },
  clause: 'GB/T 22239-2019 8.2.1.1 (cloud ext. 基础设施位置)',
  levels: [...ALL_LEVELS],
  controls: { 1: NO_COUNTERPART, 2: mlpsControls('7.2.1.1'), 3: mlpsControls('8.2.1.1'), 4: mlpsControls('9.2.1.1') },
  remediation: {
    zh: '把中心与存储放在中国境内，并在 topology.yaml 与审计外送配置中写明 country/store-country: CN。',
    en: 'Keep centers and stores inside China and state country / store-country CN in topology.yaml and the audit-shipping configuration.',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const env = ctx.env;
    const out: RawFinding[] = [];
    const centers = env.topology.centers;
    const shipping = auditShippingConfigMaps(ctx.resources);
    countEvaluated(ctx, centers.length + 1 + shipping.length);
    centers.forEach((c, i) => {
      if (!isChina(c.country)) out.push({ doc: 'topology', path: `/centers/${i}/country`, center: c.id, message: outside(`中心 ${centerLabel(c)}（country: ${c.country}）`, `Center ${centerLabel(c)} (country: ${c.country})`) });
    });
    const store = env.topology.auditLogStore;
    if (!isChina(store.country)) {
      out.push({ doc: 'topology', path: '/auditLogStore/country', message: outside(`审计日志库（country: ${store.country}）`, `The audit log store (country: ${store.country})`) });
    }
    for (const s of shipping) {
      if (s.storeCountry === undefined || isChina(s.storeCountry)) continue;
      out.push({
        resource: s.resource,
        message: outside(
          `审计日志外送配置 ${where(s.resource)} 的目标存储（${AUDIT_SHIPPING_KEYS.storeCountry}: ${s.storeCountry}）`,
          `The store of audit-shipping ConfigMap ${where(s.resource)} (${AUDIT_SHIPPING_KEYS.storeCountry}: ${s.storeCountry})`,
        ),
      });
    }
    return out;
  },
});
