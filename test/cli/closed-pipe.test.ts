import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { expect, it } from 'vitest';

const BIN = path.resolve(__dirname, '../../bin/btyun.js');

it('stops quietly when the reader closes the pipe early (btyun migration --format json | head)', async () => {
  const child = spawn(process.execPath, [BIN, 'migration', '--env', 'production', '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  // Read one chunk, then close our end, as `head -c` does.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  expect(code).toBe(0);
});
