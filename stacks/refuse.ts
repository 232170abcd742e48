/**
 * Construct validation failures are bad input (exit 2 with one line naming the file and the path in
 * the document), not internal errors: the constructs refuse what the plan forbids.
 */
import { InputError } from '../checks/model/errors';

/** Where a construct's input came from, for the error line. */
export interface SourceRef {
  file: string;
  /** JSON pointer inside the document, e.g. `/systems/3`. */
  path?: string;
  line?: number;
  column?: number;
}

export function refuse(source: SourceRef | undefined, message: string): never {
  throw new InputError([{ file: source?.file ?? 'stacks', path: source?.path, line: source?.line, column: source?.column, message }]);
}
