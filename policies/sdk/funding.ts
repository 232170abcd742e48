/** The O&M funding status of a system, with the pointer to report it at. */
import type { InfoSystem } from '../../checks/core/types';

export function omStatusPath(system: InfoSystem, index: number): string {
  if (system.funding === undefined) return `/systems/${index}`;
  return system.funding.omStatus === undefined ? `/systems/${index}/funding` : `/systems/${index}/funding/omStatus`;
}

export function omStatusText(system: InfoSystem): string {
  return system.funding?.omStatus ?? '—';
}
