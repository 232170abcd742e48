/**
 * Construct validation failures: the constructs refuse to build what the plan forbids, naming the
 * file and the path in the document. The rules report the same things (MLPS-016, MLPS-007, …) and
 * speak first: the gate judges the model before any stack is built, and `btyun check` reports a
 * refusal as a CFG-001 finding beside the model rules' findings instead of failing the run.
 */
import { InputError, type InputProblem } from '../checks/core/errors';

/** A construct refused the model (an InputError, so a command that cannot report it exits 2). */
export class StackRefusal extends InputError {
  constructor(problems: InputProblem[]) {
    super(problems);
    this.name = 'StackRefusal';
  }
}

/** Where a construct's input came from, for the error line. */
export interface SourceRef {
  file: string;
  /** JSON pointer inside the document, e.g. `/systems/3`. */
  path?: string;
  line?: number;
  column?: number;
}

export function refuse(source: SourceRef | undefined, message: string): never {
  throw new StackRefusal([{ file: source?.file ?? 'stacks', path: source?.path, line: source?.line, column: source?.column, message }]);
}
