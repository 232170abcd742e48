/**
 * NET-005: traffic between zones is admitted only for the zone pairs the environment allows
 * (networks.flows; default when none are listed: internet-access → platform only)
 * (plan §二(二) 政务外网分区, §三(七) 安全保障).
 *
 * Judged from NetworkPolicies: the policy's namespace is zone B (its namespace's zone label, else
 * the policy's own). An ingress peer in zone A admits the flow A → B; an egress peer in zone A
 * opens B → A. A flow is named by the side that opens the connection. A peer's zone comes from
 * its namespace_selector (`xjbt.gov.cn/zone` in match_labels / an `In` expression, else the zone
 * labels of the namespaces in the same stack that it selects); a pod_selector alone stays in B;
 * an empty selector or a rule without peers admits every zone. ip_block peers are NET-004/MLPS-003.
 */
import { ALL_LEVELS, block, blocks, countEvaluated, defineRule, LABELS, matchLabels, mayBeUnrestricted, num, planClause, selectorMayMatch, str, ZONE_IDS, type Obj, type RawFinding, type Resource, type ResourceIndex, type ZoneFlow } from '../sdk';

const DEFAULT_FLOWS: readonly ZoneFlow[] = [{ from: 'extranet-internet-access', to: 'platform' }];

/**
 * Flows the plan forbids whatever the environment declares: the internet-access zone reaches the
 * inside only through the platform gateway, and 政务内网 exchanges nothing with 政务外网 zones.
 */
function forbiddenFlow(flow: ZoneFlow): { zh: string; en: string } | undefined {
  if (flow.from === 'intranet' || flow.to === 'intranet') {
    return { zh: '政务内网与政务外网物理隔离，不得登记任何流向', en: '政务内网 (intranet) is physically isolated from the extranet; no flow may be declared' };
  }
  if (flow.from === 'extranet-internet-access' && flow.to !== 'platform') {
    return { zh: '互联网接入区只能经平台网关访问内部区域', en: 'the internet-access zone may reach the inside only through the platform gateway' };
  }
  return undefined;
}

/** The model half: declared flows that break the plan's fixed prohibitions. */
function declaredFlowFindings(flows: readonly ZoneFlow[]): RawFinding[] {
  const out: RawFinding[] = [];
  flows.forEach((flow, i) => {
    const why = forbiddenFlow(flow);
    if (!why) return;
    out.push({
      doc: 'networks',
      path: `/flows/${i}`,
      message: {
        zh: `networks.yaml 登记了流向 ${flow.from} → ${flow.to}：${why.zh}。`,
        en: `networks.yaml declares the flow ${flow.from} → ${flow.to}: ${why.en}.`,
      },
    });
  });
  return out;
}

/** Zones selected by a namespace selector. */
function namespaceSelectorZones(index: ResourceIndex, stack: string, selector: Obj): string[] {
  // Traffic must be ruled out: a selector that may select everything reaches every zone.
  if (mayBeUnrestricted(selector)) return [...ZONE_IDS];
  // Its labels read once below (32,265 policies at 2,000 systems).
  const labels = matchLabels(selector);
  const labelled = labels[LABELS.zone];
  if (labelled !== undefined) return [labelled];
  const fromExpr = blocks(selector, 'match_expressions').find((e) => e.key === LABELS.zone && e.operator === 'In');
  if (fromExpr && Array.isArray(fromExpr.values)) return fromExpr.values.filter((v): v is string => typeof v === 'string');
  const zones = new Set<string>();
  // A namespace it selects carries every match label: look up the namespaces of this stack with
  // the first one (an index lookup) instead of scanning namespaces for every peer (quadratic at scale).
  const [first] = Object.entries(labels);
  const candidates = first ? index.namespacesWithLabel(stack, first[0], first[1]) : index.byKind('namespace');
  for (const ns of candidates) {
    if (ns.kind === 'namespace' && ns.stack === stack && ns.zone !== undefined && selectorMayMatch(selector, ns.metadata.labels)) zones.add(ns.zone);
  }
  return [...zones].sort();
}

/** Zones a peer (`from` / `to` block) stands for. */
function peerZones(index: ResourceIndex, stack: string, ownZone: string, peer: Obj): string[] {
  const nsSel = block(peer, 'namespace_selector');
  if (nsSel) return namespaceSelectorZones(index, stack, nsSel);
  if (block(peer, 'pod_selector')) return [ownZone];
  if (block(peer, 'ip_block')) return [];
  return [...ZONE_IDS]; // an empty peer selects everything
}

/** Ports a rule admits: numbers, `'any'` when it lists none, or names that cannot be judged. */
function rulePorts(rule: Obj): number[] | 'any' | { unknown: string } {
  const ports = blocks(rule, 'ports');
  if (ports.length === 0) return 'any';
  const out: number[] = [];
  for (const p of ports) {
    const n = num(p, 'port');
    if (n === undefined) return { unknown: str(p, 'port') ?? '?' };
    out.push(n);
  }
  return out;
}

