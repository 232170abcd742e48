import { ALL_LEVELS, countEvaluated, defineRule, migrationView, RESOURCE_KINDS, systemLabel, type RawFinding, type ResourceKind } from '../sdk';
import { CLAUSE_CENTERS } from './lib/clauses';

const UNIT: Readonly<Record<ResourceKind, { zh: string; zhUnit: string; en: string }>> = {
  cpu: { zh: 'CPU', zhUnit: '核', en: 'CPU cores' },
  memoryGiB: { zh: '内存', zhUnit: 'GiB', en: 'GiB memory' },
  storageGiB: { zh: '存储', zhUnit: 'GiB', en: 'GiB storage' },
};

/** Committed capacity of each center, after each wave, within capacity less headroom. */
export const MIG_004 = defineRule({
  id: 'MIG-004',
  pack: 'mig',
  severity: 'high',
  title: { zh: '每批迁移后各中心资源不超容量（扣除预留）', en: "After each wave, each center's committed CPU, memory and storage stay within capacity less headroom" },
  clause: CLAUSE_CENTERS,
  levels: ALL_LEVELS,
  remediation: {
    zh: '扩容该中心（topology.yaml capacity）、把部分系统改迁到其他中心或推迟到扩容之后的批次，或核减副本数/资源请求。',
    en: 'Grow the center (capacity in topology.yaml), send some systems to another center or to a wave after the growth, or reduce replicas/requests.',
  },
  inputs: ['model'],
  check(ctx) {
    const view = migrationView(ctx.env, ctx.asOf);
    const headroom = `${Number((view.headroom * 100).toFixed(2))}%`;
    const findings: RawFinding[] = [];
    for (const wave of view.waves) {
      // Judged: every center after every wave.
      countEvaluated(ctx, wave.capacity.length);
      for (const usage of wave.capacity) {
        for (const kind of RESOURCE_KINDS) {
          const a = usage[kind];
          if (!a.over) continue;
          findings.push({
            doc: 'migration',
            path: wave.pointer,
            center: usage.center,
            message: {
              zh: `批次 ${wave.id} 之后，中心 ${usage.name}（${usage.center}）已承诺${UNIT[kind].zh} ${a.committed} ${UNIT[kind].zhUnit}，容量 ${a.capacity}，扣除 ${headroom} 预留后上限 ${a.limit}（超出 ${-a.left}，占容量 ${a.percent}%）`,
              en: `after wave ${wave.id}, center ${usage.center} commits ${a.committed} ${UNIT[kind].en} of ${a.capacity}; the limit with ${headroom} headroom is ${a.limit} (over by ${-a.left}, ${a.percent}% of capacity)`,
            },
          });
        }
      }
    }
    // A request that cannot be read is counted as 0: say so rather than pass silently.
    for (const s of view.systems) {
      if (s.unreadable === undefined || (s.moves.length === 0 && s.disposition !== 'on-cloud')) continue;
      findings.push({
        doc: 'inventory',
        path: `${s.pointer}/workload/resources/requests`,
        system: s.id,
        message: {
          zh: `系统 ${systemLabel(s)} 的资源请求无法读取（${s.unreadable}），容量未计入`,
          en: `system ${systemLabel(s)}: cannot read ${s.unreadable}; its capacity is not counted`,
        },
      });
    }
    return findings;
  },
});
