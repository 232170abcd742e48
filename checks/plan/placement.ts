/**
 * Where a system is deployed on 兵团云 (its primary placement), decided from the inventory and the
 * migration plan. Pure: reads the environment only, so the checks can reuse it.
 *
 * Rules (新兵办发〔2017〕187号 §二(一), §二(三)):
 * - 淘汰 retire: never deployed.
 * - 替代 replace: deployed only up to and including its replacement deadline (as of `asOf`).
 * - 继续使用 keep: deployed.
 * - A system without a class is not deployed (INV-002 reports it).
 * - 涉密 classified systems live on 政务内网 only: never placed in a 兵团云 center (skipped here;
 *   the constructs refuse one if it is handed to them anyway).
 * - The center is the target of the system's last migration move (waves by deadline, then id), else
 *   its current `cloud` location.
 * - Vertical business systems (纵向业务系统, scope.vertical) are deployed once at corps level: the
 *   corps primary center, whatever the move says (兵团级大集中).
 */
import type { Center, Environment, InfoSystem, MlpsLevel, ZoneId } from '../core/types';
import { compareCodePoints } from '../core/order';

export type NotDeployedReason = 'retired' | 'replaced' | 'unclassified' | 'classified' | 'not-on-cloud' | 'unknown-center';

export type Placement =
  | {
      deployed: true;
      /** The primary center. */
      center: Center;
      level: MlpsLevel;
      zone: ZoneId;
      /** How the center was chosen. */
      via: 'location' | 'migration' | 'vertical';
    }
  | { deployed: false; reason: NotDeployedReason };

export interface PlacementOptions {
  /** Date `YYYY-MM-DD` for replacement deadlines; absent = deadlines not applied. */
  asOf?: string;
}

/** Zone of a system on the cloud: its declared zone, else the dedicated area (专用网络区). */
export function zoneOf(system: InfoSystem): ZoneId {
  return system.zone ?? 'extranet-dedicated';
}

/** MLPS level of a system: its filing, else the policy default. */
export function levelOf(env: Environment, system: InfoSystem): MlpsLevel {
  return system.mlps?.level ?? env.policy.defaultMlpsLevel;
}

/** Migration targets by system, computed once per environment (environments are immutable). */
const TARGETS = new WeakMap<Environment, ReadonlyMap<string, string>>();

/** The target center of the system's last migration move (waves by deadline, then id), if any. */
export function migrationTarget(env: Environment, systemId: string): string | undefined {
  let targets = TARGETS.get(env);
  if (!targets) {
    const map = new Map<string, string>();
    const waves = [...env.migration.waves].sort((a, b) => compareCodePoints(a.deadline, b.deadline) || compareCodePoints(a.id, b.id));
    for (const wave of waves) for (const move of wave.moves) map.set(move.system, move.to);
    targets = map;
    TARGETS.set(env, targets);
  }
  return targets.get(systemId);
}

export function placementOf(env: Environment, system: InfoSystem, options: PlacementOptions = {}): Placement {
  if (system.class === undefined) return { deployed: false, reason: 'unclassified' };
  if (system.class === 'retire') return { deployed: false, reason: 'retired' };
  if (system.class === 'replace') {
    const deadline = system.replacement?.deadline;
    if (options.asOf !== undefined && deadline !== undefined && options.asOf > deadline) return { deployed: false, reason: 'replaced' };
  }
  if (system.classified === true) return { deployed: false, reason: 'classified' };

  const moved = migrationTarget(env, system.id);
  const located = system.location.kind === 'cloud' ? system.location.center : undefined;
  let centerId = moved ?? located;
  if (centerId === undefined) return { deployed: false, reason: 'not-on-cloud' };
  let via: 'location' | 'migration' | 'vertical' = moved !== undefined ? 'migration' : 'location';
  if (system.scope?.vertical === true) {
    const corpsPrimary = env.topology.centers.find((c) => c.role === 'corps-primary');
    if (corpsPrimary) {
      if (corpsPrimary.id !== centerId) via = 'vertical';
      centerId = corpsPrimary.id;
    }
  }
  const center = env.topology.centers.find((c) => c.id === centerId);
  if (!center) return { deployed: false, reason: 'unknown-center' };
  return { deployed: true, center, level: levelOf(env, system), zone: zoneOf(system), via };
}