/** Why a cross-zone rule is not allowed, or undefined when a flow admits it. */
function refusal(flows: readonly ZoneFlow[], from: string, to: string, rule: Obj): { zh: string; en: string } | undefined {
  const flow = flows.find((f) => f.from === from && f.to === to);
  if (!flow) return { zh: `networks.flows 中没有 ${from} → ${to} 的流向`, en: `networks.flows has no ${from} → ${to} flow` };
  if (!flow.ports || flow.ports.length === 0) return undefined;
  const ports = rulePorts(rule);
  const allowed = flow.ports.join(', ');
  if (ports === 'any') return { zh: `规则放行所有端口，而 ${from} → ${to} 只允许端口 ${allowed}`, en: `the rule admits every port but ${from} → ${to} allows only ports ${allowed}` };
  if (!Array.isArray(ports)) return { zh: `命名端口 ${ports.unknown} 无法核对，${from} → ${to} 只允许端口 ${allowed}`, en: `named port ${ports.unknown} cannot be checked; ${from} → ${to} allows only ports ${allowed}` };
  const extra = ports.filter((p) => !flow.ports?.includes(p));
  if (extra.length === 0) return undefined;
  return { zh: `端口 ${extra.join(', ')} 不在 ${from} → ${to} 允许的端口 ${allowed} 中`, en: `ports ${extra.join(', ')} are not among the ports ${allowed} allowed for ${from} → ${to}` };
}

function policyZone(index: ResourceIndex, r: Resource): string | undefined {
  const ns = r.metadata.namespace;
  return (ns !== undefined ? index.namespace(r.stack, ns)?.zone : undefined) ?? r.zone;
}

const DIRECTIONS = [
  { key: 'ingress', peerKey: 'from', zh: '入站', en: 'ingress' },
  { key: 'egress', peerKey: 'to', zh: '出站', en: 'egress' },
] as const;

export const NET_005 = defineRule({
  id: 'NET-005',
  pack: 'net',
  severity: 'high',
  title: { zh: '区域间流量仅限允许的流向', en: 'Traffic between zones only for allowed zone pairs' },
  clause: planClause('二(二)', '三(七)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '删除放行未允许区域流向的 NetworkPolicy 规则，或（经安全评审后）在 networks.yaml 的 flows 中登记该流向及端口；互联网接入区只能经平台网关访问内部系统。',
    en: 'Remove the NetworkPolicy rule admitting the cross-zone traffic, or (after security review) declare the flow and its ports in networks.yaml flows; the internet-access zone reaches systems only through the platform gateway.',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    // Judged: every declared flow, then every NetworkPolicy of a zone.
    countEvaluated(ctx, ctx.env.networks.flows.length);
    const findings: RawFinding[] = declaredFlowFindings(ctx.env.networks.flows);
    if (!ctx.hasConfiguration) return findings;
    // A forbidden declared flow admits nothing: it is reported above and not honoured below.
    const declared = ctx.env.networks.flows.filter((f) => forbiddenFlow(f) === undefined);
    const flows = ctx.env.networks.flows.length > 0 ? declared : DEFAULT_FLOWS;
    for (const r of ctx.resources.byKind('network_policy')) {
      const own = policyZone(ctx.resources, r);
      if (own === undefined) continue; // an unlabelled namespace is MLPS-001's finding
      countEvaluated(ctx, 1);
      const spec = block(r.attrs, 'spec');
      for (const d of DIRECTIONS) {
        const seen = new Set<string>();
        for (const rule of blocks(spec, d.key)) {
          const peers = blocks(rule, d.peerKey);
          const zones: string[] = peers.length === 0 ? [...ZONE_IDS] : peers.flatMap((p): string[] => peerZones(ctx.resources, r.stack, own, p));
          // Most rules name one zone: no set and no sort for them.
          for (const other of zones.length === 1 ? zones : [...new Set(zones)].sort()) {
            if (other === own || seen.has(other)) continue;
            const [from, to] = d.key === 'ingress' ? [other, own] : [own, other];
            const why = refusal(flows, from, to, rule);
            if (!why) continue;
            seen.add(other);
            findings.push({
              resource: r,
              ...(r.system !== undefined ? { system: r.system } : {}),
              message: {
                zh: `${r.address}（栈 ${r.stack}，命名空间 ${r.metadata.namespace ?? '—'}，区域 ${own}）的${d.zh}规则放行 ${from} → ${to} 的流量：${why.zh}。`,
                en: `${r.address} (stack ${r.stack}, namespace ${r.metadata.namespace ?? '—'}, zone ${own}) has an ${d.en} rule admitting ${from} → ${to} traffic: ${why.en}.`,
              },
            });
          }
        }
      }
    }
    return findings;
  },
});
