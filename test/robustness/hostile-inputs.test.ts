/**
 * Issue 12 — hostile inputs, through the built CLI (each case in its own process, with a time
 * limit: a FIFO or /dev/zero read by mistake would hang or grow without end). Every input file is
 * stat'ed first: only regular files (after links) are read, within a size limit per kind; what is
 * refused is one line naming the file and why, exit 2.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtPackage, crashSigns, type CliRun } from './support/built-cli';
import { miniCopy } from './support/envs';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-hostile-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const TF = `resource "kubernetes_namespace_v1" "ns" {
  metadata {
    name = "hrss-social-insurance"
  }
}
`;

/** The built CLI with a time limit: a hang or an endless read is killed and reported as such. */
function runTimed(args: readonly string[], cwd: string, ms = 20_000): Promise<CliRun & { killed: boolean }> {
  const bin = path.join(builtPackage(), 'bin', 'btyun.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=512', bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, ms);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, killed, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
  });
}

function caseDir(name: string): string {
  const dir = path.join(tmpRoot, name);
  miniCopy(path.join(dir, 'env'));
  return dir;
}

function mkfifo(file: string): boolean {
  return spawnSync('mkfifo', [file]).status === 0;
}

function expectRefused(run: CliRun & { killed: boolean }, line: RegExp): void {
  expect(run.killed, 'the run hung or kept reading').toBe(false);
  expect(run.stderr).toMatch(line);
  expect(crashSigns(run.stderr)).toEqual([]);
  expect(run.code).toBe(2);
}

