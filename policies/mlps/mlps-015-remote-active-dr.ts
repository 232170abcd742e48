/**
 * MLPS-015 — 9.1.4.9 d 数据备份恢复 (level 4): an off-site disaster recovery center with
 * real-time switch-over of business applications (异地灾难备份中心，实时切换). Evidence: a deployed
 * level 4 system has a workload with role `dr` and dr-mode `active` in the corps DR center located
 * in another city than the corps primary center (异地灾备).
 * Counted: every deployed level-4 system.
 */
import { centersWithRole, CONVENTION_LABELS, countEvaluated, defineRule, judgedSystems, LABELS, mlpsControls, type Center, type Environment, type RawFinding } from '../sdk';
import { corpsDrCenters, remoteDrCenters } from './lib/centers';
import { deployedSystemsAt, drMode, hasDrWorkload, primaryCenters, systemAnchor, systemFinding } from './lib/systems';

const LEVELS = [4] as const;

/**
 * Where the active instance must run: the corps DR center(s) in another city than the corps
 * primary (异地), other than where the system itself runs. A system that already runs in that remote
 * center needs its active instance in a corps DR center in another city than its own.
 */
function activeTargets(env: Environment, primaries: readonly Center[]): Center[] {
  const own = new Set(primaries.map((c) => c.id));
  const city = centersWithRole(env, 'corps-primary')[0]?.center.city ?? primaries[0]?.city ?? '';
  const remote = remoteDrCenters(env, city).filter((c) => !own.has(c.id));
  if (remote.length > 0 || !primaries.some((p) => p.role === 'corps-dr')) return remote;
  return corpsDrCenters(env).filter((c) => !own.has(c.id) && primaries.every((p) => p.city !== c.city));
}

export const MLPS_015 = defineRule({
  id: 'MLPS-015',
  pack: 'mlps',
  severity: 'critical',
  title: { zh: '异地灾备中心须有可实时切换的双活实例', en: 'Off-site DR center with real-time switch-over: an active instance in the remote DR center' },
  clause: 'GB/T 22239-2019 9.1.4.9 d',
  levels: [...LEVELS],
  controls: { 4: mlpsControls('9.1.4.9', 'd') },
  remediation: {
    zh: `在与兵团主中心不同城市的容灾中心部署系统工作负载，标签 ${LABELS.role}: dr、${CONVENTION_LABELS.drMode}: active。`,
    en: `Deploy the system's workload in the corps DR center in another city than the corps primary, labelled ${LABELS.role}: dr and ${CONVENTION_LABELS.drMode}: active.`,
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const env = ctx.env;
    const out: RawFinding[] = [];
    const systems = deployedSystemsAt(ctx, LEVELS);
    countEvaluated(ctx, systems.length, judgedSystems(systems));
    for (const sys of systems) {
      const remote = new Set(activeTargets(env, primaryCenters(ctx, sys)).map((c) => c.id));
      const active = hasDrWorkload(ctx, sys, (c, w) => remote.has(c.id) && drMode(w) === 'active');
      if (active) continue;
      const candidates = [...remote].sort().join(', ') || '—';
      const text = {
        zh: `四级系统 ${sys} 在异地兵团级容灾中心没有双活实例（${CONVENTION_LABELS.drMode}: active；可选中心：${candidates}），无法实时切换`,
        en: `Level 4 system ${sys} has no active instance (${CONVENTION_LABELS.drMode}: active) in the remote corps DR center (candidates: ${candidates}), so it cannot switch over in real time`,
      };
      out.push(systemFinding(sys, systemAnchor(ctx, sys), text));
    }
    return out;
  },
});
