/**
 * TOPO-003: "x" — at most one division-level center per division, and each names a division that
 * exists (plan §二(三): 各师市…形成统一的“兵团云”师级数据中心).
 */
import { ALL_LEVELS, centersWithRole, countEvaluated, defineRule, planClause, type RawFinding } from '../sdk';

export const TOPO_003 = defineRule({
  id: 'TOPO-003',
  pack: 'topo',
  severity: 'medium',
  title: { zh: '每个师市至多一个师级数据中心', en: 'At most one center per division, naming an existing division' },
  clause: planClause('二(三)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '每个师级中心的 division 字段须指向 topology.yaml 中已声明的师市；同一师市的多个机房应整合为一个师级数据中心。',
    en: "Give each division center a division that exists in topology.yaml's divisions; consolidate a division's rooms into a single division center.",
  },
  inputs: ['model'],
  check(ctx) {
    const divisions = new Map(ctx.env.topology.divisions.map((d) => [d.id, d]));
    const firstCenterOf = new Map<string, string>();
    const findings: RawFinding[] = [];
    const divisionCenters = centersWithRole(ctx.env, 'division');
    // Judged: every division center.
    countEvaluated(ctx, divisionCenters.length);
    for (const { center, index } of divisionCenters) {
      const division = center.division;
      if (division === undefined || division.trim() === '') {
        findings.push({
          doc: 'topology',
          path: `/centers/${index}`,
          center: center.id,
          message: {
            zh: `师级数据中心 ${center.id} 未指明所属师市（division）。`,
            en: `Division center ${center.id} does not name its division (field division).`,
          },
        });
        continue;
      }
      if (!divisions.has(division)) {
        findings.push({
          doc: 'topology',
          path: `/centers/${index}/division`,
          center: center.id,
          message: {
            zh: `师级数据中心 ${center.id} 指向不存在的师市 ${division}。`,
            en: `Division center ${center.id} names division ${division}, which is not in the topology's divisions.`,
          },
        });
        continue;
      }
      const first = firstCenterOf.get(division);
      if (first === undefined) {
        firstCenterOf.set(division, center.id);
        continue;
      }
      const name = divisions.get(division)?.name ?? division;
      findings.push({
        doc: 'topology',
        path: `/centers/${index}/division`,
        center: center.id,
        message: {
          zh: `${name}（${division}）已有师级数据中心 ${first}，${center.id} 是第二个；每个师市只建一个师级数据中心。`,
          en: `${division} already has division center ${first}; ${center.id} is a second one — one division center per division.`,
        },
      });
    }
    return findings;
  },
});
