/**
 * INV-001: the filing (备案) is complete — the fields of plan §二(一) (名称、功能、使用范围、
 * 使用频度、审批部门、审批时间、经费来源) and §三(六) (建设单位、运维费用、经费渠道、数据资源).
 * One finding per system listing every missing field. An explicit empty data-resource list
 * counts as filed (the system holds none); an absent one does not.
 */
import { ALL_LEVELS, countEvaluated, defineRule, indexedSystems, isFilled, isIsoDate, planClause, type InfoSystem, type RawFinding } from '../sdk';

interface FilingField {
  zh: string;
  en: string;
  filled(s: InfoSystem): boolean;
}

const FILING_FIELDS: readonly FilingField[] = [
  { zh: '名称', en: 'name', filled: (s) => isFilled(s.name) },
  { zh: '功能', en: 'function', filled: (s) => isFilled(s.function) },
  { zh: '使用范围', en: 'usage scope', filled: (s) => s.scope !== undefined && isFilled(s.scope.level) },
  { zh: '使用频度', en: 'usage frequency', filled: (s) => isFilled(s.usageFrequency) },
  { zh: '审批部门', en: 'approving department', filled: (s) => isFilled(s.approval?.department) },
  { zh: '审批时间', en: 'approval date', filled: (s) => isIsoDate(s.approval?.date) },
  { zh: '经费来源', en: 'funding source', filled: (s) => isFilled(s.funding?.source) },
  { zh: '建设单位', en: 'builder', filled: (s) => isFilled(s.builder) },
  { zh: '运维费用', en: 'O&M cost', filled: (s) => typeof s.funding?.omCost === 'number' },
  { zh: '经费渠道', en: 'funding channel', filled: (s) => isFilled(s.funding?.channel) },
  { zh: '数据资源', en: 'data resources', filled: (s) => Array.isArray(s.dataResources) },
];

export const INV_001 = defineRule({
  id: 'INV-001',
  pack: 'inv',
  severity: 'high',
  title: { zh: '政务信息系统备案信息完整', en: 'Filing complete' },
  clause: planClause('二(一)', '三(六)'),
  levels: ALL_LEVELS,
  remediation: {
    zh: '在 inventory.yaml 中补全该系统的备案信息：名称、功能、使用范围、使用频度、审批部门、审批时间、经费来源、建设单位、运维费用、经费渠道、数据资源。',
    en: 'Complete the filing of the system in inventory.yaml: name, function, usage scope, usage frequency, approving department, approval date, funding source, builder, O&M cost, funding channel, data resources.',
  },
  inputs: ['model'],
  check(ctx) {
    const findings: RawFinding[] = [];
    // Judged: the filing of every system.
    countEvaluated(ctx, ctx.env.inventory.systems.length);
    for (const { system, index } of indexedSystems(ctx.env)) {
      const missing = FILING_FIELDS.filter((f) => !f.filled(system));
      if (missing.length === 0) continue;
      findings.push({
        doc: 'inventory',
        path: `/systems/${index}`,
        system: system.id,
        message: {
          zh: `系统 ${system.id} 的备案缺少 ${missing.length} 项：${missing.map((f) => `${f.zh} (${f.en})`).join('、')}。`,
          en: `The filing of system ${system.id} lacks ${missing.length} field(s): ${missing.map((f) => `${f.en} (${f.zh})`).join(', ')}.`,
        },
      });
    }
    return findings;
  },
});
