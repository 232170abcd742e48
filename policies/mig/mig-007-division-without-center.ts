import { ALL_LEVELS, centersById, countEvaluated, defineRule, migrationView, systemLabel, type RawFinding } from '../sdk';
import { CLAUSE_CENTERS } from './lib/clauses';

/** A division without its own center builds on the corps cloud (不具备条件的师市依托兵团). */
export const MIG_007 = defineRule({
  id: 'MIG-007',
  pack: 'mig',
  severity: 'medium',
  title: { zh: '无师级数据中心的师市系统迁入兵团级中心', en: 'Systems of a division without its own center target the corps cloud' },
  clause: CLAUSE_CENTERS,
  levels: ALL_LEVELS,
  remediation: {
    zh: '把迁移目标改为兵团级中心（主中心或容灾中心），不要迁入其他师市的数据中心。',
    en: "Target a corps center (primary or DR), not another division's center.",
  },
  inputs: ['model'],
  check(ctx) {
    const centers = centersById(ctx.env);
    const withCenter = new Set(ctx.env.topology.centers.filter((c) => c.role === 'division' && c.division !== undefined).map((c) => c.division!));
    const divisionName = new Map(ctx.env.topology.divisions.map((d) => [d.id, d.name]));
    const named = (d: string): string => (divisionName.has(d) ? `${divisionName.get(d)} (${d})` : d);
    const view = migrationView(ctx.env, ctx.asOf);
    const findings: RawFinding[] = [];
    for (const s of view.systems) {
      for (const move of s.moves) {
        const divisions = new Set([...s.divisions, ...(move.from.division !== undefined ? [move.from.division] : [])]);
        if (divisions.size === 0) continue;
        // Judged: every move of a system that belongs to a division.
        countEvaluated(ctx, 1);
        const target = centers.get(move.to)?.center;
        if (target?.role !== 'division') continue;
        const without = [...divisions].filter((d) => !withCenter.has(d)).sort();
        if (without.length === 0) continue;
        findings.push({
          doc: 'migration',
          path: `${move.pointer}/to`,
          system: s.id,
          center: target.id,
          message: {
            zh: `系统 ${systemLabel(s)} 属于没有师级数据中心的 ${without.map(named).join('、')}，应迁入兵团级中心，而不是其他师市的数据中心 ${target.name}（${target.id}）`,
            en: `system ${systemLabel(s)} belongs to ${without.map(named).join(', ')}, which has no center of its own: it should target a corps center, not ${target.id}, the center of ${target.division !== undefined ? named(target.division) : 'another division'}`,
          },
        });
      }
    }
    return findings;
  },
});
