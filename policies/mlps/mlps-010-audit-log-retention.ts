/**
 * MLPS-010 — 8.1.5.4 d 集中管控 (audit records collected centrally and kept as the law requires;
 * level 4: 9.1.5.4 d; level 2 has no 集中管控 control) and, at every level, 网络安全法 (2025 修正)
 * 第二十三条第（三）项: network logs kept at least six calendar months (art. 21(3) before the
 * amendment of 2025-10-28, in force 2026-01-01). Six months are 181–184 days: the minimum is
 * `policy.auditLogRetentionDays`, 184 by default, and a lower setting takes effect only with an
 * approval (effective-policy.ts, EXC-003) — the legal floor stays. Evidence: the topology's audit
 * log store keeps records ≥ that minimum; every center stack has an audit-shipping ConfigMap with
 * an endpoint and retention-days ≥ that minimum.
 * Counted: the audit log store (when a center is at levels 2+), and every center stack of the
 * configuration at levels 2+ (its audit-shipping ConfigMaps).
 */
import { AUDIT_SHIPPING_KEYS, CONVENTION_LABELS, countEvaluated, CYBERSECURITY_LAW_LOGS, defineRule, fromLevel, isFilled, mlpsControls, NO_COUNTERPART, OPS_NAMESPACE, type RawFinding } from '../sdk';
import { auditShippingConfigMaps } from './lib/audit';
import { centerStacks } from './lib/centers';
import { centerApplies } from './lib/levels';
import { where } from './lib/text';

const LEVELS = fromLevel(2);

export const MLPS_010 = defineRule({
  id: 'MLPS-010',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '各中心审计日志集中存储并保留不少于六个月（184 天）', en: 'Every center ships audit logs to a central store kept at least six calendar months (184 days)' },
  clause: `GB/T 22239-2019 8.1.5.4 d; ${CYBERSECURITY_LAW_LOGS}`,
  levels: LEVELS,
  controls: { 2: NO_COUNTERPART, 3: mlpsControls('8.1.5.4', 'd'), 4: mlpsControls('9.1.5.4', 'd') },
  statute: CYBERSECURITY_LAW_LOGS,
  remediation: {
    zh: `topology.yaml 的 auditLogStore.retentionDays 不低于策略要求；每个中心栈在 ${OPS_NAMESPACE} 中部署带 ${CONVENTION_LABELS.auditShipping}: "true" 标签的 ConfigMap，写明 endpoint 与 retention-days。`,
    en: `Keep topology.yaml auditLogStore.retentionDays at or above the policy minimum; give every center stack a ConfigMap labelled ${CONVENTION_LABELS.auditShipping}: "true" (in ${OPS_NAMESPACE}) with endpoint and retention-days.`,
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const env = ctx.env;
    const min = env.policy.auditLogRetentionDays;
    const out: RawFinding[] = [];
    const store = env.topology.auditLogStore;
    if (env.topology.centers.some((c) => centerApplies(LEVELS, c))) {
      countEvaluated(ctx, 1);
      if (!(store.retentionDays >= min)) {
        out.push({
          doc: 'topology',
          path: '/auditLogStore/retentionDays',
          message: {
            zh: `审计日志库只保留 ${store.retentionDays} 天，低于要求的 ${min} 天`,
            en: `The audit log store keeps records for ${store.retentionDays} days, less than the required ${min}`,
          },
        });
      }
    }
    const stacks = centerStacks(env, ctx.resources.stacks).filter((c) => centerApplies(LEVELS, c.center));
    countEvaluated(ctx, stacks.length);
    for (const { center: c, index } of stacks) {
      const shipping = auditShippingConfigMaps(ctx.resources, c.id);
      if (shipping.length === 0) {
        out.push({
          doc: 'topology',
          path: `/centers/${index}`,
          center: c.id,
          message: {
            zh: `中心 ${c.id} 的配置中没有审计日志外送 ConfigMap（标签 ${CONVENTION_LABELS.auditShipping}: "true"）`,
            en: `The configuration of center ${c.id} has no audit-shipping ConfigMap (label ${CONVENTION_LABELS.auditShipping}: "true")`,
          },
        });
        continue;
      }
      for (const s of shipping) {
        const zh: string[] = [];
        const en: string[] = [];
        if (!isFilled(s.endpoint)) {
          zh.push(`未写明 ${AUDIT_SHIPPING_KEYS.endpoint}`);
          en.push(`no ${AUDIT_SHIPPING_KEYS.endpoint}`);
        }
        if (s.retentionDays === undefined || s.retentionDays < min) {
          const days = s.retentionDays === undefined ? '未写明（或非字面值）' : `${s.retentionDays} 天`;
          zh.push(`${AUDIT_SHIPPING_KEYS.retentionDays} 为 ${days}，要求至少 ${min} 天`);
          en.push(`${AUDIT_SHIPPING_KEYS.retentionDays} is ${s.retentionDays ?? 'missing (or not a literal)'}, at least ${min} required`);
        }
        if (zh.length === 0) continue;
        out.push({
          resource: s.resource,
          message: {
            zh: `审计日志外送配置 ${where(s.resource)} 不合规：${zh.join('；')}`,
            en: `Audit-shipping ConfigMap ${where(s.resource)} is not compliant: ${en.join('; ')}`,
          },
        });
      }
    }
    return out;
  },
});
