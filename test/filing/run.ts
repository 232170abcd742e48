/** Runs the CLI in process in a folder, collecting stdout, stderr and the exit status. */
import { runCli } from '../../checks/app/cli/main';

export async function run(cwd: string, ...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), isTTY: false, cwd });
  return { code, stdout, stderr };
}
