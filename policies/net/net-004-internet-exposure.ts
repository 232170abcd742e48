/**
 * NET-004: only the 互联网接入区 (zone `extranet-internet-access`) faces the Internet
 * (plan §三(七) 安全保障; DOMAIN.md Networks). Exposure = a Service of type LoadBalancer or
 * NodePort, an Ingress, or a NetworkPolicy ingress rule admitting ip_block 0.0.0.0/0 or ::/0.
 * A LoadBalancer Service a cloud's well-known annotation makes internal (sdk
 * internalLoadBalancerAnnotation; listed in docs/k8s-pack.md) gets a private address only: no exposure.
 * The zone is the resource's zone label, else its namespace's zone label (`default` when none is set).
 */
import { ALL_LEVELS, block, blocks, defineResourceRule, effectiveZone, internalLoadBalancerAnnotation, planClause, str, type LocalizedText, type RawFinding, type Resource } from '../sdk';

const INTERNET_ZONE = 'extranet-internet-access';
const ANYWHERE = new Set(['0.0.0.0/0', '::/0']);
const EXPOSING_SERVICE_TYPES = new Set(['LoadBalancer', 'NodePort']);

/** How a resource exposes itself to the Internet, or undefined. */
function exposure(r: Resource): LocalizedText | undefined {
  if (r.kind === 'service') {
    const type = str(block(r.attrs, 'spec'), 'type');
    if (type === 'LoadBalancer' && internalLoadBalancerAnnotation(r.metadata.annotations) !== undefined) return undefined;
    if (type !== undefined && EXPOSING_SERVICE_TYPES.has(type)) return { zh: `${type} 类型的 Service`, en: `a Service of type ${type}` };
    return undefined;
  }
  if (r.kind === 'ingress') return { zh: 'Ingress', en: 'an Ingress' };
  if (r.kind === 'network_policy') {
    for (const rule of blocks(block(r.attrs, 'spec'), 'ingress')) {
      for (const peer of blocks(rule, 'from')) {
        for (const ipBlock of blocks(peer, 'ip_block')) {
          const cidr = str(ipBlock, 'cidr');
          if (cidr !== undefined && ANYWHERE.has(cidr)) {
            return { zh: `允许来自 ${cidr} 入站的 NetworkPolicy`, en: `a NetworkPolicy admitting ingress from ${cidr}` };
          }
        }
      }
    }
  }
  return undefined;
}

export const NET_004 = defineResourceRule({
  id: 'NET-004',
  pack: 'net',
  severity: 'high',
  title: { zh: '仅互联网接入区面向互联网', en: 'Internet exposure only in the internet-access zone' },
  clause: planClause('二(二)', '三(七)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '把对互联网的发布移到互联网接入区（xjbt.gov.cn/zone: extranet-internet-access）的命名空间，经平台网关转发；其他区域的服务使用 ClusterIP，不放行 0.0.0.0/0。',
    en: 'Publish to the Internet only from a namespace in zone extranet-internet-access (through the platform gateway); elsewhere use ClusterIP services and do not admit 0.0.0.0/0.',
  },
  kinds: ['service', 'ingress', 'network_policy'],
  judge(r, ctx): RawFinding[] {
    const how = exposure(r);
    if (!how) return [];
    const zone = effectiveZone(ctx.resources, r);
    if (zone === INTERNET_ZONE) return [];
    const where = zone === undefined
      ? { zh: '没有区域标签（资源和命名空间都没有 xjbt.gov.cn/zone）', en: 'has no zone label (neither on it nor on its namespace)' }
      : { zh: `位于区域 ${zone}`, en: `is in zone ${zone}` };
    return [
      {
        resource: r,
        ...(r.system !== undefined ? { system: r.system } : {}),
        message: {
          zh: `${r.address}（栈 ${r.stack}）是${how.zh}，面向互联网，但${where.zh}；只有互联网接入区可以面向互联网。`,
          en: `${r.address} (stack ${r.stack}) is ${how.en}, exposed to the Internet, but ${where.en}; only the internet-access zone may face the Internet.`,
        },
      },
    ];
  },
});
