/**
 * Issue 12 — outputs: a target that is not a regular file is never replaced; `synth --out`
 * deletes only a folder btyun wrote; nothing is written into environments/ or the --env folder;
 * leftovers of interrupted runs are removed. Through the built CLI.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { builtPackage, crashSigns, runBuilt } from './support/built-cli';
import { miniCopy } from './support/envs';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-hostile-out-'));
/** What a failing run could leave in the shipped environments/ (removed, so a red run changes nothing). */
const SHIPPED_LEFTOVERS = [path.join(PACKAGE_ROOT, 'environments', 'production', 'report.json'), path.join(PACKAGE_ROOT, 'environments', 'hostile-new')];
afterAll(() => {
  fs.rmSync(tmpRoot, { recursive: true, force: true });
  for (const p of SHIPPED_LEFTOVERS) fs.rmSync(p, { recursive: true, force: true });
});

function caseDir(name: string): string {
  const dir = path.join(tmpRoot, name);
  miniCopy(path.join(dir, 'env'));
  return dir;
}

/** A PID that is not running. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

/** Whether this user may make device nodes (root, as in CI): the device test needs its own null device. */
function canMakeDevices(): boolean {
  const probe = path.join(tmpRoot, 'mknod-probe');
  const ok = spawnSync('mknod', ['-m', '666', probe, 'c', '1', '3']).status === 0;
  fs.rmSync(probe, { force: true });
  return ok;
}
const DEVICES = canMakeDevices();

