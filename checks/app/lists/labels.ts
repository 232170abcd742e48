/** Bilingual labels of the lists' values (Chinese first, then English). */
import type { CleanupFacts } from '../../plan/scorecard/facts';
import type { ConnectionStatus } from './build';

export const CONSEQUENCE: Readonly<Record<CleanupFacts['consequence'], string>> = {
  retire: '取消运维经费，不得部署 O&M funding cancelled; nothing may be deployed',
  replace: '限期替代后取消运维经费 replaced by the unified platform by the deadline, then O&M funding cancelled',
  keep: '重新核准运维经费，迁入兵团云并接入大协同、大数据 O&M funding re-approved; moved onto 兵团云 and connected to 大协同/大数据',
  'keep-classified': '重新核准运维经费，留在政务内网（分级保护） O&M funding re-approved; stays on 政务内网 under 分级保护 (classified)',
  unclassified: '未分类 not classified',
};

export const CONNECTION_STATUS: Readonly<Record<ConnectionStatus, string>> = {
  connected: '已接入 connected',
  planned: '计划接入 planned',
  missing: '未接入 not connected',
};
