/**
 * MLPS-013 — 8.1.4.9 b 数据备份恢复: off-site real-time backup (异地实时备份) of important data
 * over the network to a backup site. Evidence: a deployed level ≥ 3 system with persistent data has
 * a resource labelled `xjbt.gov.cn/backup: replica` (and with the system) in a corps DR center
 * whose city differs from the city of each center where the system primarily runs.
 * Counted: every deployed system with persistent data at levels 3+.
 */
import { CONVENTION_LABELS, countEvaluated, defineRule, fromLevel, judgedSystems, mlpsControls, type RawFinding } from '../sdk';
import { centerLabel, centerOf, remoteDrCenters } from './lib/centers';
import { backupKind, deployedSystemsAt, primaryCenters, primaryResources, systemFinding } from './lib/systems';

const LEVELS = fromLevel(3);

export const MLPS_013 = defineRule({
  id: 'MLPS-013',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '异地实时备份：数据须复制到另一城市的容灾中心', en: 'Off-site real-time backup: data replicated to a DR center in another city' },
  clause: 'GB/T 22239-2019 8.1.4.9 b',
  levels: LEVELS,
  controls: { 3: mlpsControls('8.1.4.9', 'b'), 4: mlpsControls('9.1.4.9', 'b') },
  remediation: {
    zh: `在与主中心不同城市的兵团级容灾中心栈中，为系统创建实时复制目标（如 PVC），标签 ${CONVENTION_LABELS.backup}: replica。`,
    en: `In the stack of a corps DR center in another city than the primary, add the system's real-time replication target (e.g. a PVC) labelled ${CONVENTION_LABELS.backup}: replica.`,
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const env = ctx.env;
    const out: RawFinding[] = [];
    const systems = deployedSystemsAt(ctx, LEVELS, true);
    countEvaluated(ctx, systems.length, judgedSystems(systems));
    for (const sys of systems) {
      const replicaCenters = ctx.resources
        .bySystem(sys)
        .filter((r) => backupKind(r) === 'replica')
        .map((r) => centerOf(env, r))
        .filter((c) => c?.role === 'corps-dr');
      for (const pc of primaryCenters(ctx, sys)) {
        if (replicaCenters.some((c) => c !== undefined && c.city !== pc.city)) continue;
        const candidates = remoteDrCenters(env, pc.city).map((c) => c.id).sort().join(', ') || '—';
        const anchor = primaryResources(ctx, sys).find((r) => centerOf(env, r)?.id === pc.id);
        const text = {
          zh: `系统 ${sys}（主中心 ${centerLabel(pc)}）没有复制到异地兵团级容灾中心的实时备份（${CONVENTION_LABELS.backup}: replica；可选中心：${candidates}）`,
          en: `System ${sys} (primary center ${centerLabel(pc)}) has no real-time replica (${CONVENTION_LABELS.backup}: replica) in a corps DR center in another city (candidates: ${candidates})`,
        };
        out.push(systemFinding(sys, anchor, text, pc.id));
      }
    }
    return out;
  },
});
