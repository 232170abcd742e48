/**
 * Disaster recovery by MLPS level (GB/T 22239-2019 8.1.4.9 / 9.1.4.9 数据备份恢复). Pure.
 *
 * - Levels 1–2: local backup only (a CronJob in the primary center); no DR instance.
 * - Level 3: off-site real-time backup AND hot redundancy: a replica PVC (`backup=replica`) and a
 *   warm standby (role `dr`, dr-mode `warm`) in a corps DR center in ANOTHER city than the primary
 *   placement. For a system on a division center, the division's `drTarget` is preferred when it is
 *   in another city; otherwise the other corps DR center (依托兵团实现容灾).
 * - Level 4: an active instance (role `dr`, dr-mode `active`, full replicas) plus the replica in the
 *   remote corps DR center — the DR center whose city differs from the corps primary's (异地灾备).
 *   When the system itself runs there, the level-3 choice (another-city DR center) applies.
 *
 * A DR center never hosts a system above its own level (MLPS-016): such centers are not candidates.
 * When no candidate exists, the plan has no DR target and `note` says why; MLPS-013/014/015 then
 * report the missing redundancy.
 */
import type { Center, Environment, MlpsLevel } from '../core/types';
import { compareCodePoints } from '../core/order';

export type DrMode = 'warm' | 'active';

export interface DrPlan {
  /** The DR center holding the standby and the replica, if any. */
  center?: Center;
  /** Kind of standby instance there. */
  mode?: DrMode;
  /** Whether a replica PVC receives the data off-site (systems with persistent data). */
  replica: boolean;
  /** Why there is no DR target although the level asks for one. */
  note?: string;
}

function byPreference(first: string | undefined) {
  return (a: Center, b: Center): number => {
    if (a.id === first) return -1;
    if (b.id === first) return 1;
    return compareCodePoints(a.id, b.id);
  };
}

/** Corps DR centers in another city than `primary`, able to host `level`, preferred one first. */
function otherCityDrCenters(env: Environment, primary: Center, level: MlpsLevel): Center[] {
  return env.topology.centers
    .filter((c) => c.role === 'corps-dr' && c.id !== primary.id && c.city !== primary.city && c.mlpsLevel >= level)
    .sort(byPreference(primary.role === 'division' ? primary.drTarget : undefined));
}

/** The remote corps DR center(s): city differs from the corps primary's. */
function remoteDrCenters(env: Environment, primary: Center, level: MlpsLevel): Center[] {
  const corpsPrimary = env.topology.centers.find((c) => c.role === 'corps-primary');
  if (!corpsPrimary) return [];
  return env.topology.centers
    .filter((c) => c.role === 'corps-dr' && c.city !== corpsPrimary.city && c.id !== primary.id && c.city !== primary.city && c.mlpsLevel >= level)
    .sort(byPreference(undefined));
}

/**
 * The DR plan of a system of `level` whose primary placement is `primary`.
 * `hasData`: whether the system keeps persistent data (storageGiB > 0), which needs a replica.
 */
export function drPlanOf(env: Environment, primary: Center, level: MlpsLevel, hasData: boolean): DrPlan {
  if (level < 3) return { replica: false };
  const candidates = level >= 4 ? [...remoteDrCenters(env, primary, level), ...otherCityDrCenters(env, primary, level)] : otherCityDrCenters(env, primary, level);
  const center = candidates[0];
  if (!center) {
    return { replica: false, note: `no corps DR center (兵团级容灾中心) in another city than ${primary.city} can host MLPS level ${level}` };
  }
  return { center, mode: level >= 4 ? 'active' : 'warm', replica: hasData };
}
