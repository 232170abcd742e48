/** Shared helpers of the scale tests: a temp folder, an in-memory CommandIO, running the CLI in process. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CommandIO } from '../../checks/app/cli/io';
import { runCli } from '../../checks/app/cli/main';
import { DOCUMENT_NAMES } from '../../checks/core/types';

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(argv: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CommandIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), isTTY: false, cwd };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** The five documents of an environment folder, by file name. */
export function readDocuments(dir: string): Record<string, string> {
  return Object.fromEntries(DOCUMENT_NAMES.map((d) => [d, fs.readFileSync(path.join(dir, `${d}.yaml`), 'utf8')]));
}
