/**
 * MLPS-011 — 8.1.4.3 c 安全审计: protect audit records against unexpected deletion, modification
 * or overwriting. Evidence: audit records leave the center that produced them (the store is in
 * another center), or the store is immutable (WORM). Judged on the topology's audit log store for
 * every center, and on each center's audit-shipping ConfigMap.
 * Counted: the audit log store (when a center is at levels 3+), and every audit-shipping ConfigMap
 * of a center stack at levels 3+.
 */
import { centerById, countEvaluated, defineRule, fromLevel, mlpsControls, type RawFinding } from '../sdk';
import { auditShippingConfigMaps } from './lib/audit';
import { centerStacks } from './lib/centers';
import { centerApplies } from './lib/levels';
import { where } from './lib/text';

const LEVELS = fromLevel(3);

export const MLPS_011 = defineRule({
  id: 'MLPS-011',
  pack: 'mlps',
  severity: 'medium',
  title: { zh: '审计记录须异地存放或不可篡改', en: 'Audit records are protected: stored outside the center that produced them, or immutable' },
  clause: 'GB/T 22239-2019 8.1.4.3 c',
  levels: LEVELS,
  controls: { 3: mlpsControls('8.1.4.3', 'c'), 4: mlpsControls('9.1.4.3', 'c') },
  remediation: {
    zh: '将审计日志库放在另一中心，或开启对象锁定/WORM（auditLogStore.immutable: true，ConfigMap immutable: "true"）。',
    en: 'Keep the audit log store in another center, or enable object lock / WORM (auditLogStore.immutable: true, ConfigMap immutable: "true").',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const env = ctx.env;
    const store = env.topology.auditLogStore;
    const out: RawFinding[] = [];
    if (env.topology.centers.some((c) => centerApplies(LEVELS, c))) countEvaluated(ctx, 1);
    const own = centerById(env, store.center);
    if (own && centerApplies(LEVELS, own) && store.immutable !== true) {
      out.push({
        doc: 'topology',
        path: '/auditLogStore/immutable',
        center: own.id,
        message: {
          zh: `审计日志库位于中心 ${own.id} 且可修改，该中心自身的审计记录未受保护`,
          en: `The audit log store is in center ${own.id} and is mutable, so that center's own audit records are not protected`,
        },
      });
    }
    for (const { center: c } of centerStacks(env, ctx.resources.stacks)) {
      if (!centerApplies(LEVELS, c)) continue;
      const shipping = auditShippingConfigMaps(ctx.resources, c.id);
      countEvaluated(ctx, shipping.length);
      for (const s of shipping) {
        if (s.storeCenter !== c.id || s.immutable === true) continue;
        out.push({
          resource: s.resource,
          message: {
            zh: `审计日志外送配置 ${where(s.resource)} 把日志存放在产生它们的中心 ${c.id}，且未声明不可篡改`,
            en: `Audit-shipping ConfigMap ${where(s.resource)} keeps logs in the center that produced them (${c.id}) without declaring them immutable`,
          },
        });
      }
    }
    return out;
  },
});
