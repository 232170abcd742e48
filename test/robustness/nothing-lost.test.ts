/**
 * Nothing lost: no command writes into environments/; `btyun synth --out` replaces its output
 * atomically (a failed synth leaves the previous output byte-identical, Terraform's working files
 * survive a re-synth); `--output` reports are replaced whole or not at all.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtPackage, crashSigns, spawnNode, type CliRun } from './support/built-cli';
import { miniCopy } from './support/envs';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-lost-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

/** path → sha256 and mtime of every file and folder under `dir`. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      const st = fs.lstatSync(p);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) {
        out[`${rel}/`] = `dir ${st.mtimeMs}`;
        walk(p);
      } else out[rel] = `${crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex')} ${st.mtimeMs} ${st.mode}`;
    }
  };
  walk(dir);
  return out;
}

/**
 * A clone of the built package with its own copy of environments/ (the shared package links to
 * the working tree's, which other work may change): commands run with the default environment
 * read this copy.
 */
function clonePackage(): string {
  const root = path.join(tmpRoot, 'pkg');
  const built = builtPackage();
  fs.mkdirSync(root);
  for (const f of ['package.json', 'cdktf.json']) if (fs.existsSync(path.join(built, f))) fs.copyFileSync(path.join(built, f), path.join(root, f));
  fs.cpSync(path.join(built, 'dist'), path.join(root, 'dist'), { recursive: true });
  fs.cpSync(path.join(built, 'bin'), path.join(root, 'bin'), { recursive: true });
  fs.symlinkSync(fs.realpathSync(path.join(built, 'node_modules')), path.join(root, 'node_modules'));
  fs.cpSync(fs.realpathSync(path.join(built, 'environments')), path.join(root, 'environments'), { recursive: true });
  return root;
}

function btyun(pkg: string, args: string[], cwd: string): Promise<CliRun> {
  return spawnNode([path.join(pkg, 'bin', 'btyun.js'), ...args], cwd);
}

