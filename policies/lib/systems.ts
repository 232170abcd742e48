/** Look-ups over the inventory's systems, with their positions for JSON pointers. */
import type { Environment, InfoSystem, SystemClass } from '../../checks/model/types';

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
export function movesOf(env: Environment, systemId: string): { to: string; path: string }[] {
  const out: { to: string; path: string }[] = [];
  env.migration.waves.forEach((wave, w) =>
    wave.moves.forEach((move, m) => {
      if (move.system === systemId) out.push({ to: move.to, path: `/waves/${w}/moves/${m}` });
    }),
  );
  return out;
}
