/**
 * Issue 14 (6): the shipped integrations, each exercised by running its own commands —
 * `.pre-commit-hooks.yaml` (validate + check on changed environments), the composite GitHub
 * Action `action.yml` (its `run:` steps, in order, as the runner would), the GitLab CI template
 * (its job script: SARIF → code quality, JUnit report) — and the `yaml-language-server` schema
 * line at the top of every shipped environment document.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { sarifValidator } from '../helpers/sarif-schema';
import { runProcess, type ProcessResult } from '../helpers/run-process';
import { tmpFiles } from '../helpers/tmp-files';

const { dir: tmp } = tmpFiles('btyun-integrations-');
const BTYUN = `${process.execPath} ${path.join(PACKAGE_ROOT, 'bin/btyun.js')}`;

/** A folder on PATH whose `npm` records its arguments instead of installing (the install steps). */
function stubNpm(): { bin: string; log: string } {
  const bin = path.join(tmp, 'stub-bin');
  const log = path.join(tmp, 'npm-calls.log');
  fs.mkdirSync(bin, { recursive: true });
  fs.writeFileSync(path.join(bin, 'npm'), `#!/usr/bin/env bash\necho "npm $*" >> '${log}'\n`, { mode: 0o755 });
  return { bin, log };
}
const npm = stubNpm();

