import { ALL_LEVELS, countEvaluated, defineRule, dependencyOrder, migrationView, systemLabel, type RawFinding } from '../sdk';
import { CLAUSE_SYSTEMS } from './lib/clauses';

/** Dependency order: dependencies arrive no later; a dependency cycle moves in one wave. */
export const MIG_003 = defineRule({
  id: 'MIG-003',
  pack: 'mig',
  severity: 'high',
  title: { zh: '依赖系统先于或同批迁移，循环依赖同批迁移', en: 'Systems migrate no earlier than their dependencies; dependency cycles migrate in one wave' },
  clause: CLAUSE_SYSTEMS,
  levels: ALL_LEVELS,
  remediation: {
    zh: '把被依赖的系统移到同一批次或更早的批次；互相依赖的系统放在同一批次。',
    en: 'Move the dependency to the same or an earlier wave; put systems that depend on each other in one wave.',
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    // Judged: every system that moves onto 兵团云 and depends on others.
    countEvaluated(ctx, view.systems.filter((s) => s.arrival !== undefined && s.arrival >= 0 && s.dependencies.length > 0).length);
    const { violations, cycles } = dependencyOrder(view);
    const findings: RawFinding[] = [];
    for (const c of cycles) {
      const first = view.systemById.get(c.members[0])!;
      const path = c.cycle.join(' → ');
      findings.push({
        doc: 'migration',
        path: first.moves[0].pointer,
        system: first.id,
        message: {
          zh: `循环依赖 ${path} 跨越多个批次（${c.waves.join('、')}），成员：${c.members.join('、')}；循环依赖的系统须同批迁移`,
          en: `dependency cycle ${path} spans waves ${c.waves.join(', ')} (members: ${c.members.join(', ')}); a cycle must migrate in one wave`,
        },
      });
    }
    for (const { system, dependency } of violations) {
      const wave = system.moves[0].wave;
      const depWave = dependency.moves[0].wave;
      findings.push({
        doc: 'migration',
        path: system.moves[0].pointer,
        system: system.id,
        message: {
          zh: `系统 ${systemLabel(system)} 在批次 ${wave} 迁移，但其依赖的 ${systemLabel(dependency)} 在更晚的批次 ${depWave} 才迁移`,
          en: `system ${systemLabel(system)} migrates in wave ${wave}, but its dependency ${systemLabel(dependency)} migrates later, in wave ${depWave}`,
        },
      });
    }
    return findings;
  },
});
