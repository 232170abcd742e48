/**
 * Label and annotation sets the stacks put on Kubernetes resources (DOMAIN.md "Resource labels",
 * checks/core/conventions.ts). Literal strings only: the checks read labels as literals.
 */
import type { MlpsLevel, ZoneId } from '../checks/core/types';
import { LABELS, type PlacementRole } from '../checks/core/labels';

/** Who a system's resource belongs to, and where it runs. */
export interface SystemIdentity {
  system: string;
  department: string;
  level: MlpsLevel;
  zone: ZoneId;
  center: string;
  role: PlacementRole;
}

export const MANAGED_BY = { 'app.kubernetes.io/managed-by': 'btyun' } as const;

/** The six `xjbt.gov.cn/*` labels every resource of a system carries (and its pod templates). */
export function systemLabels(id: SystemIdentity): Record<string, string> {
  return {
    [LABELS.system]: id.system,
    [LABELS.department]: id.department,
    [LABELS.mlpsLevel]: String(id.level),
    [LABELS.zone]: id.zone,
    [LABELS.center]: id.center,
    [LABELS.role]: id.role,
  };
}

/** Selector labels of a system's pods: stable across updates (system + role). */
export function systemSelector(id: SystemIdentity): Record<string, string> {
  return { [LABELS.system]: id.system, [LABELS.role]: id.role };
}

/** Labels of the center's own (non-system) resources: the center, and the zone where it has one. */
export function platformLabels(center: string, zone?: ZoneId): Record<string, string> {
  return { ...MANAGED_BY, [LABELS.center]: center, ...(zone ? { [LABELS.zone]: zone } : {}) };
}
