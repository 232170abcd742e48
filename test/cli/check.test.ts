/** `btyun check`, `btyun rules`, `btyun report`: flags, outputs and exit codes, in process and through node bin/btyun.js. */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../checks/app/cli/io';
import { runCli } from '../../checks/app/cli/main';
import { reportRuleErrors } from '../../checks/app/cli/commands/check';
import type { RunResult } from '../../checks/engine/run';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { renderCatalogueMarkdown } from '../../checks/app/report/catalogue';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { ALL_RULES } from '../../policies';
import { MINI_ENV_DIR } from '../helpers/mini-env';
import { tmpFiles } from '../helpers/tmp-files';

const { dir: tmp, write } = tmpFiles('btyun-check-cli-');

/** The mini environment, copied, with extra policy lines. */
function envWith(name: string, policyExtra: string): string {
  const dir = path.join(tmp, 'envs', name);
  fs.mkdirSync(dir, { recursive: true });
  for (const d of DOCUMENT_NAMES) fs.copyFileSync(path.join(MINI_ENV_DIR, `${d}.yaml`), path.join(dir, `${d}.yaml`));
  fs.appendFileSync(path.join(dir, 'policy.yaml'), policyExtra);
  return `envs/${name}`;
}

const EXPIRED = envWith(
  'expired',
  `suppressions:
  - rule: K8S-017
    target: { system: hrss-social-insurance }
    reason: 过渡期例外
    approvedBy: 兵团网信办
    expires: 2018-06-30
`,
);
const CLEAN = envWith('clean', '');
const UNKNOWN_RULE = envWith(
  'unknown-rule',
  `suppressions:
  - rule: K8S-099
    target: { system: hrss-social-insurance }
    reason: 过渡期例外
    approvedBy: 兵团网信办
    expires: 2019-06-30
`,
);
write('tf/main.tf', 'resource "kubernetes_namespace_v1" "ns" {\n  metadata {\n    name = "hrss-social-insurance"\n  }\n}\n');
write('broken/main.tf', 'resource "kubernetes_namespace_v1" "ns" {\n  metadata {\n    name = \n  }\n}\n');

function memoryIO(cwd = tmp): CommandIO & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd, out: () => out.join(''), err: () => err.join('') };
}

async function cli(...argv: string[]) {
  const io = memoryIO();
  const code = await runCli(argv, io);
  return { code, out: io.out(), err: io.err() };
}

const BASE = ['--tf', 'tf', '--rules', 'EXC-001', '--as-of', '2018-07-01'];

