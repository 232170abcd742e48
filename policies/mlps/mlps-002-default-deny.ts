/**
 * MLPS-002 — 8.1.3.2 a 访问控制: deny all traffic across area boundaries except what is allowed
 * (默认拒绝). Evidence: per system namespace, NetworkPolicies selecting every pod with policy types
 * Ingress and Egress and no rules (one policy for both, or two).
 * Judged: every namespace at levels 3+ (one that is not a system namespace needs nothing).
 */
import { defineResourceRule, fromLevel, mlpsControls } from '../sdk';
import { isSystemNamespace, namespaceOf } from './lib/namespaces';
import { deniesAll, type Direction } from './lib/network-policies';
import { where } from './lib/text';

const DIRECTIONS: readonly Direction[] = ['Ingress', 'Egress'];
const DIRECTION_ZH: Record<Direction, string> = { Ingress: '入站', Egress: '出站' };

export const MLPS_002 = defineResourceRule({
  id: 'MLPS-002',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '系统命名空间须默认拒绝入站与出站流量', en: 'Every system namespace has default-deny NetworkPolicies for ingress and egress' },
  clause: 'GB/T 22239-2019 8.1.3.2 a',
  levels: fromLevel(3),
  controls: { 3: mlpsControls('8.1.3.2', 'a'), 4: mlpsControls('9.1.3.2', 'a') },
  remediation: {
    zh: '在命名空间中创建 NetworkPolicy：pod_selector 为空，policy_types 含 Ingress 和 Egress，且不含任何 ingress/egress 规则；再按需单独放行。',
    en: 'Add a NetworkPolicy in the namespace with an empty pod_selector, policy_types Ingress and Egress and no ingress/egress rules; then allow what is needed in separate policies.',
  },
  inputs: ['configuration'],
  kinds: ['namespace'],
  judge(ns, ctx) {
    if (!isSystemNamespace(ns)) return [];
    const name = namespaceOf(ns);
    const policies = ctx.resources.inNamespace(ns.stack, name).filter((r) => r.kind === 'network_policy');
    const missing = DIRECTIONS.filter((d) => !policies.some((np) => deniesAll(np, d)));
    if (missing.length === 0) return [];
    return [{
      resource: ns,
      message: {
        zh: `系统命名空间 ${name}（${where(ns)}）缺少默认拒绝的${missing.map((d) => DIRECTION_ZH[d]).join('、')}网络策略`,
        en: `System namespace ${name} (${where(ns)}) has no default-deny NetworkPolicy for ${missing.join(' and ')}`,
      },
    }];
  },
});
