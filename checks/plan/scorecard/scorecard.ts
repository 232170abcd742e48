/**
 * The plan's evaluation (§三(三)): per division or department, 整合数 (systems integrated),
 * 共享信息数 (data resources shared), 协同应用数 (applications on 大协同), 系统联通率 (share of the
 * systems that must connect which are connected to 大协同 and 大数据) and 重点任务进展 (each dated
 * task of the plan the model can judge: done, late or open). Definitions: docs/scorecard.md.
 * Pure: the same environment and date give the same scorecard.
 */
import type { Environment, InfoSystem, IsoDate, PlanDeadlines } from '../../core/types';
import { compareCodePoints } from '../../core/order';
import { connectedBy, CORPS_LEVEL, divisionOf, isIntegrated, movesOf, mustConnect, REQUIRED_PLATFORM_KINDS, sharedResources } from './facts';

export type ScorecardBy = 'division' | 'department';
export const SCORECARD_BY: readonly ScorecardBy[] = ['department', 'division'];

/** The plan's dated tasks the model can judge, in the order of the plan. */
export type TaskId = 'privateNetworkMerge' | 'cloudRunning' | 'centerMoves' | 'divisionConsolidation' | 'platformConnection';
export const TASK_IDS: readonly TaskId[] = ['privateNetworkMerge', 'cloudRunning', 'centerMoves', 'divisionConsolidation', 'platformConnection'];

/** done: every item done by the date; late: an item not done past its deadline; open: not done, not yet due; none: the unit has no item. */
export type TaskStatus = 'done' | 'late' | 'open' | 'none';

export interface TaskProgress {
  task: TaskId;
  /** The plan's deadline (policy.deadlines). */
  deadline: IsoDate;
  status: TaskStatus;
  done: number;
  total: number;
}

export interface ScorecardRow {
  /** Department or division id; `corps` for the corps level (兵团本级) by division; `total`. */
  unit: string;
  name: string;
  systems: number;
  /** 整合数 */
  integrated: number;
  resources: number;
  /** 共享信息数 */
  shared: number;
  /** 协同应用数 */
  collaborative: number;
  /** Systems the plan asks to connect to 大协同 and 大数据. */
  mustConnect: number;
  connected: number;
  /** 系统联通率, 0..1; null when no system must connect. */
  connectionRate: number | null;
  /** 重点任务进展, in TASK_IDS order. */
  tasks: TaskProgress[];
}

export interface Scorecard {
  environment: string;
  asOf: IsoDate;
  by: ScorecardBy;
  rows: ScorecardRow[];
  total: ScorecardRow;
}

/** One item of a task: its deadline and whether it is done on the date. */
interface Item {
  task: TaskId;
  deadline: IsoDate;
  done: boolean;
}

interface Unit {
  id: string;
  name: string;
  systems: InfoSystem[];
  items: Item[];
}

function moveItems(env: Environment, systems: readonly InfoSystem[], asOf: IsoDate): Item[] {
  const out: Item[] = [];
  for (const s of systems) {
    for (const m of movesOf(env, s.id)) {
      const task: TaskId | undefined = m.kind === 'center-move' ? 'centerMoves' : m.kind === 'division-consolidation' ? 'divisionConsolidation' : undefined;
      if (task !== undefined) out.push({ task, deadline: m.deadline, done: m.done && (m.doneOn === undefined || m.doneOn <= asOf) });
    }
  }
  return out;
}

function connectionItems(env: Environment, systems: readonly InfoSystem[], deadlines: PlanDeadlines, asOf: IsoDate): Item[] {
  return systems.filter(mustConnect).map((s) => ({ task: 'platformConnection' as const, deadline: deadlines.platformConnection, done: REQUIRED_PLATFORM_KINDS.every((k) => connectedBy(env, s, k, asOf)) }));
}

function units(env: Environment, by: ScorecardBy, asOf: IsoDate): Unit[] {
  const d = env.policy.deadlines;
  const systems = env.inventory.systems;
  const common = (group: InfoSystem[]): Item[] => [...moveItems(env, group, asOf), ...connectionItems(env, group, d, asOf)];
  if (by === 'department') {
    return env.inventory.departments.map((dep) => {
      const group = systems.filter((s) => s.department === dep.id);
      const networks: Item[] = env.networks.privateNetworks
        .filter((n) => n.department === dep.id)
        .map((n) => ({ task: 'privateNetworkMerge', deadline: d.privateNetworkMerge, done: n.status === 'exempt' || (n.status === 'merged' && (n.mergedOn === undefined || n.mergedOn <= asOf)) }));
      return { id: dep.id, name: dep.name, systems: group, items: [...networks, ...common(group)] };
    });
  }
  const centerItems = (match: (role: string, division?: string) => boolean): Item[] =>
    env.topology.centers
      .filter((c) => match(c.role, c.division))
      .map((c) => ({ task: 'cloudRunning', deadline: d.cloudRunning, done: c.inServiceFrom === undefined || c.inServiceFrom <= asOf }));
  const corps = systems.filter((s) => divisionOf(env, s) === CORPS_LEVEL);
  return [
    { id: CORPS_LEVEL, name: '兵团本级 corps level', systems: corps, items: [...centerItems((role) => role !== 'division'), ...common(corps)] },
    ...env.topology.divisions.map((div) => {
      const group = systems.filter((s) => divisionOf(env, s) === div.id);
      return { id: div.id, name: div.name, systems: group, items: [...centerItems((role, division) => role === 'division' && division === div.id), ...common(group)] };
    }),
  ];
}

function progress(items: readonly Item[], deadlines: PlanDeadlines, asOf: IsoDate): TaskProgress[] {
  return TASK_IDS.map((task) => {
    const mine = items.filter((i) => i.task === task);
    const done = mine.filter((i) => i.done).length;
    const status: TaskStatus = mine.length === 0 ? 'none' : done === mine.length ? 'done' : mine.some((i) => !i.done && i.deadline < asOf) ? 'late' : 'open';
    return { task, deadline: deadlines[task], status, done, total: mine.length };
  });
}

function row(env: Environment, unit: Unit, asOf: IsoDate): ScorecardRow {
  const s = unit.systems;
  const must = s.filter(mustConnect);
  const connected = must.filter((x) => REQUIRED_PLATFORM_KINDS.every((k) => connectedBy(env, x, k, asOf))).length;
  return {
    unit: unit.id,
    name: unit.name,
    systems: s.length,
    integrated: s.filter(isIntegrated).length,
    resources: s.reduce((n, x) => n + (x.dataResources?.length ?? 0), 0),
    shared: s.reduce((n, x) => n + sharedResources(x), 0),
    collaborative: s.filter((x) => connectedBy(env, x, 'collaboration', asOf)).length,
    mustConnect: must.length,
    connected,
    connectionRate: must.length === 0 ? null : connected / must.length,
    tasks: progress(unit.items, env.policy.deadlines, asOf),
  };
}

export function computeScorecard(env: Environment, by: ScorecardBy, asOf: IsoDate): Scorecard {
  const list = units(env, by, asOf);
  // Departments in code-point order of id; divisions as the topology lists them, the corps level first.
  const ordered = by === 'department' ? [...list].sort((a, b) => compareCodePoints(a.id, b.id)) : list;
  const all: Unit = { id: 'total', name: '合计 total', systems: list.flatMap((u) => u.systems), items: list.flatMap((u) => u.items) };
  return { environment: env.name, asOf, by, rows: ordered.map((u) => row(env, u, asOf)), total: row(env, all, asOf) };
}
