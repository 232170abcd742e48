/**
 * TOPO-005: 稳定性达到电信级 — every center's availability target is at or above the configured
 * carrier-grade floor (policy.carrierGradeAvailability) (plan §二(三)).
 */
import { ALL_LEVELS, countEvaluated, defineRule, planClause, type RawFinding } from '../sdk';

export const TOPO_005 = defineRule({
  id: 'TOPO-005',
  pack: 'topo',
  severity: 'medium',
  title: { zh: '可用性达到电信级', en: 'Availability target at or above carrier grade' },
  clause: planClause('二(三)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '将中心的 availability 设为不低于 policy.carrierGradeAvailability（默认 99.99）的值，并按此目标建设冗余。',
    en: 'Set the center availability to at least policy.carrierGradeAvailability (default 99.99) and build the redundancy to meet it.',
  },
  inputs: ['model'],
  check(ctx) {
    const floor = ctx.env.policy.carrierGradeAvailability;
    const findings: RawFinding[] = [];
    // Judged: every center.
    countEvaluated(ctx, ctx.env.topology.centers.length);
    ctx.env.topology.centers.forEach((center, index) => {
      const a: unknown = center.availability;
      if (typeof a === 'number' && Number.isFinite(a) && a >= floor) return;
      const stated = typeof a === 'number' ? `${a}%` : '未声明';
      findings.push({
        doc: 'topology',
        path: typeof a === 'number' ? `/centers/${index}/availability` : `/centers/${index}`,
        center: center.id,
        message: {
          zh: `中心 ${center.id} 的可用性目标 ${stated} 低于电信级下限 ${floor}%。`,
          en: `Center ${center.id} has availability target ${typeof a === 'number' ? `${a}%` : '(missing)'}, below the carrier-grade floor of ${floor}%.`,
        },
      });
    });
    return findings;
  },
});
