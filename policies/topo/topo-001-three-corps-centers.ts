/** TOPO-001: "3 + x" — exactly one corps primary center and two corps DR centers (plan §二(三)). */
import { ALL_LEVELS, centersWithRole, countEvaluated, defineRule, planClause, type RawFinding } from '../sdk';

export const TOPO_001 = defineRule({
  id: 'TOPO-001',
  pack: 'topo',
  severity: 'high',
  title: { zh: '1个兵团级主数据中心和2个兵团级容灾中心', en: 'Exactly one corps primary center and two corps DR centers' },
  clause: planClause('二(三)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '在 topology.yaml 中声明且仅声明1个 role: corps-primary 和2个 role: corps-dr 的中心（“3+x”架构中的“3”）。',
    en: 'Declare exactly one center with role corps-primary and exactly two with role corps-dr in topology.yaml (the "3" of "3 + x").',
  },
  inputs: ['model'],
  check(ctx) {
    // Judged: the role of every center.
    countEvaluated(ctx, ctx.env.topology.centers.length);
    const findings: RawFinding[] = [];
    const expectations = [
      { role: 'corps-primary' as const, want: 1, zh: '兵团级主数据中心 (corps primary center)', en: 'corps primary center' },
      { role: 'corps-dr' as const, want: 2, zh: '兵团级容灾中心 (corps DR center)', en: 'corps DR centers' },
    ];
    for (const e of expectations) {
      const found = centersWithRole(ctx.env, e.role);
      if (found.length === e.want) continue;
      const ids = found.map((c) => c.center.id).join(', ') || '—';
      // Point at the first surplus center when there are too many, else at the list.
      const path = found.length > e.want ? `/centers/${found[e.want].index}/role` : '/centers';
      findings.push({
        doc: 'topology',
        path,
        message: {
          zh: `拓扑中有 ${found.length} 个${e.zh}（${ids}），实施方案“3+x”架构要求恰好 ${e.want} 个。`,
          en: `The topology has ${found.length} ${e.en} (${ids}); the plan's "3 + x" architecture requires exactly ${e.want}.`,
        },
      });
    }
    return findings;
  },
});
