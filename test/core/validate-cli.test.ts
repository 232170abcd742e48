/** `btyun validate`: exit codes and output, in-process and through the built CLI (node bin/btyun.js). */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../checks/app/cli/main';
import type { CommandIO } from '../../checks/app/cli/io';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { MINI_ENV_DIR } from '../helpers/mini-env';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-validate-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

/** A mini copy with two broken documents. */
function brokenEnv(): string {
  const dir = path.join(tmpRoot, 'broken');
  fs.mkdirSync(dir, { recursive: true });
  for (const d of DOCUMENT_NAMES) fs.copyFileSync(path.join(MINI_ENV_DIR, `${d}.yaml`), path.join(dir, `${d}.yaml`));
  const inv = fs.readFileSync(path.join(dir, 'inventory.yaml'), 'utf8');
  fs.writeFileSync(path.join(dir, 'inventory.yaml'), inv.replace('department: police\n', 'department: finance\n'));
  fs.writeFileSync(path.join(dir, 'policy.yaml'), 'failOn: high\nfailOn: low\n');
  return dir;
}

function memoryIO(cwd: string): CommandIO & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd, out: () => out.join(''), err: () => err.join('') };
}

describe('btyun validate (in process)', () => {
  it('prints one line and exits 0 for a valid environment', async () => {
    const io = memoryIO(PACKAGE_ROOT);
    expect(await runCli(['validate', '--env', 'test/fixtures/envs/mini'], io)).toBe(0);
    expect(io.out()).toBe('environment mini: valid (4 centers, 5 systems, 1 waves)\n');
    expect(io.err()).toBe('');
  });

  it('exits 2 with one line per problem (file:line:col: /path: message) on stderr', async () => {
    const dir = brokenEnv();
    const io = memoryIO(tmpRoot);
    expect(await runCli(['validate', '--env', dir], io)).toBe(2);
    const lines = io.err().trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^broken\/policy\.yaml:2:1: \/failOn: duplicate key/),
    ]);
    expect(io.out()).toBe('');
  });

  it('reports cross-reference problems once the YAML and schema are fine', async () => {
    const dir = brokenEnv();
    fs.writeFileSync(path.join(dir, 'policy.yaml'), 'failOn: high\n');
    const io = memoryIO(tmpRoot);
    expect(await runCli(['validate', '--env', dir], io)).toBe(2);
    expect(io.err()).toMatch(/^broken\/inventory\.yaml:\d+:\d+: \/systems\/1\/department: unknown department 'finance'\n$/);
  });

  it('--format json prints the result, and the problems when invalid', async () => {
    const ok = memoryIO(PACKAGE_ROOT);
    expect(await runCli(['validate', '--env', 'test/fixtures/envs/mini', '--format', 'json'], ok)).toBe(0);
    expect(JSON.parse(ok.out())).toMatchObject({ environment: 'mini', valid: true, centers: 4, systems: 5, waves: 1 });
    const bad = memoryIO(tmpRoot);
    expect(await runCli(['validate', '--env', brokenEnv(), '--format', 'json'], bad)).toBe(2);
    expect(JSON.parse(bad.out())).toMatchObject({ valid: false, problems: [{ file: 'broken/policy.yaml', line: 2, column: 1 }] });
  });

  it('--help prints its flags; bad flags exit 2', async () => {
    const io = memoryIO(PACKAGE_ROOT);
    expect(await runCli(['validate', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--env NAME|PATH');
    expect(io.out()).toContain('--format text|json');
    const bad = memoryIO(PACKAGE_ROOT);
    expect(await runCli(['validate', '--format', 'xml'], bad)).toBe(2);
    expect(bad.err()).toContain('--format must be text or json');
  });
});

describe('btyun validate (built CLI)', () => {
  beforeAll(() => {
    // dist/ is compiled by the global setup (test/support/build-once.ts).
    expect(fs.existsSync(path.join(PACKAGE_ROOT, 'dist', 'checks', 'app', 'cli', 'commands', 'validate.js'))).toBe(true);
  });

  const run = (args: string[], cwd = PACKAGE_ROOT) =>
    spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'btyun.js'), 'validate', ...args], { cwd, encoding: 'utf8' });

  it('exits 0 on the mini environment', () => {
    const r = run(['--env', MINI_ENV_DIR]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('environment mini: valid (4 centers, 5 systems, 1 waves)\n');
  });

  it('exits 2 on a broken environment, one line per problem and no stack trace', () => {
    const r = run(['--env', brokenEnv()], tmpRoot);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^broken\/policy\.yaml:2:1: \/failOn: duplicate key[^\n]*\n$/);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('exits 2 on a missing environment folder, naming it', () => {
    const r = run(['--env', path.join(tmpRoot, 'absent')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${path.join(tmpRoot, 'absent')}: environment folder not found\n`);
  });
});