describe('issue 12: outputs', () => {
  const deviceTitle = '--output onto a device node (a null device) writes into the device, never replaces it';
  it(DEVICES ? deviceTitle : `${deviceTitle} (mknod not permitted for this user: not run)`, async () => {
    if (!DEVICES) {
      console.warn('hostile-outputs: mknod is not permitted here (not root); the device-node test did not run');
      return;
    }
    const dir = caseDir('dev-null');
    // A private null device (as root, which CI is): the system's /dev/null is never put at risk.
    const dev = path.join(dir, 'null');
    expect(spawnSync('mknod', ['-m', '666', dev, 'c', '1', '3']).status).toBe(0);
    const before = fs.statSync(dev);
    const run = await runBuilt(['check', '--env', 'env', '--format', 'json', '--output', 'null'], dir);
    expect(crashSigns(run.stderr)).toEqual([]);
    expect([0, 1]).toContain(run.code);
    const after = fs.lstatSync(dev);
    expect(after.isCharacterDevice()).toBe(true);
    expect(after.rdev).toBe(before.rdev);
  });

  it('--output onto a FIFO writes into it (a reader gets the report), the FIFO stays', async () => {
    const dir = caseDir('fifo-out');
    const fifo = path.join(dir, 'out.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const cat = new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      const s = fs.createReadStream(fifo);
      s.on('data', (b) => chunks.push(b as Buffer));
      s.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    const run = await runBuilt(['check', '--env', 'env', '--format', 'json', '--output', 'out.fifo'], dir);
    const text = await cat;
    expect(crashSigns(run.stderr)).toEqual([]);
    expect(text).toContain('"summary"');
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it('synth --out onto a clone of the repository (with .git) is refused and nothing is deleted', async () => {
    const dir = caseDir('clone');
    const clone = path.join(dir, 'clone');
    fs.mkdirSync(path.join(clone, '.git'), { recursive: true });
    fs.writeFileSync(path.join(clone, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.mkdirSync(path.join(clone, 'stacks'));
    fs.writeFileSync(path.join(clone, 'stacks', 'synth.ts'), '// source\n');
    fs.writeFileSync(path.join(clone, 'manifest.json'), '{}\n');
    const run = await runBuilt(['synth', '--env', 'env', '--out', 'clone'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/clone: refusing to replace the output folder: .*btyun-synth\.json/);
    expect(fs.readFileSync(path.join(clone, '.git', 'HEAD'), 'utf8')).toContain('refs/heads/main');
    expect(fs.existsSync(path.join(clone, 'stacks', 'synth.ts'))).toBe(true);
  });

  it('synth --out replaces a folder btyun synthesized (the marker) and an empty folder', async () => {
    const dir = caseDir('marker');
    fs.mkdirSync(path.join(dir, 'out'));
    expect((await runBuilt(['synth', '--env', 'env', '--out', 'out'], dir)).code).toBe(0);
    expect(fs.existsSync(path.join(dir, 'out', 'btyun-synth.json'))).toBe(true);
    // Edited since, so not up to date (checks/app/gate/up-to-date.ts): the folder is replaced.
    fs.appendFileSync(path.join(dir, 'out', 'stacks', 'div-8', 'cdk.tf.json'), ' ');
    const again = await runBuilt(['synth', '--env', 'env', '--out', 'out'], dir);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
  });

  it.each([
    ['check --output into the --env folder', (d: string) => ['check', '--env', 'env', '--format', 'json', '--output', 'env/report.json']],
    ['check --output onto an input document', (d: string) => ['check', '--env', 'env', '--format', 'json', '--output', 'env/policy.yaml']],
    ['report --output into the --env folder', (d: string) => ['report', '--env', 'env', '--output', 'env/report.html']],
    ['synth --out into the --env folder', (d: string) => ['synth', '--env', 'env', '--out', 'env/out']],
    ['check --output into the shipped environments/', (d: string) => ['check', '--env', 'env', '--format', 'json', '--output', path.join(PACKAGE_ROOT, 'environments', 'production', 'report.json')]],
    ['gen --out into the shipped environments/', (d: string) => ['gen', '--systems', '17', '--seed', '1', '--out', path.join(PACKAGE_ROOT, 'environments', 'hostile-new')]],
    ['check --output through a symbolic link into the --env folder', (d: string) => {
      fs.symlinkSync(path.join(d, 'env'), path.join(d, 'link'));
      return ['check', '--env', 'env', '--format', 'json', '--output', 'link/report.json'];
    }],
  ])('%s is refused (exit 2)', async (_name, argsOf) => {
    const dir = caseDir(`protect-${_name.replace(/\W+/g, '-')}`);
    const policyBefore = fs.readFileSync(path.join(dir, 'env', 'policy.yaml'));
    const listing = (d: string) => fs.readdirSync(d).sort();
    const envBefore = listing(path.join(dir, 'env'));
    for (const p of SHIPPED_LEFTOVERS) expect(fs.existsSync(p), p).toBe(false);
    const shippedBefore = listing(path.join(PACKAGE_ROOT, 'environments'));
    const prodBefore = listing(path.join(PACKAGE_ROOT, 'environments', 'production'));
    const run = await runBuilt(argsOf(dir), dir);
    expect(run.stderr).toMatch(/refusing to write into the environment/);
    expect(crashSigns(run.stderr)).toEqual([]);
    expect(run.code).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'env', 'policy.yaml'))).toEqual(policyBefore);
    expect(listing(path.join(dir, 'env'))).toEqual(envBefore);
    expect(listing(path.join(PACKAGE_ROOT, 'environments'))).toEqual(shippedBefore);
    expect(listing(path.join(PACKAGE_ROOT, 'environments', 'production'))).toEqual(prodBefore);
  });

  it('a file-size limit hit while writing --output (EFBIG) is one clear line, not an internal error; nothing partial is left', async () => {
    const dir = caseDir('efbig');
    const bin = path.join(builtPackage(), 'bin', 'btyun.js');
    expect((await runBuilt(['synth', '--env', 'env', '--out', 'out'], dir)).code).toBe(0);
    // ulimit -f 4: files up to 4 KiB; the JSON report of the mini environment is larger.
    const r = spawnSync('bash', ['-c', `ulimit -f 4; exec "${process.execPath}" "${bin}" check --env env --synth out --format json --output report.json`], { cwd: dir, encoding: 'utf8' });
    expect(r.stderr).toMatch(/^report\.json: cannot write: file too large for this file system or limit \(EFBIG\)$/m);
    expect(crashSigns(r.stderr)).toEqual([]);
    expect(r.status).toBe(2);
    expect(fs.readdirSync(dir).filter((n) => n.includes('report'))).toEqual([]);
    // The same limit hit by synth (serial or in its workers): one line, exit 2.
    const synth = spawnSync('bash', ['-c', `ulimit -f 4; exec "${process.execPath}" "${bin}" synth --env env --out out2`], { cwd: dir, encoding: 'utf8' });
    expect(synth.stderr).toMatch(/cannot write.*\(EFBIG\)/);
    expect(crashSigns(synth.stderr)).toEqual([]);
    expect(synth.status).toBe(2);
  });

  it('on SIGTERM during synth the run removes its own temporary folders', async () => {
    const dir = caseDir('sigterm');
    const bin = path.join(builtPackage(), 'bin', 'btyun.js');
    const child = spawn(process.execPath, [bin, 'synth', '--env', 'env', '--out', 'out'], { cwd: dir, stdio: 'ignore' });
    const tmp = path.join(dir, `out.tmp-${child.pid}`);
    const started = Date.now();
    while (!fs.existsSync(tmp) && Date.now() - started < 30_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    const sawTmp = fs.existsSync(tmp);
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    if (!sawTmp) return; // finished before the signal could land: nothing to assert
    expect(code).toBe(143);
    const left = fs.readdirSync(dir).filter((n) => n.startsWith('out.'));
    expect(left).toEqual([]);
  });

  it('leftovers of an interrupted synth (tmp, work, old of a dead PID) are removed by the next run', async () => {
    const dir = caseDir('leftovers');
    expect((await runBuilt(['synth', '--env', 'env', '--out', 'out'], dir)).code).toBe(0); // an earlier output
    const pid = deadPid();
    for (const suffix of ['tmp', 'work', 'old']) {
      fs.mkdirSync(path.join(dir, `out.${suffix}-${pid}`, 'stacks'), { recursive: true });
    }
    const live = path.join(dir, `out.tmp-${process.pid}`);
    fs.mkdirSync(live);
    const run = await runBuilt(['synth', '--env', 'env', '--out', 'out'], dir);
    expect(run.code).toBe(0);
    for (const suffix of ['tmp', 'work', 'old']) expect(fs.existsSync(path.join(dir, `out.${suffix}-${pid}`))).toBe(false);
    expect(fs.existsSync(live)).toBe(true); // a running process's folder is left alone
  });

  it('X.old-PID without X (a run died between its two renames) is kept: it is the only copy', async () => {
    const dir = caseDir('only-copy');
    const pid = deadPid();
    fs.mkdirSync(path.join(dir, `out.old-${pid}`, 'stacks'), { recursive: true });
    const run = await runBuilt(['synth', '--env', 'env', '--out', 'out'], dir);
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(dir, `out.old-${pid}`))).toBe(true);
  });
});