describe('issue 12: input files are stat\'ed first', () => {
  it('check --plan /dev/zero is refused as a character device, not read', async () => {
    const dir = caseDir('plan-dev-zero');
    const run = await runTimed(['check', '--env', 'env', '--plan', '/dev/zero'], dir);
    expectRefused(run, /^\/dev\/zero: not a regular file \(a character device\)/m);
  });

  it('a cdk.tf.json that is a symbolic link to /dev/zero in a --synth folder is refused', async () => {
    const dir = caseDir('synth-dev-zero');
    fs.mkdirSync(path.join(dir, 'synth', 'stacks', 'corps-primary'), { recursive: true });
    fs.symlinkSync('/dev/zero', path.join(dir, 'synth', 'stacks', 'corps-primary', 'cdk.tf.json'));
    const run = await runTimed(['check', '--env', 'env', '--synth', 'synth'], dir);
    expectRefused(run, /^synth\/stacks\/corps-primary\/cdk\.tf\.json: not a regular file \(a character device\)/m);
  });

  it('a FIFO as plan is refused, not waited on', async () => {
    const dir = caseDir('plan-fifo');
    if (!mkfifo(path.join(dir, 'plan.json'))) return;
    const run = await runTimed(['check', '--env', 'env', '--plan', 'plan.json'], dir);
    expectRefused(run, /^plan\.json: not a regular file \(a FIFO\)/m);
  });

  it('a FIFO as cdk.tf.json of a --synth folder is refused, not waited on', async () => {
    const dir = caseDir('synth-fifo');
    fs.mkdirSync(path.join(dir, 'synth', 'stacks', 'corps-primary'), { recursive: true });
    if (!mkfifo(path.join(dir, 'synth', 'stacks', 'corps-primary', 'cdk.tf.json'))) return;
    const run = await runTimed(['check', '--env', 'env', '--synth', 'synth'], dir);
    expectRefused(run, /^synth\/stacks\/corps-primary\/cdk\.tf\.json: not a regular file \(a FIFO\)/m);
  });

  it('a .tf linked to /dev/zero is refused, not silently skipped', async () => {
    const dir = caseDir('tf-dev-zero');
    fs.mkdirSync(path.join(dir, 'tf'));
    fs.writeFileSync(path.join(dir, 'tf', 'main.tf'), TF);
    fs.symlinkSync('/dev/zero', path.join(dir, 'tf', 'zero.tf'));
    const run = await runTimed(['check', '--env', 'env', '--tf', 'tf'], dir);
    expectRefused(run, /^tf\/zero\.tf: not a regular file \(a character device\)/m);
  });

  it('a tfvars file that is a FIFO is refused', async () => {
    const dir = caseDir('tfvars-fifo');
    fs.mkdirSync(path.join(dir, 'tf'));
    fs.writeFileSync(path.join(dir, 'tf', 'main.tf'), TF);
    if (!mkfifo(path.join(dir, 'tf', 'terraform.tfvars'))) return;
    const run = await runTimed(['check', '--env', 'env', '--tf', 'tf'], dir);
    expectRefused(run, /^tf\/terraform\.tfvars: not a regular file \(a FIFO\)/m);
  });

  it('a YAML document that is a FIFO is refused', async () => {
    const dir = caseDir('yaml-fifo');
    fs.rmSync(path.join(dir, 'env', 'policy.yaml'));
    if (!mkfifo(path.join(dir, 'env', 'policy.yaml'))) return;
    const run = await runTimed(['validate', '--env', 'env'], dir);
    expectRefused(run, /^env\/policy\.yaml: not a regular file \(a FIFO\)/m);
  });

  it('every kind has a size limit, set by --max-input-size', async () => {
    const dir = caseDir('size-limit');
    fs.mkdirSync(path.join(dir, 'tf'));
    // Larger than every document of the environment, so only the configuration is over the limit.
    fs.writeFileSync(path.join(dir, 'tf', 'main.tf'), `# ${'x'.repeat(300_000)}\n${TF}`);
    fs.writeFileSync(path.join(dir, 'plan.json'), JSON.stringify({ format_version: '1.2', pad: 'x'.repeat(300_000) }));
    const tf = await runTimed(['check', '--env', 'env', '--tf', 'tf', '--max-input-size', '256KiB'], dir);
    expectRefused(tf, /^tf\/main\.tf: file is too large \(\d+ bytes; the limit is 262144 bytes/m);
    const plan = await runTimed(['check', '--env', 'env', '--plan', 'plan.json', '--max-input-size=256KiB'], dir);
    expectRefused(plan, /^plan\.json: file is too large \(\d+ bytes; the limit is 262144 bytes/m);
    const yaml = await runTimed(['validate', '--env', 'env', '--max-input-size', '1KiB'], dir);
    expectRefused(yaml, /^env\/inventory\.yaml: file is too large/m);
  });

  it('a symbolic link loop is named as such', async () => {
    const dir = caseDir('tf-loop');
    fs.mkdirSync(path.join(dir, 'tf'));
    fs.writeFileSync(path.join(dir, 'tf', 'main.tf'), TF);
    fs.symlinkSync('b.tf', path.join(dir, 'tf', 'a.tf'));
    fs.symlinkSync('a.tf', path.join(dir, 'tf', 'b.tf'));
    const run = await runTimed(['check', '--env', 'env', '--tf', 'tf'], dir);
    expectRefused(run, /^tf\/a\.tf: symbolic link loop \(ELOOP\)/m);
  });

  it('a file name that is not UTF-8 is shown escaped, not "no such file"', async () => {
    const dir = caseDir('tf-latin1-name');
    fs.mkdirSync(path.join(dir, 'tf'));
    fs.writeFileSync(path.join(dir, 'tf', 'main.tf'), TF);
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(dir, 'tf') + '/'), Buffer.from([0x6d, 0xe4, 0x69, 0x6e]), Buffer.from('.tf')]), TF);
    const run = await runTimed(['check', '--env', 'env', '--tf', 'tf'], dir);
    expectRefused(run, /^tf\/m\\xe4in\.tf: file name is not valid UTF-8/m);
    expect(run.stderr).not.toContain('no such file');
  });

  it('a file name with an escape sequence is printed escaped', async () => {
    const dir = caseDir('tf-esc-name');
    fs.mkdirSync(path.join(dir, 'tf'));
    fs.writeFileSync(path.join(dir, 'tf', 'main\u001b[2J.tf'), 'resource "x" {');
    const run = await runTimed(['check', '--env', 'env', '--tf', 'tf'], dir);
    expect(run.stderr).not.toContain('\u001b');
    expect(run.stderr).toContain('main\\u001b[2J.tf');
    expect(run.code).toBe(2);
  });

  it('a broken link whose name holds an escape sequence (from the directory listing) is printed escaped', async () => {
    const dir = caseDir('tf-esc-link');
    fs.mkdirSync(path.join(dir, 'tf'));
    fs.writeFileSync(path.join(dir, 'tf', 'main.tf'), TF);
    fs.symlinkSync('nowhere', path.join(dir, 'tf', 'x\u001b]0;pwned\u0007\u202e.tf'));
    const run = await runTimed(['check', '--env', 'env', '--tf', 'tf'], dir);
    expectRefused(run, /^tf\/x\\u001b\]0;pwned\\u0007\\u202e\.tf: broken symbolic link/m);
    for (const c of ['\u001b', '\u0007', '\u202e']) expect(run.stderr).not.toContain(c);
  });
});
