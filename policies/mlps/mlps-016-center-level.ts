/**
 * MLPS-016 — 云计算安全扩展要求 网络架构 a: a cloud platform must not host a system of a higher
 * level than its own. Evidence: each system's level against the mlpsLevel of every center that
 * hosts it — its inventory location, every migration target, and every center whose stack holds
 * resources labelled with the system.
 * Counted: every system of the inventory, every migration move into a center of the topology, and
 * every (system, center) pair of the configuration.
 */
import { ALL_LEVELS, centerById, countEvaluated, defineRule, indexedSystems, mlpsControls, NO_COUNTERPART, type Center, type MlpsLevel, type RawFinding, type Resource } from '../sdk';
import { centerLabel, centerOf } from './lib/centers';
import { applies, highestLevel, inventorySystem, systemLevel } from './lib/levels';

const LEVELS = [...ALL_LEVELS];

function tooHigh(system: string, level: MlpsLevel, c: Center, how: { zh: string; en: string }): RawFinding['message'] {
  return {
    zh: `${level} 级系统 ${system} ${how.zh}中心 ${centerLabel(c)}，但该中心只能承载 ${c.mlpsLevel} 级及以下系统`,
    en: `Level ${level} system ${system} ${how.en} center ${centerLabel(c)}, which may host systems up to level ${c.mlpsLevel} only`,
  };
}

export const MLPS_016 = defineRule({
  id: 'MLPS-016',
  pack: 'mlps',
  severity: 'critical',
  title: { zh: '中心不得承载高于其自身等级的系统', en: 'A center never hosts a system above its own MLPS level' },
  clause: 'GB/T 22239-2019 8.2.2.1 a (cloud ext. 网络架构 a)',
  levels: LEVELS,
  controls: { 1: NO_COUNTERPART, 2: mlpsControls('7.2.2.1', 'a'), 3: mlpsControls('8.2.2.1', 'a'), 4: mlpsControls('9.2.2.1', 'a') },
  remediation: {
    zh: '把系统迁移到等保等级不低于系统等级的中心（topology.yaml centers[].mlpsLevel）。',
    en: 'Place each system in a center whose mlpsLevel (topology.yaml) is at least the system level.',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const env = ctx.env;
    const out: RawFinding[] = [];
    for (const { system: s, index: i } of indexedSystems(env)) {
      const level = systemLevel(env, s.id);
      if (!applies(LEVELS, level)) continue;
      countEvaluated(ctx, 1);
      const c = s.location.kind === 'cloud' ? centerById(env, s.location.center) : undefined;
      if (c && c.mlpsLevel < level) {
        out.push({ doc: 'inventory', path: `/systems/${i}/location/center`, system: s.id, center: c.id, message: tooHigh(s.id, level, c, { zh: '部署在', en: 'is placed in' }) });
      }
    }
    env.migration.waves.forEach((w, wi) =>
      w.moves.forEach((m, mi) => {
        const level = systemLevel(env, m.system);
        const c = centerById(env, m.to);
        if (!c || !applies(LEVELS, level)) return;
        countEvaluated(ctx, 1);
        if (c.mlpsLevel >= level) return;
        out.push({ doc: 'migration', path: `/waves/${wi}/moves/${mi}/to`, system: m.system, center: c.id, message: tooHigh(m.system, level, c, { zh: '计划迁入', en: 'is planned to move into' }) });
      }),
    );
    // One finding per (system, center) of the configuration, on the first resource there.
    const groups = new Map<string, { system: string; center: Center; resources: Resource[] }>();
    for (const r of ctx.resources.all) {
      if (r.system === undefined) continue;
      const c = centerOf(env, r);
      if (!c) continue;
      const key = `${r.system}\u0000${c.id}`;
      const g = groups.get(key) ?? { system: r.system, center: c, resources: [] };
      g.resources.push(r);
      groups.set(key, g);
    }
    for (const key of [...groups.keys()].sort()) {
      const g = groups.get(key)!;
      const filed = inventorySystem(env, g.system)?.mlps?.level ?? 1;
      const level = Math.max(filed, highestLevel(ctx, g.resources)) as MlpsLevel;
      if (!applies(LEVELS, level)) continue;
      countEvaluated(ctx, 1);
      if (g.center.mlpsLevel >= level) continue;
      out.push({ resource: g.resources[0], system: g.system, center: g.center.id, message: tooHigh(g.system, level, g.center, { zh: '的资源部署在', en: 'has resources deployed in' }) });
    }
    return out;
  },
});
