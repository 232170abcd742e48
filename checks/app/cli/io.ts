/** Output streams of a command; tests pass in-memory ones. */
export interface CommandIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stdout is a terminal (colours in text output). */
  isTTY: boolean;
  /** Whether stderr is a terminal (progress lines during long runs). */
  stderrIsTTY?: boolean;
  cwd: string;
}

/** A command: parses its own argv, returns the exit status (0, 1 or 2). */
export type Command = (argv: string[], io: CommandIO) => Promise<number>;
