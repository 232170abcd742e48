/**
 * The centers of a generated environment: always the three corps centers (两地三中心: the primary
 * and the same-city DR center in 乌鲁木齐, the off-site DR center in 石河子), then one division
 * center (师级数据中心) for each of the first K − 3 divisions. Capacities are filled in later, from
 * the load placed on each center (capacity.ts).
 */
import type { Capacity, Center } from '../../core/types';
import { DIVISIONS, HEADQUARTERS_CITY, REMOTE_DR_CITY } from './catalogue';

export const MIN_CENTERS = 3;
export const MAX_CENTERS = MIN_CENTERS + DIVISIONS.length;

export type CenterDraft = Omit<Center, 'capacity'>;

function corpsCenter(id: string, name: string, role: Center['role'], city: string, inServiceFrom: string): CenterDraft {
  return {
    id,
    name,
    role,
    city,
    country: 'CN',
    availability: 99.995,
    mlpsLevel: 4,
    kubeContext: `btyun-${id}`,
    stateBackend: { type: 'pg', connStrEnv: 'BTYUN_PG_CONN', schemaName: `btyun_${id.replace(/-/g, '_')}` },
    adminGroups: { system: `${id}-sysadmin`, audit: `${id}-auditor`, security: `${id}-secadmin` },
    inServiceFrom,
  };
}

export function centerDrafts(count: number): CenterDraft[] {
  const centers: CenterDraft[] = [
    corpsCenter('corps-primary', '兵团级主数据中心', 'corps-primary', HEADQUARTERS_CITY, '2016-09-30'),
    corpsCenter('corps-dr-local', '兵团级同城灾备中心', 'corps-dr', HEADQUARTERS_CITY, '2017-06-30'),
    corpsCenter('corps-dr-remote', '兵团级异地灾备中心', 'corps-dr', REMOTE_DR_CITY, '2017-12-20'),
  ];
  for (const [i, division] of DIVISIONS.slice(0, count - MIN_CENTERS).entries()) {
    // 第十一师、第十二师 have no city of their own: their centers would sit in 乌鲁木齐.
    const city = division.city ?? HEADQUARTERS_CITY;
    centers.push({
      id: division.id,
      name: `${division.name}${division.city ?? ''}师级数据中心`,
      role: 'division',
      division: division.id,
      city,
      country: 'CN',
      availability: 99.99,
      mlpsLevel: 3,
      kubeContext: `btyun-${division.id}`,
      drTarget: drTargetFor(city, i),
      stateBackend: { type: 'pg', connStrEnv: 'BTYUN_PG_CONN', schemaName: `btyun_${division.id.replace(/-/g, '_')}` },
      adminGroups: { system: `${division.id}-sysadmin`, audit: `${division.id}-auditor`, security: `${division.id}-secadmin` },
      inServiceFrom: '2018-01-31',
    });
  }
  return centers;
}

/**
 * 依托兵团实现容灾: a division center recovers into a corps DR center of another city; where both
 * qualify, divisions alternate between them (as in production), so neither carries all standbys.
 */
function drTargetFor(city: string, index: number): string {
  if (city === REMOTE_DR_CITY) return 'corps-dr-local';
  if (city === HEADQUARTERS_CITY) return 'corps-dr-remote';
  return index % 2 === 0 ? 'corps-dr-remote' : 'corps-dr-local';
}

/** The DR center a system of `level` on `center` recovers into (as stacks/dr-placement.ts places it). */
export function drCenterOf(center: CenterDraft, level: number): string | undefined {
  if (level < 3) return undefined;
  if (center.role === 'division') return center.drTarget;
  if (center.id === 'corps-dr-remote') return 'corps-dr-local';
  return 'corps-dr-remote';
}

export type CenterWithCapacity = CenterDraft & { capacity: Capacity };