describe('btyun check (in process)', () => {
  it('exit 0 when nothing reaches fail-on; JSON names the environment and date', async () => {
    const r = await cli('check', '--env', CLEAN, ...BASE, '--format', 'json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({ environment: 'clean', asOf: '2018-07-01', findings: [], summary: { resources: 1, rulesEvaluated: 1 } });
    expect(r.err).toBe('');
  });

  it('exit 1 for a finding at or above fail-on; 0 when --fail-on is above it', async () => {
    const r = await cli('check', '--env', EXPIRED, ...BASE, '--format', 'json');
    expect(r.code).toBe(1);
    const f = JSON.parse(r.out).findings;
    expect(f.map((x: { ruleId: string; path: string }) => `${x.ruleId} ${x.path}`)).toEqual(['EXC-001 /suppressions/0/expires']);
    expect(f[0].file).toBe('envs/expired/policy.yaml');
    expect(f[0].line).toBeGreaterThan(0);
    expect((await cli('check', '--env', EXPIRED, ...BASE, '--fail-on', 'critical')).code).toBe(0);
    expect((await cli('check', '--env', EXPIRED, ...BASE, '--as-of', '2018-06-30')).code).toBe(0); // not yet expired
  });

  it('a suppression naming a rule outside the catalogue is an EXC-001 finding, even when only EXC-001 is selected', async () => {
    const r = await cli('check', '--env', UNKNOWN_RULE, ...BASE, '--format', 'json');
    expect(r.code).toBe(1);
    const f = JSON.parse(r.out).findings;
    expect(f.map((x: { ruleId: string; path: string }) => `${x.ruleId} ${x.path}`)).toEqual(['EXC-001 /suppressions/0']);
    expect(f[0].message).toContain('K8S-099');
  });

  it('--packs selects whole packs; unknown packs and rules are usage errors (exit 2)', async () => {
    expect((await cli('check', '--env', EXPIRED, '--tf', 'tf', '--packs', 'exc', '--as-of', '2018-07-01')).code).toBe(1);
    const p = await cli('check', '--env', CLEAN, '--tf', 'tf', '--packs', 'exc,nope');
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/^btyun check: unknown pack nope/);
    const r = await cli('check', '--env', CLEAN, '--tf', 'tf', '--rules', 'K8S-999');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/unknown rule K8S-999/);
  });

  it('rejects bad flag values and conflicting inputs before doing any work', async () => {
    for (const [args, msg] of [
      [['--synth', 'a', '--tf', 'b'], /mutually exclusive/],
      [['--as-of', '2018-02-30'], /not a date/],
      [['--format', 'xml'], /--format must be one of/],
      [['--fail-on', 'severe'], /--fail-on must be one of/],
      [['--bogus'], /unknown flag --bogus/],
    ] as const) {
      const r = await cli('check', '--env', CLEAN, ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).toMatch(msg);
      expect(r.out).toBe('');
    }
  });

  it('bad input: one line per problem with file:line:column, exit 2', async () => {
    const r = await cli('check', '--env', CLEAN, '--tf', 'broken', '--rules', 'EXC-001');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^broken\/main\.tf:3:\d+: invalid HCL/);
    expect(r.err).not.toMatch(/\n\s+at /);
    const p = await cli('check', '--env', CLEAN, '--plan', 'tf/main.tf', '--rules', 'EXC-001');
    expect(p.code).toBe(2);
    expect(p.err).toMatch(/^tf\/main\.tf:1:1: invalid JSON/);
  });

  it('--output writes the report atomically, the same bytes as stdout', async () => {
    const stdout = await cli('check', '--env', EXPIRED, ...BASE, '--format', 'sarif');
    const r = await cli('check', '--env', EXPIRED, ...BASE, '--format', 'sarif', '--output', 'out/report.sarif');
    expect(r.code).toBe(2); // folder out/ does not exist
    expect(r.err).toMatch(/out\/report\.sarif: cannot write/);
    fs.mkdirSync(path.join(tmp, 'out'));
    const w = await cli('check', '--env', EXPIRED, ...BASE, '--format', 'sarif', '--output', 'out/report.sarif');
    expect(w.code).toBe(1);
    expect(w.out).toBe('');
    expect(w.err).toBe('btyun check: wrote out/report.sarif — FAIL 不通过 (1 at or above high)\n');
    expect(fs.readFileSync(path.join(tmp, 'out/report.sarif'), 'utf8')).toBe(stdout.out);
    expect(fs.readdirSync(path.join(tmp, 'out'))).toEqual(['report.sarif']);
  });

  it('text by default, without colours when not a terminal; junit and markdown render', async () => {
    const t = await cli('check', '--env', EXPIRED, ...BASE);
    expect(t.out).toContain('[HIGH 高危] EXC-001');
    expect(t.out).not.toContain('\x1b[');
    expect((await cli('check', '--env', EXPIRED, ...BASE, '--format', 'junit')).out).toContain('<testsuite name="btyun.exc" tests="1" failures="1"');
    expect((await cli('check', '--env', EXPIRED, ...BASE, '--format', 'markdown')).out).toContain('## high 高危 (1)');
  });
});

describe('terminal colours and rule errors', () => {
  it('colours text only on a terminal, and not with NO_COLOR or --output', async () => {
    const tty = { ...memoryIO(), isTTY: true };
    const out: string[] = [];
    tty.stdout = (s) => out.push(s);
    await runCli(['check', '--env', EXPIRED, ...BASE], tty);
    expect(out.join('')).toContain('\x1b[');
    process.env.NO_COLOR = '1';
    try {
      const plain: string[] = [];
      await runCli(['check', '--env', EXPIRED, ...BASE], { ...tty, stdout: (s) => plain.push(s) });
      expect(plain.join('')).not.toContain('\x1b[');
    } finally {
      delete process.env.NO_COLOR;
    }
  });
  it('a rule that failed is one stderr line naming it', () => {
    const io = memoryIO();
    const failed = reportRuleErrors({ ruleErrors: [{ ruleId: 'K8S-001', message: 'boom' }] } as unknown as RunResult, io, 'check');
    expect(failed).toBe(true);
    expect(io.err()).toBe('btyun check: internal error in rule K8S-001: boom\n');
  });
});

