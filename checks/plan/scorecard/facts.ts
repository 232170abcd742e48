/**
 * Every fact the plan's lists and its evaluation (scorecard) read from the model, in one small
 * module: when the model changes (per-system deadlines, re-homing moves, …) only this file adapts.
 *
 * Model fields read: inventory.systems[].{id, name, department, class, classified, location.kind,
 * location.center, location.division, platforms[].platform, platforms[].connectedOn,
 * replacement.platform, replacement.deadline, funding.omStatus, funding.omReference,
 * dataResources[]}; inventory.departments[].{id, name}; topology.divisions[].{id, name},
 * topology.centers[].{id, role, division, inServiceFrom}, topology.platforms[].{id, name, kind};
 * networks.privateNetworks[].{department, status, mergedOn}; migration.waves[].{kind, deadline,
 * moves[].system, moves[].done, moves[].doneOn}; policy.deadlines.
 */
import { compareCodePoints } from '../../core/order';
import type { Environment, InfoSystem, IsoDate, PlatformKind } from '../../core/types';

/** The platforms every kept system connects to (§二(四)): 大协同 and 大数据. */
export const REQUIRED_PLATFORM_KINDS: readonly PlatformKind[] = ['collaboration', 'data'];

/** The id of the corps level (兵团本级) when systems are grouped by division. */
export const CORPS_LEVEL = 'corps';

/** Platform ids of a kind in the topology. */
export function platformIdsOfKind(env: Environment, kind: PlatformKind): string[] {
  return env.topology.platforms.filter((p) => p.kind === kind).map((p) => p.id);
}

/**
 * Indexes of a (frozen) environment, built once: the kind of each platform, each center, and each
 * system's moves — so that a scorecard of 10,000 systems does not scan every wave per system.
 */
interface Indexes {
  platformKind: Map<string, PlatformKind>;
  centers: Map<string, Environment['topology']['centers'][number]>;
  moves: Map<string, MoveFacts[]>;
}

const INDEXES = new WeakMap<Environment, Indexes>();

function indexes(env: Environment): Indexes {
  let ix = INDEXES.get(env);
  if (ix === undefined) {
    const moves = new Map<string, MoveFacts[]>();
    for (const w of env.migration.waves) {
      for (const m of w.moves) {
        const list = moves.get(m.system) ?? [];
        list.push({ kind: w.kind, deadline: w.deadline, done: m.done === true, ...(m.doneOn !== undefined ? { doneOn: m.doneOn } : {}) });
        moves.set(m.system, list);
      }
    }
    ix = { platformKind: new Map(env.topology.platforms.map((p) => [p.id, p.kind])), centers: new Map(env.topology.centers.map((c) => [c.id, c])), moves };
    INDEXES.set(env, ix);
  }
  return ix;
}

/** When the system was connected to a platform of `kind` (the earliest such connection), if it was. */
export function connectedOn(env: Environment, system: InfoSystem, kind: PlatformKind): IsoDate | undefined {
  const kinds = indexes(env).platformKind;
  const dates = (system.platforms ?? []).filter((c) => kinds.get(c.platform) === kind && c.connectedOn !== undefined).map((c) => c.connectedOn!);
  return dates.sort(compareCodePoints)[0];
}

/** Whether the system is connected to a platform of `kind` on `asOf`. */
export function connectedBy(env: Environment, system: InfoSystem, kind: PlatformKind, asOf: IsoDate): boolean {
  const on = connectedOn(env, system, kind);
  return on !== undefined && on <= asOf;
}

/** Whether the plan asks the system to connect to 大协同 and 大数据: kept, not classified (涉密 stays on 政务内网). */
export function mustConnect(system: InfoSystem): boolean {
  return system.class === 'keep' && system.classified !== true;
}

/**
 * The division a system belongs to: its division center's, else its machine room's division,
 * else the corps level (兵团本级: corps centers, department rooms, 政务内网, external hosting).
 */
