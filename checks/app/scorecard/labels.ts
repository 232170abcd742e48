/** Bilingual labels of the scorecard's columns, tasks and statuses. */
import type { ScorecardBy, TaskId, TaskStatus } from '../../plan/scorecard/scorecard';

export const TASK_LABEL: Readonly<Record<TaskId, string>> = {
  privateNetworkMerge: '部门专网整合 private networks merged',
  cloudRunning: '兵团云投入运行 cloud running',
  centerMoves: '迁入兵团云 center moves',
  divisionConsolidation: '师市整合 division consolidation',
  platformConnection: '接入大协同/大数据 platform connection',
};

export const STATUS_LABEL: Readonly<Record<TaskStatus, string>> = {
  done: '完成 done',
  late: '逾期 late',
  open: '进行中 open',
  none: '—',
};

export const UNIT_LABEL: Readonly<Record<ScorecardBy, string>> = {
  department: '部门 department',
  division: '师市 division',
};

export const METRIC_LABEL = {
  systems: '系统数 systems',
  integrated: '整合数 integrated',
  shared: '共享信息数 shared resources',
  collaborative: '协同应用数 on 大协同',
  connectionRate: '系统联通率 connection rate',
} as const;
