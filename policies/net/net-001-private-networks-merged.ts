/**
 * NET-001: department private networks (部门自建专网) are merged into 政务内网/外网 by the deadline,
 * unless approved by the counterpart central ministry or the corps e-government leading group
 * (plan §二(二)). Dates: merge on or before policy.deadlines.privateNetworkMerge; an active
 * network is only a finding once asOf is past that deadline.
 */
import { ALL_LEVELS, countEvaluated, defineRule, isFilled, isIsoDate, planClause, type LocalizedText, type PrivateNetwork, type RawFinding } from '../sdk';

const AUTHORITIES = ['central-ministry', 'leading-group'];

/** What is wrong with a private network record, if anything. */
function problem(net: PrivateNetwork, deadline: string, asOf: string): { field: string; text: LocalizedText } | undefined {
  if (net.status === 'merged') {
    if (net.mergedInto !== 'intranet' && net.mergedInto !== 'extranet') {
      return { field: 'mergedInto', text: { zh: '标记为已整合，但未说明整合进政务内网还是外网（mergedInto）', en: 'is marked merged but does not say into which network (mergedInto: intranet|extranet)' } };
    }
    if (!isIsoDate(net.mergedOn)) {
      return { field: 'mergedOn', text: { zh: '标记为已整合，但缺少整合日期 mergedOn', en: 'is marked merged but has no merge date (mergedOn)' } };
    }
    if (net.mergedOn > deadline) {
      return { field: 'mergedOn', text: { zh: `整合日期 ${net.mergedOn} 晚于期限 ${deadline}`, en: `was merged on ${net.mergedOn}, after the deadline ${deadline}` } };
    }
    return undefined;
  }
  if (net.status === 'exempt') {
    const ex = net.exemption;
    if (ex === undefined) {
      return { field: 'status', text: { zh: '标记为豁免，但没有批准记录（exemption）', en: 'is marked exempt but has no exemption record' } };
    }
    const missing: string[] = [];
    if (ex.approvedBy === undefined || !AUTHORITIES.includes(ex.approvedBy)) missing.push('approvedBy (central-ministry|leading-group)');
    if (!isFilled(ex.authority)) missing.push('authority');
    if (!isFilled(ex.reference)) missing.push('reference');
    if (!isIsoDate(ex.date)) missing.push('date');
    if (missing.length > 0) {
      return { field: 'exemption', text: { zh: `豁免批准记录不完整，缺少：${missing.join('、')}`, en: `has an incomplete exemption, missing: ${missing.join(', ')}` } };
    }
    if (ex.expires !== undefined && ex.expires < asOf && asOf > deadline) {
      return { field: 'exemption/expires', text: { zh: `豁免已于 ${ex.expires} 到期，仍未整合`, en: `has an exemption that expired on ${ex.expires} and is still not merged` } };
    }
    return undefined;
  }
  // Active: still pending, which the plan tolerates until the deadline.
  if (asOf > deadline) {
    return { field: 'status', text: { zh: `截至 ${asOf} 仍在独立运行，已超过整合期限 ${deadline}`, en: `is still active as of ${asOf}, past the merge deadline ${deadline}` } };
  }
  return undefined;
}

export const NET_001 = defineRule({
  id: 'NET-001',
  pack: 'net',
  severity: 'high',
  title: { zh: '部门专网整合进政务内网或外网', en: 'Department private networks merged into the intranet or extranet, or exempted' },
  clause: planClause('二(二)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '将专网整合进政务内网或外网（status: merged，写明 mergedInto 和 mergedOn），或取得上级对口中央部委或兵团电子政务工作领导小组的批准（status: exempt，写明 approvedBy、authority、reference、date）。',
    en: 'Merge the network (status merged with mergedInto and mergedOn), or record the approval of the counterpart central ministry or the corps e-government leading group (status exempt with approvedBy, authority, reference, date).',
  },
  inputs: ['model'],
  check(ctx) {
    const deadline = ctx.env.policy.deadlines.privateNetworkMerge;
    const findings: RawFinding[] = [];
    // Judged: every department private network.
    countEvaluated(ctx, ctx.env.networks.privateNetworks.length);
    ctx.env.networks.privateNetworks.forEach((net, index) => {
      const p = problem(net, deadline, ctx.asOf);
      if (!p) return;
      findings.push({
        doc: 'networks',
        path: `/privateNetworks/${index}/${p.field}`,
        message: {
          zh: `部门专网 ${net.name}（${net.id}，${net.department}）${p.text.zh}。`,
          en: `Private network ${net.id} (${net.department}) ${p.text.en}.`,
        },
      });
    });
    return findings;
  },
});
