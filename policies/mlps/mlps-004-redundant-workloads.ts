/**
 * MLPS-004 — 8.1.2.1 e 网络架构: redundancy of key computing resources (硬件冗余) to keep the
 * system available. Evidence: primary workloads run ≥ 2 replicas, spread over nodes by hostname,
 * with a PodDisruptionBudget selecting their pods.
 * Judged: every Deployment and StatefulSet at levels 3+ (a DR instance needs nothing here).
 */
import { defineResourceRule, fromLevel, mlpsControls } from '../sdk';
import { WORKLOAD_KINDS } from './lib/systems';
import { where } from './lib/text';
import { HOSTNAME_KEY, matchingDisruptionBudgets, replicas, spreadsAcrossNodes } from './lib/workloads';

export const MLPS_004 = defineResourceRule({
  id: 'MLPS-004',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '工作负载须多副本、跨节点分布并配置中断预算', en: 'Workloads run ≥ 2 replicas, spread across nodes, with a PodDisruptionBudget' },
  clause: 'GB/T 22239-2019 8.1.2.1 e',
  levels: fromLevel(3),
  controls: { 3: mlpsControls('8.1.2.1', 'e'), 4: mlpsControls('9.1.2.1', 'e') },
  remediation: {
    zh: `将 replicas 设为至少 2，增加 topology_key 为 ${HOSTNAME_KEY} 的 topology_spread_constraint（或 Pod 反亲和），并创建选择这些 Pod 的 PodDisruptionBudget。`,
    en: `Set replicas to at least 2, add a topology_spread_constraint (or pod anti-affinity) on ${HOSTNAME_KEY}, and add a PodDisruptionBudget selecting the pods.`,
  },
  inputs: ['configuration'],
  kinds: WORKLOAD_KINDS,
  judge(w, ctx) {
    // DR instances (role dr) may run as a single warm standby; MLPS-014 judges them.
    if (w.role === 'dr') return [];
    const zh: string[] = [];
    const en: string[] = [];
    const n = replicas(w);
    if (typeof n !== 'number') {
      zh.push(`副本数为表达式 ${n.expression}，无法验证`);
      en.push(`replicas is the expression ${n.expression} and cannot be verified`);
    } else if (n < 2) {
      zh.push(`副本数为 ${n}`);
      en.push(`${n} replica${n === 1 ? '' : 's'}`);
    }
    if (!spreadsAcrossNodes(w)) {
      zh.push('未跨节点分布');
      en.push('not spread across nodes');
    }
    if (matchingDisruptionBudgets(ctx.resources, w).length === 0) {
      zh.push('无匹配的 PodDisruptionBudget');
      en.push('no matching PodDisruptionBudget');
    }
    if (zh.length === 0) return [];
    return [{
      resource: w,
      message: {
        zh: `工作负载 ${where(w)} 缺少冗余：${zh.join('；')}`,
        en: `Workload ${where(w)} lacks redundancy: ${en.join('; ')}`,
      },
    }];
  },
});
