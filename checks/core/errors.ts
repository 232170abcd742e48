/**
 * Bad input: reported as one line per problem, naming file, line, column and the path inside the
 * document, and exit status 2. Never a stack trace.
 */
import { printable } from './printable';
export interface InputProblem {
  /** File as given / relative to cwd. */
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer inside the document, e.g. `/systems/3/mlps/level`. */
  path?: string;
  message: string;
}

export class InputError extends Error {
  readonly problems: readonly InputProblem[];
  constructor(problems: InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'InputError';
    this.problems = problems;
  }
}

/**
 * `file:line:column: path: message` — the one-line format every command uses. File names, paths
 * and messages may carry input text (a file name with an escape sequence, an id with U+202E): the
 * line is made printable here, once for every problem.
 */
export function formatProblem(p: InputProblem): string {
  let where = printable(p.file);
  if (p.line !== undefined) where += `:${p.line}`;
  if (p.line !== undefined && p.column !== undefined) where += `:${p.column}`;
  const path = p.path !== undefined && p.path !== '' ? ` ${printable(p.path)}:` : '';
  return `${where}:${path} ${printable(p.message)}`;
}

/** Usage errors (unknown flag, unknown rule id, ...) also exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
