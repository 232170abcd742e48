/**
 * NET-003: 政务内网 is physically isolated — no link between the intranet and the extranet or the
 * Internet unless it is a `gap` (网闸, physical isolation) (plan §二(二); DOMAIN.md Networks).
 * A `private:<id>` endpoint counts as the network it was merged into.
 */
import { ALL_LEVELS, countEvaluated, defineRule, planClause, type Networks, type RawFinding } from '../sdk';

/** The network an endpoint belongs to: intranet, extranet, internet, or undefined (unknown/unmerged). */
function networkOf(endpoint: string, networks: Networks): string | undefined {
  if (endpoint === 'intranet' || endpoint === 'extranet' || endpoint === 'internet') return endpoint;
  if (!endpoint.startsWith('private:')) return undefined;
  const net = networks.privateNetworks.find((p) => p.id === endpoint.slice('private:'.length));
  return net?.status === 'merged' ? net.mergedInto : undefined;
}

export const NET_003 = defineRule({
  id: 'NET-003',
  pack: 'net',
  severity: 'critical',
  title: { zh: '政务内网与政务外网、互联网物理隔离', en: 'No link from the intranet to the extranet or the Internet' },
  clause: planClause('二(二)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '拆除政务内网与政务外网或互联网之间的连接；确需交换数据时只能经物理隔离（网闸，kind: gap）。',
    en: 'Remove the link between the intranet and the extranet or the Internet; where data must cross, use a physical gap (kind gap).',
  },
  inputs: ['model'],
  check(ctx) {
    const networks = ctx.env.networks;
    const findings: RawFinding[] = [];
    // Judged: every declared link.
    countEvaluated(ctx, networks.links.length);
    networks.links.forEach((link, index) => {
      if (link.kind === 'gap') return;
      const ends = [networkOf(link.from, networks), networkOf(link.to, networks)];
      if (!ends.includes('intranet')) return;
      const other = ends[0] === 'intranet' ? ends[1] : ends[0];
      if (other !== 'extranet' && other !== 'internet') return;
      findings.push({
        doc: 'networks',
        path: `/links/${index}/kind`,
        message: {
          zh: `链路 ${link.id}（${link.from} → ${link.to}，类型 ${link.kind}）连接了政务内网与${other === 'internet' ? '互联网' : '政务外网'}；政务内网须物理隔离。`,
          en: `Link ${link.id} (${link.from} → ${link.to}, kind ${link.kind}) connects the intranet with the ${other}; the intranet must be physically isolated.`,
        },
      });
    });
    return findings;
  },
});
