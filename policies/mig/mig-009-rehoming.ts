import { ALL_LEVELS, centerById, countEvaluated, defineRule, migrationView, RESOURCE_KINDS, systemLabel, type RawFinding } from '../sdk';
import { CLAUSE_CENTERS } from './lib/clauses';

const RESOURCE = { cpu: { zh: 'CPU', en: 'CPU' }, memoryGiB: { zh: '内存', en: 'memory' }, storageGiB: { zh: '存储', en: 'storage' } } as const;

/**
 * Re-homing between 兵团云 centers (a division opening its center later takes its systems over
 * from the corps cloud) is a move like any other: its target is in service by the wave's deadline,
 * what it depends on is on the cloud by its wave, and the target keeps within capacity after it.
 * The loader already refuses a re-homing that does not start where the previous move ended.
 */
export const MIG_009 = defineRule({
  id: 'MIG-009',
  pack: 'mig',
  severity: 'medium',
  title: { zh: '兵团云中心之间的迁移（再迁移）与其他迁移同等规划', en: 'Re-homing between corps-cloud centers is planned like any move' },
  clause: CLAUSE_CENTERS,
  levels: ALL_LEVELS,
  remediation: {
    zh: '把再迁移放在目标中心投入使用（inServiceFrom）之后截止的批次，放在其依赖系统上云的同批或之后，并确保目标中心扣除预留后容量足够。',
    en: 'Put the re-homing in a wave ending after its target center is in service (inServiceFrom), no earlier than the waves of its dependencies, and make sure the target has the capacity left after headroom.',
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    const findings: RawFinding[] = [];
    for (const s of view.systems) {
      for (const m of s.moves) {
        if (!m.rehoming) continue;
        // Judged: every move between two cloud centers.
        countEvaluated(ctx, 1);
        const wave = view.waves[m.waveOrder];
        const target = centerById(ctx.env, m.to);
        const from = m.from.center ?? '?';
        const at = (path: string, zh: string, en: string): void => {
          findings.push({ doc: 'migration', path, system: s.id, center: m.to, message: { zh: `系统 ${systemLabel(s)} 从 ${from} 再迁移到 ${m.to}（批次 ${m.wave}）：${zh}`, en: `system ${systemLabel(s)} is re-homed from ${from} to ${m.to} (wave ${m.wave}): ${en}` } });
        };
        const inService = target?.inServiceFrom;
        if (inService !== undefined && inService > wave.deadline) {
          at(`${m.pointer}/to`, `目标中心 ${inService} 才投入使用，晚于批次期限 ${wave.deadline}`, `the target center is in service only from ${inService}, after the wave's deadline ${wave.deadline}`);
        }
        for (const d of m.laterDependencies ?? []) {
          const dep = view.systemById.get(d)!;
          at(m.pointer, `其依赖的 ${systemLabel(dep)} 在更晚的批次 ${dep.moves[0].wave} 才上云`, `its dependency ${systemLabel(dep)} reaches the corps cloud only later, in wave ${dep.moves[0].wave}`);
        }
        const usage = wave.capacity.find((c) => c.center === m.to);
        const over = usage === undefined ? [] : RESOURCE_KINDS.filter((k) => usage[k].over);
        if (over.length > 0) {
          at(m.pointer, `该批次后目标中心超出容量（扣除预留）：${over.map((k) => RESOURCE[k].zh).join('、')}`, `after the wave the target center is over its capacity less headroom: ${over.map((k) => RESOURCE[k].en).join(', ')}`);
        }
      }
    }
    return findings;
  },
});
