/**
 * The migration planning model: what the MIG rules judge and what `btyun migration` prints.
 * Computed once per (environment, as-of date) by `migrationView` (see plan.ts).
 */
import type { CenterRole, IsoDate, MlpsLevel, SystemClass, SystemLocation, WaveKind } from '../core/types';

/** What happens to a system that is not yet on 兵团云 (or that it already is). */
export type Disposition =
  | 'on-cloud' // location kind `cloud`: already on 兵团云
  | 'classified' // 涉密: stays on 政务内网, never moved
  | 'retire' // 淘汰: retired instead of moved
  | 'replace' // 替代 by the centerMoves deadline (or without a deadline): replaced instead of moved
  | 'move' // 继续使用, or 替代 only after the centerMoves deadline: must move onto 兵团云
  | 'unclassified'; // no class yet (INV-002 reports it): nothing decided

export interface PlannedMove {
  system: string;
  systemName: string;
  wave: string;
  /** Position of the wave in plan order (see `orderWaves`). */
  waveOrder: number;
  /** JSON pointer of the move in migration.yaml. */
  pointer: string;
  from: SystemLocation;
  to: string;
  done: boolean;
  doneOn?: IsoDate;
  /** Not done and the wave's deadline is before the as-of date. */
  late: boolean;
  /** A move between two 兵团云 centers (from a cloud location): a re-homing (MIG-009). */
  rehoming: boolean;
  /**
   * The deadline that applies to a move onto 兵团云 (MIG-002): the plan's date for the wave's kind,
   * or — the system approved after it — approval + grace. A re-homing has none of the plan's dates.
   */
  dueBy?: IsoDate;
  /** A re-homing only: dependencies that reach 兵团云 in a later wave (dependency order, MIG-009), sorted. */
  laterDependencies?: string[];
}

/** Resources an instance of a system occupies in a center (see footprint.ts for what counts). */
export interface Footprint {
  /** replicas × requests.cpu, millicores. */
  cpuMillicores: number;
  /** replicas × requests.memory, bytes. */
  memoryBytes: number;
  /** workload.storageGiB, once per system. */
  storageGiB: number;
}

export interface SystemStatus {
  id: string;
  name: string;
  /** JSON pointer of the system in inventory.yaml. */
  pointer: string;
  class?: SystemClass;
  classified: boolean;
  location: SystemLocation;
  disposition: Disposition;
  replacement?: { platform?: string; deadline?: IsoDate };
  /** Divisions it belongs to: location.division and scope.divisions, sorted. */
  divisions: readonly string[];
  /** Ids of the systems it depends on (inventory `dependencies`). */
  dependencies: readonly string[];
  /** Its approval date (审批时间), when a real date. */
  approvedOn?: IsoDate;
  /**
   * Approved after the plan's consolidation deadline (policy.deadlines.centerMoves): the date it
   * must be on 兵团云 by — approval + grace (MIG-008, plan §二(九)).
   */
  graceEnds?: IsoDate;
  /**
   * The date it must be connected to 大协同/大数据 by (NET-006): policy.deadlines.platformConnection,
   * or approval + grace when approved after it.
   */
  connectBy: IsoDate;
  /** Its moves, in plan order. */
  moves: PlannedMove[];
  /** Wave order of arrival on 兵团云: -1 already there, undefined never planned. */
  arrival?: number;
  /** Every move done (and at least one). */
  moved: boolean;
  /** MLPS level: its filing, else the policy default. */
  level: MlpsLevel;
  /** Its primary instance. */
  footprint: Footprint;
  /** The workload's requests could not be read (the footprint counts them as 0). */
  unreadable?: string;
}

/** One resource of one center: numbers in display units (cores, GiB), rounded to 3 decimals. */
export interface Amount {
  committed: number;
  capacity: number;
  /** capacity × (1 − headroom) */
  limit: number;
  /** limit − committed (negative when over). */
  left: number;
  /** committed / capacity in percent, 1 decimal. */
  percent: number;
  over: boolean;
}

export type ResourceKind = 'cpu' | 'memoryGiB' | 'storageGiB';
export const RESOURCE_KINDS: readonly ResourceKind[] = ['cpu', 'memoryGiB', 'storageGiB'];

export interface CenterUsage {
  center: string;
  name: string;
  role: CenterRole;
  cpu: Amount;
  memoryGiB: Amount;
  storageGiB: Amount;
}

export interface WaveView {
  id: string;
  name: string;
  kind: WaveKind;
  start?: IsoDate;
  deadline: IsoDate;
  /** The plan's deadline for this kind of move (policy.deadlines). */
  planDeadline: IsoDate;
  /**
   * The deadline the wave is held to (MIG-002): the earliest `dueBy` of the moves that bring a
   * system onto 兵团云; the plan's date for an empty wave; none for a wave of re-homings only.
   */
  dueBy?: IsoDate;
  /** Position in plan order, 0-based. */
  order: number;
  /** JSON pointer of the wave in migration.yaml. */
  pointer: string;
  moves: PlannedMove[];
  /** Some move not done and the deadline is before the as-of date. */
  overdue: boolean;
  /** Committed capacity of every center after this wave (cumulative). */
  capacity: CenterUsage[];
}

export interface MigrationView {
  asOf: IsoDate;
  headroom: number;
  /** Committed capacity before the first wave: systems already on 兵团云. */
  baseline: CenterUsage[];
  waves: WaveView[];
  /** Every filed system in inventory order, then systems named only by a move. */
  systems: SystemStatus[];
  systemById: ReadonlyMap<string, SystemStatus>;
}
