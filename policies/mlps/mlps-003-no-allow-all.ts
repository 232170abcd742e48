/**
 * MLPS-003 — 8.1.3.2 b,c 访问控制: minimal, fine-grained access rules (no redundant or over-broad
 * rules; control by source/destination address and port). Evidence: NetworkPolicy rules without
 * peers, peers without any selector or ip block, and ip blocks of the whole address space outside
 * the Internet access zone (互联网接入区).
 * Judged: every NetworkPolicy at levels 2+.
 */
import { defineResourceRule, fromLevel, mlpsControls } from '../sdk';
import { zoneOf } from './lib/namespaces';
import { anyAddressCidr, directionRules, isEmptyPeer, peers, type Direction } from './lib/network-policies';
import { where } from './lib/text';

const INTERNET_ACCESS_ZONE = 'extranet-internet-access';

interface Problem {
  zh: string;
  en: string;
}

/** `internetZone`: asked only for a peer of the whole address space (most policies have none: no zone lookup). */
function problemsOf(direction: Direction, rulesOf: ReturnType<typeof directionRules>, internetZone: () => boolean): Problem[] {
  const out: Problem[] = [];
  const block = direction === 'Ingress' ? 'ingress' : 'egress';
  const peerBlock = direction === 'Ingress' ? 'from' : 'to';
  rulesOf.forEach((rule, i) => {
    const ps = peers(rule, direction);
    if (ps.length === 0) {
      out.push({ zh: `${block}[${i}] 未限定来源/目标（对所有地址放行）`, en: `${block}[${i}] has no ${peerBlock} peer (admits every address)` });
      return;
    }
    ps.forEach((peer, j) => {
      const at = `${block}[${i}].${peerBlock}[${j}]`;
      if (isEmptyPeer(peer)) out.push({ zh: `${at} 为空（无选择器、无 ip_block）`, en: `${at} is empty (no selector, no ip_block)` });
      const cidr = anyAddressCidr(peer);
      if (cidr !== undefined && !internetZone()) {
        out.push({ zh: `${at} 的 ip_block 为 ${cidr}（仅互联网接入区可用）`, en: `${at} has ip_block ${cidr} (allowed only in the internet-access zone)` });
      }
    });
  });
  return out;
}

export const MLPS_003 = defineResourceRule({
  id: 'MLPS-003',
  pack: 'mlps',
  severity: 'medium',
  title: { zh: '网络策略不得放行全部流量', en: 'No allow-all NetworkPolicy rule' },
  clause: 'GB/T 22239-2019 8.1.3.2 b,c',
  levels: fromLevel(2),
  controls: { 2: mlpsControls('7.1.3.2', 'b', 'c'), 3: mlpsControls('8.1.3.2', 'b', 'c'), 4: mlpsControls('9.1.3.2', 'b', 'c') },
  remediation: {
    zh: '每条 ingress/egress 规则都应列出具体的 pod_selector、namespace_selector 或 ip_block；0.0.0.0/0 只允许出现在互联网接入区。',
    en: 'Give every ingress/egress rule specific pod_selector, namespace_selector or ip_block peers; 0.0.0.0/0 only in the internet-access zone.',
  },
  inputs: ['configuration'],
  kinds: ['network_policy'],
  judge(np, ctx) {
    let inInternetZone: boolean | undefined;
    const internetZone = (): boolean => (inInternetZone ??= zoneOf(ctx, np) === INTERNET_ACCESS_ZONE);
    const problems = (['Ingress', 'Egress'] as const).flatMap((d) => problemsOf(d, directionRules(np, d), internetZone));
    if (problems.length === 0) return [];
    return [{
      resource: np,
      message: {
        zh: `网络策略 ${where(np)} 含放行全部流量的规则：${problems.map((p) => p.zh).join('；')}`,
        en: `NetworkPolicy ${where(np)} has allow-all rules: ${problems.map((p) => p.en).join('; ')}`,
      },
    }];
  },
});
