/**
 * The migration planning model (checks/plan) as the MIG rules read it: `migrationView` computes it
 * once per environment and check date (the same model `btyun migration` prints); dependency order,
 * machine-room kinds and the bilingual labels of locations, waves and systems.
 */
export { migrationView } from '../../checks/plan/plan';
export { dependencyOrder, type CrossWaveCycle, type DependencyOrder, type OrderViolation } from '../../checks/plan/dependencies';
export { MACHINE_ROOM_KINDS } from '../../checks/plan/disposition';
export { describeLocation, systemLabel, WAVE_KIND } from '../../checks/plan/labels';
export {
  RESOURCE_KINDS,
  type Amount,
  type CenterUsage,
  type Disposition,
  type MigrationView,
  type PlannedMove,
  type ResourceKind,
  type SystemStatus,
  type WaveView,
} from '../../checks/plan/types';
