/**
 * MLPS-014 — 8.1.4.9 c 数据备份恢复: hot redundancy of important data processing systems
 * (热冗余). Evidence: a deployed level ≥ 3 system has a workload with role `dr` and dr-mode
 * `warm` or `active` in a corps DR center other than its primary centers.
 * Counted: every deployed system at levels 3+.
 */
import { CONVENTION_LABELS, countEvaluated, defineRule, fromLevel, judgedSystems, LABELS, mlpsControls, type RawFinding } from '../sdk';
import { corpsDrCenters } from './lib/centers';
import { deployedSystemsAt, drMode, hasDrWorkload, primaryCenters, systemAnchor, systemFinding } from './lib/systems';

const LEVELS = fromLevel(3);
const HOT_MODES = new Set(['warm', 'active']);

export const MLPS_014 = defineRule({
  id: 'MLPS-014',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '热冗余：容灾中心须有温备或双活实例', en: 'Hot redundancy: a warm or active instance in a DR center' },
  clause: 'GB/T 22239-2019 8.1.4.9 c',
  levels: LEVELS,
  controls: { 3: mlpsControls('8.1.4.9', 'c'), 4: mlpsControls('9.1.4.9', 'c') },
  remediation: {
    zh: `在兵团级容灾中心栈中部署系统的工作负载，标签 ${LABELS.role}: dr 与 ${CONVENTION_LABELS.drMode}: warm 或 active。`,
    en: `Deploy the system's workload in a corps DR center stack labelled ${LABELS.role}: dr and ${CONVENTION_LABELS.drMode}: warm or active.`,
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const env = ctx.env;
    const out: RawFinding[] = [];
    const systems = deployedSystemsAt(ctx, LEVELS);
    countEvaluated(ctx, systems.length, judgedSystems(systems));
    for (const sys of systems) {
      const primaries = new Set(primaryCenters(ctx, sys).map((c) => c.id));
      const hot = hasDrWorkload(ctx, sys, (c, w) => c.role === 'corps-dr' && !primaries.has(c.id) && HOT_MODES.has(drMode(w) ?? ''));
      if (hot) continue;
      const candidates = corpsDrCenters(env).filter((c) => !primaries.has(c.id)).map((c) => c.id).sort().join(', ') || '—';
      const text = {
        zh: `系统 ${sys} 在兵团级容灾中心没有温备或双活实例（${LABELS.role}: dr，${CONVENTION_LABELS.drMode}: warm|active；可选容灾中心：${candidates}）`,
        en: `System ${sys} has no warm or active instance (${LABELS.role}: dr, ${CONVENTION_LABELS.drMode}: warm|active) in a corps DR center (candidates: ${candidates})`,
      };
      out.push(systemFinding(sys, systemAnchor(ctx, sys), text));
    }
    return out;
  },
});
