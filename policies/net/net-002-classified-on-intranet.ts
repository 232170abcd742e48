/**
 * NET-002: a classified (涉密) system lives only on 政务内网: its location and zone are the
 * intranet, no resource of it is in any 兵团云 stack, and no migration moves it to a cloud center
 * (plan §二(二), §二(三) 非涉密数据中心迁入兵团云; DOMAIN.md Networks).
 */
import { ALL_LEVELS, countEvaluated, defineRule, deployedResourceFindings, displayName, indexedSystems, moveFindings, planClause, type RawFinding } from '../sdk';

export const NET_002 = defineRule({
  id: 'NET-002',
  pack: 'net',
  severity: 'critical',
  title: { zh: '涉密系统只部署在政务内网', en: 'Classified systems only on the e-government intranet' },
  clause: planClause('二(二)', '二(三)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '涉密系统只能部署在政务内网（location.kind: intranet，zone: intranet），按分级保护管理；从兵团云配置和迁移计划中移除它。',
    en: 'Keep a classified system on the intranet only (location.kind intranet, zone intranet) under classified protection; remove it from every 兵团云 stack and from the migration plan.',
  },
  inputs: ['model', 'configuration'],
  check(ctx) {
    const findings: RawFinding[] = [];
    for (const { system, index } of indexedSystems(ctx.env)) {
      if (system.classified !== true) continue;
      // Judged: every classified system (placement, moves, deployed resources).
      countEvaluated(ctx, 1);
      const who = displayName(system.id, system.name);
      if (system.location.kind !== 'intranet') {
        findings.push({
          doc: 'inventory',
          path: `/systems/${index}/location/kind`,
          system: system.id,
          message: {
            zh: `涉密系统 ${who} 的位置是 ${system.location.kind}，只能在政务内网（intranet）。`,
            en: `Classified system ${system.id} is located in ${system.location.kind}; it may only be on the intranet.`,
          },
        });
      }
      if (system.zone !== undefined && system.zone !== 'intranet') {
        findings.push({
          doc: 'inventory',
          path: `/systems/${index}/zone`,
          system: system.id,
          message: {
            zh: `涉密系统 ${who} 的区域是 ${system.zone}，只能在政务内网区域 intranet。`,
            en: `Classified system ${system.id} is in zone ${system.zone}; it may only be in zone intranet.`,
          },
        });
      }
      findings.push(
        ...moveFindings(ctx.env, system.id, '/to', (move) => ({
          zh: `迁移计划将涉密系统 ${who} 迁入兵团云中心 ${move.to}；只有非涉密系统迁入兵团云。`,
          en: `The migration plan moves classified system ${system.id} to 兵团云 center ${move.to}; only non-classified systems move to the cloud.`,
        })),
        ...deployedResourceFindings(ctx, system.id, (r) => ({
          zh: `涉密系统 ${who} 的资源 ${r.address} 出现在兵团云栈 ${r.stack} 中；涉密系统不得部署在兵团云（政务外网）。`,
          en: `Resource ${r.address} of classified system ${system.id} is in 兵团云 stack ${r.stack}; classified systems never run on the extranet cloud.`,
        })),
      );
    }
    return findings;
  },
});