export function divisionOf(env: Environment, system: InfoSystem): string {
  const loc = system.location;
  if (loc.kind === 'cloud' && loc.center !== undefined) {
    const center = indexes(env).centers.get(loc.center);
    if (center?.role === 'division' && center.division !== undefined) return center.division;
  }
  return loc.division ?? CORPS_LEVEL;
}

/**
 * Whether the system's clean-up (§二(一)) is carried out: kept → on 兵团云 (classified: on 政务内网);
 * replaced → its platform named and its O&M funding cancelled (or set to end after the
 * replacement); retired → its O&M funding cancelled.
 */
export function isIntegrated(system: InfoSystem): boolean {
  const om = system.funding?.omStatus;
  switch (system.class) {
    case 'keep':
      return system.classified === true ? system.location.kind === 'intranet' : system.location.kind === 'cloud';
    case 'replace':
      return system.replacement?.platform !== undefined && (om === 'cancelled' || om === 'cancel-after-replacement');
    case 'retire':
      return om === 'cancelled';
    default:
      return false;
  }
}

/** Data resources of the system that are shared: sharing type other than 不予共享, and listed in the 政务信息资源目录. */
export function sharedResources(system: InfoSystem): number {
  return (system.dataResources ?? []).filter((r) => r.sharing !== 'none' && r.catalogueId !== undefined).length;
}

/** A migration move of a system, with the kind and deadline of its wave. */
export interface MoveFacts {
  kind: string;
  deadline: IsoDate;
  done: boolean;
  doneOn?: IsoDate;
}

/** The migration moves of the system, in the plan's order. */
export function movesOf(env: Environment, systemId: string): readonly MoveFacts[] {
  return indexes(env).moves.get(systemId) ?? [];
}

/** What the clean-up does to a system (§二(一)): the class's consequence, and its platform and deadline. */
export interface CleanupFacts {
  consequence: 'retire' | 'replace' | 'keep' | 'keep-classified' | 'unclassified';
  /** For replace: the unified platform taking over. */
  platform?: string;
  /** replace: the replacement deadline; keep: the later of its moves' deadlines and the platform-connection deadline. */
  deadline?: IsoDate;
}

export function cleanupOf(env: Environment, system: InfoSystem): CleanupFacts {
  switch (system.class) {
    case 'retire':
      return { consequence: 'retire' };
    case 'replace':
      return { consequence: 'replace', ...(system.replacement?.platform !== undefined ? { platform: system.replacement.platform } : {}), ...(system.replacement?.deadline !== undefined ? { deadline: system.replacement.deadline } : {}) };
    case 'keep': {
      if (system.classified === true) return { consequence: 'keep-classified' };
      const dates = [...movesOf(env, system.id).map((m) => m.deadline), env.policy.deadlines.platformConnection].sort(compareCodePoints);
      return { consequence: 'keep', deadline: dates[dates.length - 1] };
    }
    default:
      return { consequence: 'unclassified' };
  }
}

/** One platform connection of a system, or one the plan asks for that is missing. */
export interface ConnectionFacts {
  platform: string;
  kind?: PlatformKind;
  connectedOn?: IsoDate;
  /** The plan asks for it (大协同 / 大数据 of a kept system). */
  required: boolean;
}

/** The system's connections, then the required ones it lacks (named by the topology's first platform of that kind). */
export function connectionsOf(env: Environment, system: InfoSystem): ConnectionFacts[] {
  const kindOf = indexes(env).platformKind;
  const needed = new Set<PlatformKind>(mustConnect(system) ? REQUIRED_PLATFORM_KINDS : []);
  const out: ConnectionFacts[] = (system.platforms ?? []).map((c) => {
    const kind = kindOf.get(c.platform);
    return { platform: c.platform, ...(kind !== undefined ? { kind } : {}), ...(c.connectedOn !== undefined ? { connectedOn: c.connectedOn } : {}), required: kind !== undefined && needed.has(kind) };
  });
  for (const kind of needed) {
    if (out.some((c) => c.kind === kind)) continue;
    const first = platformIdsOfKind(env, kind)[0];
    if (first !== undefined) out.push({ platform: first, kind, required: true });
  }
  return out;
}