describe('btyun check without an input flag', () => {
  it('synthesizes the environment first and names files as stacks/<stack>/cdk.tf.json', async () => {
    const r = await cli('check', '--env', CLEAN, '--packs', 'k8s,exc', '--as-of', '2018-07-01', '--fail-on', 'critical', '--format', 'json');
    expect(r.err).toBe('');
    const doc = JSON.parse(r.out);
    expect(doc.summary.resources).toBeGreaterThan(0);
    for (const f of doc.findings.filter((x: { address?: string }) => x.address)) expect(f.file).toMatch(/^stacks\/[^/]+\/cdk\.tf\.json$/);
    expect(r.out).not.toContain(os.tmpdir());
  });
});

describe('btyun rules and report (in process)', () => {
  it('lists the catalogue in text, json and markdown; filters by pack', async () => {
    const json = JSON.parse((await cli('rules', '--format', 'json')).out);
    expect(json.rules.map((r: { id: string }) => r.id)).toEqual(ALL_RULES.map((r) => r.id));
    const exc = JSON.parse((await cli('rules', '--pack', 'exc', '--format', 'json')).out).rules;
    expect(exc).toEqual([
      expect.objectContaining({ id: 'EXC-001', severity: 'high', pack: 'exc', levels: [1, 2, 3, 4] }),
      expect.objectContaining({ id: 'EXC-002', severity: 'low', pack: 'exc', inputs: ['model', 'findings'] }),
      expect.objectContaining({ id: 'EXC-003', severity: 'high', pack: 'exc' }),
    ]);
    expect((await cli('rules', '--pack', 'exc')).out).toContain('EXC-001  [high 高危]');
    expect((await cli('rules', '--pack', 'nope')).code).toBe(2);
    expect((await cli('rules', '--format', 'yaml')).code).toBe(2);
  });

  it('docs/rules.md is the output of `btyun rules --format markdown`', async () => {
    const r = await cli('rules', '--format', 'markdown');
    expect(r.out).toBe(renderCatalogueMarkdown(ALL_RULES));
    expect(fs.readFileSync(path.join(PACKAGE_ROOT, 'docs/rules.md'), 'utf8')).toBe(r.out);
  });

  it('report writes a self-contained HTML file', async () => {
    fs.mkdirSync(path.join(tmp, 'html'), { recursive: true });
    const r = await cli('report', '--env', EXPIRED, '--tf', 'tf', '--rules', 'EXC-001', '--as-of', '2018-07-01', '--output', 'html/report.html');
    expect(r.code).toBe(1);
    expect(r.err).toBe('btyun report: wrote html/report.html — FAIL 不通过 (1 at or above high)\n');
    const html = fs.readFileSync(path.join(tmp, 'html/report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('EXC-001');
    expect(html).not.toMatch(/<script|<link /);
  });
});

describe('btyun check (node bin/btyun.js)', () => {
  // dist/ is compiled by the global setup (test/support/build-once.ts).
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'btyun.js'), ...args], { cwd: tmp, encoding: 'utf8' });

  it('exit statuses 0, 1 and 2, and no stack trace', () => {
    expect(run('check', '--env', CLEAN, ...BASE).status).toBe(0);
    const one = run('check', '--env', EXPIRED, ...BASE, '--format', 'json');
    expect(one.status).toBe(1);
    expect(JSON.parse(one.stdout).summary.high).toBe(1);
    const two = run('check', '--env', CLEAN, '--tf', 'broken', '--rules', 'EXC-001');
    expect(two.status).toBe(2);
    expect(two.stderr).toMatch(/^broken\/main\.tf:3:\d+: invalid HCL/);
    expect(two.stderr).not.toMatch(/\n\s+at /);
    const missing = run('check', '--env', CLEAN, '--synth', 'no-such-dir');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('no-such-dir: no such directory\n');
  });
});
