/**
 * TOPO-002: 两地三中心 — one corps DR center in the primary's city (同城灾备), the other in a
 * different city (异地灾备) (plan §二(三)).
 */
import { ALL_LEVELS, centersWithRole, countEvaluated, defineRule, planClause, type RawFinding } from '../sdk';

function sameCity(a: string, b: string): boolean {
  return a.trim() === b.trim();
}

export const TOPO_002 = defineRule({
  id: 'TOPO-002',
  pack: 'topo',
  severity: 'high',
  title: { zh: '两地三中心：同城灾备与异地灾备', en: 'Two places, three centers: one same-city and one off-site DR center' },
  clause: planClause('二(三)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '将一个兵团级容灾中心设在主数据中心所在城市（同城灾备），另一个设在其他城市（异地灾备）。',
    en: "Place one corps DR center in the primary center's city (same-city DR) and the other in a different city (off-site DR).",
  },
  inputs: ['model'],
  check(ctx) {
    const primaries = centersWithRole(ctx.env, 'corps-primary');
    // Without exactly one primary there is no reference city; TOPO-001 reports that.
    if (primaries.length !== 1) return [];
    const { center: primary, index } = primaries[0];
    const drs = centersWithRole(ctx.env, 'corps-dr');
    // Judged: the city of the primary and of each corps DR center.
    countEvaluated(ctx, 1 + drs.length);
    const findings: RawFinding[] = [];
    const drList = drs.map((d) => `${d.center.id}@${d.center.city}`).join(', ') || '—';
    if (!drs.some((d) => sameCity(d.center.city, primary.city))) {
      findings.push({
        doc: 'topology',
        path: `/centers/${index}/city`,
        center: primary.id,
        message: {
          zh: `主数据中心 ${primary.id} 位于${primary.city}，但没有同城容灾中心（现有容灾中心：${drList}）；“两地三中心”要求一个容灾中心与主中心同城。`,
          en: `Primary center ${primary.id} is in ${primary.city} but no corps DR center is in the same city (DR centers: ${drList}); "two places, three centers" needs a same-city DR center.`,
        },
      });
    }
    if (!drs.some((d) => !sameCity(d.center.city, primary.city))) {
      findings.push({
        doc: 'topology',
        path: `/centers/${index}/city`,
        center: primary.id,
        message: {
          zh: `主数据中心 ${primary.id} 位于${primary.city}，但没有异地容灾中心（现有容灾中心：${drList}）；“两地三中心”要求另一个容灾中心位于其他城市。`,
          en: `Primary center ${primary.id} is in ${primary.city} but no corps DR center is in another city (DR centers: ${drList}); "two places, three centers" needs an off-site DR center.`,
        },
      });
    }
    return findings;
  },
});
