/**
 * What the HTML report shows besides the check result: the environment model, the plan's
 * migration view, the control matrix and the run's provenance. Built by `btyun report`
 * (checks/app/cli/commands/report.ts); without it the report shows the result alone.
 */
import type { Environment } from '../../../core/types';
import type { MigrationView } from '../../../plan/types';
import type { ControlMatrix } from '../control-matrix';
import type { Section } from './elements';

export interface InputFile {
  /** Relative to the working folder, POSIX separators. */
  readonly file: string;
  readonly sha256: string;
}

export interface ReportContext {
  readonly env: Environment;
  readonly migration: MigrationView;
  readonly matrix: ControlMatrix;
  /** The environment's documents and any configuration file that was read, with their hashes. */
  readonly inputs: readonly InputFile[];
  /** Configuration files not listed (a large folder): how many. */
  readonly inputsOmitted?: number;
  /** What configuration was checked, e.g. `synthesized stacks 合成的栈` or `--tf infra`. */
  readonly configuration: string;
  /** `git rev-parse HEAD` of the environment's folder, when it is in a repository. */
  readonly commit?: string;
  /** The environment's folder differs from that commit (uncommitted changes): the hashes are what counts. */
  readonly commitDirty?: boolean;
  /**
   * The plan's scorecard (issue #16: `scorecardSection(...)` of checks/app/scorecard/), shown right
   * after the capacity per center. Absent: the section is left out.
   */
  readonly scorecard?: Section;
}