function bash(script: string, opts: { cwd: string; env?: Record<string, string> }): Promise<ProcessResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${npm.bin}${path.delimiter}${process.env.PATH ?? ''}` };
  delete env.BTYUN;
  Object.assign(env, opts.env ?? {});
  return runProcess('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], { cwd: opts.cwd, env });
}

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(fs.readFileSync(path.join(PACKAGE_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; exclude?: string; pass_filenames: boolean; language: string }[];
  const changed = ['README.md', 'environments/schemas/policy.schema.json', 'environments/production/topology.yaml', 'environments/production/policy.yaml'];

  /** What pre-commit does: the staged files its `files`/`exclude` select, appended to `entry`. */
  function runHook(id: string, files: string[]): Promise<ProcessResult> {
    const hook = hooks.find((h) => h.id === id)!;
    const selected = files.filter((f) => new RegExp(hook.files).test(f) && !(hook.exclude !== undefined && new RegExp(hook.exclude).test(f)));
    expect(fs.statSync(path.join(PACKAGE_ROOT, hook.entry.split(' ')[0])).mode & 0o111).not.toBe(0); // language: script runs it directly
    return bash([hook.entry, ...selected.map((f) => `'${f}'`)].join(' '), { cwd: PACKAGE_ROOT });
  }

  it('declares validate and check hooks on environment documents', () => {
    expect(hooks.map((h) => h.id)).toEqual(['btyun-validate', 'btyun-check']);
    for (const h of hooks) {
      expect(h.language).toBe('script');
      expect(h.pass_filenames).toBe(true);
      expect(new RegExp(h.files).test('environments/production/inventory.yaml')).toBe(true);
      expect(new RegExp(h.files).test('checks/app/cli/main.ts')).toBe(false);
    }
  });
  it('validate: once per changed environment, exit 0', async () => {
    const r = await runHook('btyun-validate', [...changed, 'environments/baseline-2017/policy.yaml']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toEqual([expect.stringMatching(/^environment production: valid/), expect.stringMatching(/^environment baseline-2017: valid/)]);
  });
  it('check: passes on production, fails the commit on baseline-2017', async () => {
    const ok = await runHook('btyun-check', changed);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/PASS 通过/);
    const bad = await runHook('btyun-check', ['environments/baseline-2017/inventory.yaml']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^\[CRITICAL 严重\] /m); // --quiet --compact: blocking findings, one line each
    expect(bad.stdout).not.toMatch(/^\[MEDIUM/m);
  });
});

interface ActionStep {
  name: string;
  id?: string;
  shell?: string;
  run?: string;
  uses?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}

describe('action.yml (composite GitHub Action)', () => {
  const action = parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
    runs: { using: string; steps: ActionStep[] };
  };

  /** The runner's work: each `run:` step in order with its env (expressions of inputs and step outputs substituted); `uses:` steps are returned. */
  async function runAction(inputs: Record<string, string>): Promise<{ status: number; outputs: Record<string, string>; uses: ActionStep[]; log: string }> {
    const values: Record<string, string> = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
    const outputs: Record<string, Record<string, string>> = {};
    const expr = (s: string): string =>
      s.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, e: string) => {
        const input = /^inputs\.([\w-]+)$/.exec(e);
        if (input) return values[input[1]] ?? '';
        const out = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(e);
        if (out) return outputs[out[1]]?.[out[2]] ?? '';
        throw new Error(`expression not understood by the test: ${e}`);
      });
    const uses: ActionStep[] = [];
    let log = '';
    for (const step of action.runs.steps) {
      if (step.uses !== undefined) {
        uses.push({ ...step, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, expr(String(v))])) });
        continue;
      }
      expect(step.shell).toBe('bash');
      const outFile = path.join(tmp, `github-output-${step.id ?? 'x'}-${Date.now()}`);
      fs.writeFileSync(outFile, '');
      const env: Record<string, string> = { GITHUB_ACTION_PATH: PACKAGE_ROOT, GITHUB_OUTPUT: outFile };
      for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expr(String(v));
      const r = await bash(expr(step.run!), { cwd: PACKAGE_ROOT, env });
      log += r.stdout + r.stderr;
      if (step.id !== undefined) outputs[step.id] = Object.fromEntries(fs.readFileSync(outFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      if (r.status !== 0) return { status: r.status ?? 1, outputs: outputs.check ?? {}, uses, log };
    }
    return { status: 0, outputs: outputs.check ?? {}, uses, log };
  }

  it('is a composite action: install, check, upload SARIF', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps.map((s) => s.name)).toEqual(['Install btyun', 'Check', 'Upload SARIF to code scanning', 'Verdict']);
  });
  it('production: installs, writes a valid SARIF log, uploads it, passes', async () => {
    fs.writeFileSync(npm.log, '');
    const sarif = path.join(tmp, 'action-production.sarif');
    const r = await runAction({ environment: 'production', 'sarif-file': sarif });
    expect(r.status, r.log).toBe(0);
    expect(fs.readFileSync(npm.log, 'utf8')).toBe(`npm ci --prefix ${PACKAGE_ROOT} --no-audit --no-fund\n`);
    expect(r.outputs).toEqual({ 'sarif-file': sarif, 'exit-code': '0' });
    const log = JSON.parse(fs.readFileSync(sarif, 'utf8'));
    expect(sarifValidator()(log)).toBe(true);
    expect(r.uses).toEqual([expect.objectContaining({ uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: sarif, category: 'btyun-production' } })]);
  });
  it('baseline-2017: the SARIF is written (and would be uploaded), then the step fails with exit 1', async () => {
    const sarif = path.join(tmp, 'action-baseline.sarif');
    const r = await runAction({ environment: 'baseline-2017', 'sarif-file': sarif });
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.status).toBe(1);
    expect(JSON.parse(fs.readFileSync(sarif, 'utf8')).runs[0].results.length).toBeGreaterThan(100);
    const upload = action.runs.steps.find((s) => s.uses !== undefined)!;
    expect(upload.if).toContain('always()');
  });
});

describe('GitLab CI template (ci/gitlab/btyun.gitlab-ci.yml)', () => {
  const template = parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'ci/gitlab/btyun.gitlab-ci.yml'), 'utf8')) as Record<
    string,
    { script: string[]; variables: Record<string, string>; artifacts: { when: string; paths: string[]; reports: Record<string, string> } }
  >;
  const job = template['btyun-check'];

  /** A workspace as the runner checks it out: the repository's environments/ and ci/ (linked). */
  function workspace(name: string): string {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const d of ['environments', 'ci']) if (!fs.existsSync(path.join(dir, d))) fs.symlinkSync(path.join(PACKAGE_ROOT, d), path.join(dir, d));
    return dir;
  }
  /** The job's script, line by line in one shell, stopping at the first failure (as GitLab does). */
  function runJob(vars: Record<string, string>, cwd: string): Promise<ProcessResult> {
    return bash(job.script.join('\n'), { cwd, env: { ...job.variables, BTYUN, ...vars } });
  }

  it('declares the JUnit and code quality reports and keeps the SARIF', () => {
    expect(job.artifacts.reports).toEqual({ junit: 'btyun-junit.xml', codequality: 'gl-code-quality-report.json' });
    expect(job.artifacts.paths).toContain('btyun.sarif');
    expect(job.artifacts.when).toBe('always');
  });
  it('production: the job passes; the reports are written', async () => {
    const dir = workspace('gl-production');
    const r = await runJob({ BTYUN_ENV: 'environments/production' }, dir);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'gl-code-quality-report.json'), 'utf8'))).toEqual([]);
    expect(fs.readFileSync(path.join(dir, 'btyun-junit.xml'), 'utf8')).toContain('<testsuites');
  });
  it('baseline-2017: every report is written, code quality issues land on repository files, then the job fails', async () => {
    const dir = workspace('gl-baseline');
    const r = await runJob({ BTYUN_ENV: 'environments/baseline-2017' }, dir);
    expect(r.status).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'btyun.sarif'), 'utf8'));
    expect(sarifValidator()(sarif)).toBe(true);
    const issues = JSON.parse(fs.readFileSync(path.join(dir, 'gl-code-quality-report.json'), 'utf8')) as { check_name: string; severity: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    expect(issues.length).toBe(sarif.runs[0].results.filter((x: { suppressions?: unknown[] }) => !x.suppressions).length);
    for (const i of issues) {
      expect(['info', 'minor', 'major', 'critical', 'blocker']).toContain(i.severity);
      expect(fs.existsSync(path.join(dir, i.location.path)), i.location.path).toBe(true);
      expect(i.location.lines.begin).toBeGreaterThan(0);
    }
    expect(new Set(issues.map((i) => i.fingerprint)).size).toBe(issues.length);
    const junit = path.join(dir, 'btyun-junit.xml');
    expect(fs.readFileSync(junit, 'utf8')).toMatch(/<failure /);
    const lint = spawnSync('xmllint', ['--noout', '--schema', path.join(PACKAGE_ROOT, 'test/fixtures/schemas/junit-10.xsd'), junit], { encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
  });
});

describe('editor schema line', () => {
  it('every shipped environment document starts with a yaml-language-server $schema line pointing at its schema', () => {
    const root = path.join(PACKAGE_ROOT, 'environments');
    const envs = fs.readdirSync(root).filter((d) => d !== 'schemas' && fs.statSync(path.join(root, d)).isDirectory());
    expect(envs).toEqual(expect.arrayContaining(['production', 'baseline-2017']));
    for (const e of envs) {
      for (const doc of DOCUMENT_NAMES) {
        const file = path.join(root, e, `${doc}.yaml`);
        const first = fs.readFileSync(file, 'utf8').split('\n')[0];
        const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
        expect(m, `${e}/${doc}.yaml`).not.toBeNull();
        expect(m![1]).toBe(`../schemas/${doc}.schema.json`);
        expect(fs.existsSync(path.resolve(path.dirname(file), m![1]))).toBe(true);
      }
    }
  });
});
