import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../checks/app/cli/main';
import type { CommandIO } from '../../checks/app/cli/io';
import { MINI_DIR, REPO_ROOT } from './fixture-env';

function memoryIO(cwd: string): CommandIO & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd };
}

let work: string;
beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-synth-cli-'));
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe('btyun synth', () => {
  it('writes only the named stacks and prints one line per stack', async () => {
    const io = memoryIO(work);
    const code = await runCli(['synth', '--env', MINI_DIR, '--stack', 'div-8', 'corps-dr-urumqi', '--out', 'out'], io);
    expect(io.err.join('')).toBe('');
    expect(code).toBe(0);
    // Topology order, relative paths.
    expect(io.out.join('')).toBe('corps-dr-urumqi: out/stacks/corps-dr-urumqi/cdk.tf.json\ndiv-8: out/stacks/div-8/cdk.tf.json\n');
    expect(fs.readdirSync(path.join(work, 'out', 'stacks')).sort()).toEqual(['corps-dr-urumqi', 'div-8']);
  });

  it('rejects an unknown stack with exit 2, listing the valid ids, and writes nothing', async () => {
    const io = memoryIO(work);
    const code = await runCli(['synth', '--env', MINI_DIR, '--stack', 'div-99', '--out', 'nothing'], io);
    expect(code).toBe(2);
    expect(io.err.join('')).toMatch(/^btyun synth: unknown stack 'div-99'; valid stacks \(center ids 中心\): corps-primary, corps-dr-urumqi, corps-dr-shihezi, div-8\n$/);
    expect(fs.existsSync(path.join(work, 'nothing'))).toBe(false);
  });

  it('reports a missing environment as bad input (exit 2)', async () => {
    const io = memoryIO(work);
    expect(await runCli(['synth', '--env', './no-such-env'], io)).toBe(2);
    expect(io.err.join('')).toContain('no-such-env');
  });
});

describe('cdktf app (dist/checks/app/cdktf-app.js)', () => {
  const main = path.join(REPO_ROOT, 'dist/checks/app/cdktf-app.js');
  it.runIf(fs.existsSync(main))('builds the stacks named in BTYUN_STACKS into CDKTF_OUTDIR', () => {
    const out = path.join(work, 'cdktf.out');
    const run = spawnSync(process.execPath, [main], {
      cwd: work,
      env: { ...process.env, BTYUN_ENV: MINI_DIR, BTYUN_STACKS: 'corps-primary', CDKTF_OUTDIR: out },
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).stacks)).toEqual(['corps-primary']);
  });
  it.runIf(fs.existsSync(main))('exits 2 with one line for an unknown stack', () => {
    const run = spawnSync(process.execPath, [main], {
      cwd: work,
      env: { ...process.env, BTYUN_ENV: MINI_DIR, BTYUN_STACKS: 'nope', CDKTF_OUTDIR: path.join(work, 'x') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain("unknown stack 'nope'");
  });
});
