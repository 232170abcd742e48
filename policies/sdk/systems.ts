/** Look-ups over the inventory's systems, with their positions for JSON pointers. */
import type { LocalizedText, RawFinding, Resource, RuleContext } from '../../checks/engine/types';
import type { Environment, InfoSystem, SystemClass } from '../../checks/core/types';

export interface IndexedSystem {
  system: InfoSystem;
  index: number;
}

export function indexedSystems(env: Environment): IndexedSystem[] {
  return env.inventory.systems.map((system, index) => ({ system, index }));
}

export function systemsOfClass(env: Environment, cls: SystemClass): IndexedSystem[] {
  return indexedSystems(env).filter((s) => s.system.class === cls);
}

/** Every migration move of a system, with the pointer to it in migration.yaml. */
export function movesOf(env: Environment, systemId: string): SystemMove[] {
  const out: SystemMove[] = [];
  env.migration.waves.forEach((wave, w) =>
    wave.moves.forEach((move, m) => {
      if (move.system === systemId) out.push({ to: move.to, path: `/waves/${w}/moves/${m}` });
    }),
  );
  return out;
}

export interface SystemMove {
  to: string;
  path: string;
}

/**
 * One migration.yaml finding per move of a system that must not move (retired, classified), at
 * the move or at `suffix` below it (e.g. `/to`).
 */
export function moveFindings(env: Environment, systemId: string, suffix: '' | '/to', message: (move: SystemMove) => LocalizedText): RawFinding[] {
  return movesOf(env, systemId).map((move) => ({ doc: 'migration', path: `${move.path}${suffix}`, system: systemId, message: message(move) }));
}

/**
 * One finding per resource labelled with a system that must have none deployed (retired, replaced
 * after its deadline, classified). None without a configuration.
 */
export function deployedResourceFindings(ctx: RuleContext, systemId: string, message: (r: Resource) => LocalizedText): RawFinding[] {
  if (!ctx.hasConfiguration) return [];
  return ctx.resources.bySystem(systemId).map((resource) => ({ resource, system: systemId, message: message(resource) }));
}