describe('nothing is lost', () => {
  it('no command writes into environments/ (validate, check, migration, synth, report, rules)', async () => {
    const pkg = clonePackage();
    const envs = path.join(pkg, 'environments');
    const before = snapshot(envs);
    expect(Object.keys(before).some((k) => k.endsWith('topology.yaml'))).toBe(true);
    const work = path.join(tmpRoot, 'work');
    fs.mkdirSync(work);
    const asOf = ['--as-of', '2018-07-01'];
    const runs: [string[], CliRun][] = [];
    // One synthesis of the shipped environment; check and report then read it (--synth).
    for (const args of [
      ['validate'],
      ['validate', '--env', 'baseline-2017'],
      ['synth', '--out', 'out'],
      ['check', '--synth', 'out', ...asOf, '--format', 'json', '--output', 'check.json'],
      ['check', '--env', path.join(envs, 'production'), '--synth', 'out', ...asOf, '--format', 'sarif'],
      ['migration', ...asOf],
      ['report', '--synth', 'out', ...asOf, '--output', 'report.html'],
      ['rules'],
    ]) {
      runs.push([args, await btyun(pkg, args, work)]);
    }
    for (const [args, r] of runs) {
      expect([0, 1], `${args.join(' ')}: ${r.stderr}`).toContain(r.code);
      expect(crashSigns(r.stderr)).toEqual([]);
    }
    expect(snapshot(envs)).toEqual(before);
    // The outputs went where they were asked to.
    expect(fs.existsSync(path.join(work, 'check.json'))).toBe(true);
    expect(fs.existsSync(path.join(work, 'report.html'))).toBe(true);
    expect(fs.readdirSync(path.join(work, 'out', 'stacks')).length).toBeGreaterThan(0);
  });

  it('a failed `btyun synth --out` leaves the previous output byte-identical, with no temporary folders left', async () => {
    const work = path.join(tmpRoot, 'synth');
    const env = miniCopy(path.join(work, 'env'));
    const ok = await btyun(builtPackage(), ['synth', '--env', 'env', '--out', 'out'], work);
    expect(ok.code, ok.stderr).toBe(0);
    const before = snapshot(path.join(work, 'out'));
    expect(Object.keys(before).filter((k) => k.endsWith('cdk.tf.json')).length).toBe(4);

    // Broken environment: the synth fails before anything is built.
    const policy = fs.readFileSync(path.join(env, 'policy.yaml'), 'utf8');
    fs.writeFileSync(path.join(env, 'policy.yaml'), 'failOn: [\n');
    const broken = await btyun(builtPackage(), ['synth', '--env', 'env', '--out', 'out'], work);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^env\/policy\.yaml:\d+:\d+: /m);
    expect(snapshot(path.join(work, 'out'))).toEqual(before);

    // An unknown stack: refused, previous output intact.
    fs.writeFileSync(path.join(env, 'policy.yaml'), policy);
    const unknown = await btyun(builtPackage(), ['synth', '--env', 'env', '--stack', 'no-such-center', '--out', 'out'], work);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown stack 'no-such-center'");
    expect(snapshot(path.join(work, 'out'))).toEqual(before);
    expect(fs.readdirSync(work).sort()).toEqual(['env', 'out']);
  });

  it("a re-synth keeps Terraform's working files (.terraform/, state) of the previous output", async () => {
    const work = path.join(tmpRoot, 'resynth');
    miniCopy(path.join(work, 'env'));
    expect((await btyun(builtPackage(), ['synth', '--env', 'env', '--out', 'out'], work)).code).toBe(0);
    const stack = path.join(work, 'out', 'stacks', 'corps-primary');
    fs.mkdirSync(path.join(stack, '.terraform', 'providers'), { recursive: true });
    fs.writeFileSync(path.join(stack, '.terraform', 'providers', 'lock'), 'provider cache');
    fs.writeFileSync(path.join(stack, 'terraform.corps-primary.tfstate'), '{"version":4,"serial":7}');
    expect((await btyun(builtPackage(), ['synth', '--env', 'env', '--out', 'out'], work)).code).toBe(0);
    expect(fs.readFileSync(path.join(stack, '.terraform', 'providers', 'lock'), 'utf8')).toBe('provider cache');
    expect(fs.readFileSync(path.join(stack, 'terraform.corps-primary.tfstate'), 'utf8')).toBe('{"version":4,"serial":7}');
    expect(fs.existsSync(path.join(stack, 'cdk.tf.json'))).toBe(true);
  });

  it('--output: a failing run leaves an existing report untouched and no partial file; a good run replaces it whole', async () => {
    const work = path.join(tmpRoot, 'output');
    const env = miniCopy(path.join(work, 'env'));
    const previous = 'previous report\n'.repeat(10_000);
    for (const name of ['check.json', 'report.html']) fs.writeFileSync(path.join(work, name), previous);
    const policy = fs.readFileSync(path.join(env, 'policy.yaml'), 'utf8');
    fs.writeFileSync(path.join(env, 'policy.yaml'), 'failOn: [\n');
    const failed = [
      await btyun(builtPackage(), ['check', '--env', 'env', '--as-of', '2018-07-01', '--format', 'json', '--output', 'check.json'], work),
      await btyun(builtPackage(), ['report', '--env', 'env', '--as-of', '2018-07-01', '--output', 'report.html'], work),
    ];
    for (const r of failed) expect(r.code).toBe(2);
    for (const name of ['check.json', 'report.html']) expect(fs.readFileSync(path.join(work, name), 'utf8')).toBe(previous);
    expect(fs.readdirSync(work).sort()).toEqual(['check.json', 'env', 'report.html']);

    fs.writeFileSync(path.join(env, 'policy.yaml'), policy);
    const good = await btyun(builtPackage(), ['check', '--env', 'env', '--as-of', '2018-07-01', '--format', 'json', '--output', 'check.json'], work);
    expect(good.code, good.stderr).toBe(0);
    expect(good.stdout).toBe('');
    // Replaced whole: valid JSON, nothing of the longer previous content left at its end.
    const written = fs.readFileSync(path.join(work, 'check.json'), 'utf8');
    expect(written).not.toContain('previous report');
    expect((JSON.parse(written) as { environment: string }).environment).toBe('env');
    expect(fs.readdirSync(work).sort()).toEqual(['check.json', 'env', 'report.html']);
  });

  it('--output into a folder that does not exist is bad input, not a crash', async () => {
    const work = path.join(tmpRoot, 'output-missing');
    miniCopy(path.join(work, 'env'));
    const r = await btyun(builtPackage(), ['check', '--env', 'env', '--as-of', '2018-07-01', '--output', 'nowhere/check.txt'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nowhere\/check\.txt: cannot write/m);
    expect(crashSigns(r.stderr)).toEqual([]);
  });

  it('`btyun synth --out` refuses to replace what is not a cdktf output (a folder of notes, a file, the environment, the current folder)', async () => {
    const work = path.join(tmpRoot, 'foreign-out');
    const env = miniCopy(path.join(work, 'env'));
    fs.mkdirSync(path.join(work, 'notes'));
    fs.writeFileSync(path.join(work, 'notes', 'a.txt'), 'important');
    fs.writeFileSync(path.join(work, 'file.txt'), 'also important');
    const before = snapshot(work);
    for (const out of ['notes', 'file.txt', 'env', '.']) {
      const r = await btyun(builtPackage(), ['synth', '--env', env, '--out', out], work);
      expect(r.code, `${out}: ${r.stderr}`).toBe(2);
      // Named as given to synthEnvironment (the command resolves --out to an absolute path).
      expect(r.stderr).toMatch(/: refusing to replace the output folder: /);
      expect(r.stderr.split('\n').some((l) => l.startsWith(`${path.resolve(work, out)}: `) || l.startsWith(`${out}: `))).toBe(true);
      expect(crashSigns(r.stderr)).toEqual([]);
    }
    expect(snapshot(work)).toEqual(before);
  });
});
