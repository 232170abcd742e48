import { describe, expect, it } from 'vitest';
import { runCli } from '../../checks/app/cli/main';
import type { CommandIO } from '../../checks/app/cli/io';

function memoryIO(): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd: process.cwd() };
}

describe('btyun dispatcher', () => {
  it('rejects an unknown command with exit 2 and the usage', async () => {
    const io = memoryIO();
    expect(await runCli(['frobnicate'], io)).toBe(2);
    expect(io.err.join('')).toContain("unknown command 'frobnicate'");
  });
  it('prints the version from package.json', async () => {
    const io = memoryIO();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.out.join('')).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
