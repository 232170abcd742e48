/**
 * Issue 14 (5): the controls of CLI.md — -h / --help on every command, `btyun help COMMAND`,
 * did-you-mean, case-insensitive severities, --fail-on none, --skip-rules, --compact, --quiet,
 * progress on stderr only on a terminal, --baseline / --create-baseline with stable fingerprints,
 * absolute --output paths shown as given.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../checks/app/cli/io';
import { didYouMean, editDistance } from '../../checks/app/cli/args';
import { runCli } from '../../checks/app/cli/main';
import { baselineKey } from '../../checks/app/report/fingerprint';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { sarifValidator } from '../helpers/sarif-schema';
import { tmpFiles } from '../helpers/tmp-files';

const { dir: tmp } = tmpFiles('btyun-controls-');
const COMMANDS = ['validate', 'synth', 'check', 'migration', 'rules', 'report', 'gen', 'preflight', 'lists', 'scorecard', 'import'];
const BASE = ['--env', 'baseline-2017', '--as-of', '2018-07-01'];

async function cli(args: string[], opts: { stderrIsTTY?: boolean } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CommandIO = { stdout: (s) => (out += s), stderr: (s) => (err += s), isTTY: false, cwd: PACKAGE_ROOT, ...(opts.stderrIsTTY ? { stderrIsTTY: true } : {}) };
  const code = await runCli(args, io);
  return { code, out, err };
}

describe('help and did-you-mean', () => {
  it('-h, --help and `btyun help COMMAND` print that command’s usage, exit 0', async () => {
    for (const c of COMMANDS) {
      const short = await cli([c, '-h']);
      const long = await cli([c, '--help']);
      const help = await cli(['help', c]);
      expect(short.code, c).toBe(0);
      expect(short.out.startsWith(`usage: btyun ${c}`), c).toBe(true);
      expect(long.out).toBe(short.out);
      expect(help.out).toBe(short.out);
    }
  });
  it('an unknown command or flag gets a did-you-mean (Levenshtein), exit 2', async () => {
    const cmd = await cli(['chek']);
    expect(cmd.code).toBe(2);
    expect(cmd.err).toContain("unknown command 'chek' (did you mean check?)");
    const flag = await cli(['check', '--fromat', 'json']);
    expect(flag.code).toBe(2);
    expect(flag.err).toContain('unknown flag --fromat (did you mean --format?)');
    expect((await cli(['help', 'migraton'])).err).toContain('(did you mean migration?)');
    expect((await cli(['check', '--format', 'sarf'])).err).toContain('(did you mean sarif?)');
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(didYouMean('zzzzzz', ['check'])).toBe('');
  });
});

describe('severities, --fail-on none, --skip-rules, --compact, --quiet', () => {
  it('severities are case-insensitive; an unknown one is refused with a suggestion', async () => {
    const r = await cli(['check', ...BASE, '--fail-on', 'High', '--format', 'json']);
    expect(r.code).toBe(1);
    const bad = await cli(['check', ...BASE, '--fail-on', 'hihg']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('(did you mean high?)');
  });
  it('--fail-on none reports every finding and exits 0', async () => {
    const r = await cli(['check', ...BASE, '--fail-on', 'NONE', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.err).toContain('--fail-on none: exit 0 (soft fail)');
    expect(JSON.parse(r.out).findings.length).toBeGreaterThan(200);
  });
  it('--skip-rules drops the rules, their findings and counts; unknown ids are refused', async () => {
    const all = JSON.parse((await cli(['check', ...BASE, '--format', 'json'])).out);
    const skipped = JSON.parse((await cli(['check', ...BASE, '--skip-rules', 'k8s-016,MLPS-015', '--format', 'json'])).out);
    expect(all.findings.some((f: { ruleId: string }) => f.ruleId === 'K8S-016')).toBe(true);
    expect(skipped.findings.some((f: { ruleId: string }) => f.ruleId === 'K8S-016' || f.ruleId === 'MLPS-015')).toBe(false);
    expect(skipped.evaluated['K8S-016']).toBeUndefined();
    expect(skipped.summary.rulesEvaluated).toBe(all.summary.rulesEvaluated - 2);
    const bad = await cli(['check', ...BASE, '--skip-rules', 'K8S-0166']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("unknown rule id 'K8S-0166'");
  });
  it('--compact prints one line per finding; --quiet only the blocking ones and the summary', async () => {
    const json = JSON.parse((await cli(['check', ...BASE, '--format', 'json'])).out);
    const compact = (await cli(['check', ...BASE, '--compact'])).out.trimEnd().split('\n');
    const lines = compact.filter((l) => /^\[(CRITICAL|HIGH|MEDIUM|LOW|INFO) /.test(l));
    expect(lines).toHaveLength(json.findings.length);
    expect(compact[compact.length - 1]).toMatch(/^Summary 汇总: /);
    const quiet = (await cli(['check', ...BASE, '--quiet', '--compact'])).out.split('\n');
    const blocking = json.findings.filter((f: { severity: string; suppressed: boolean }) => !f.suppressed && (f.severity === 'critical' || f.severity === 'high'));
    expect(quiet.filter((l) => /^\[(CRITICAL|HIGH|MEDIUM|LOW|INFO) /.test(l))).toHaveLength(blocking.length);
    expect(quiet.some((l) => l.startsWith('[MEDIUM'))).toBe(false);
    // The full text prints each rule's fix once (by rule), not once per finding.
    const text = (await cli(['check', ...BASE])).out;
    const fixes = text.split('\n').filter((l) => /^  [A-Z0-9]+-\d{3}: /.test(l));
    expect(fixes.length).toBe(new Set(json.findings.map((f: { ruleId: string }) => f.ruleId)).size);
    expect(text).toContain('fix 整改 (once per rule 每条规则一次):');
  });
});

describe('progress and paths', () => {
  it('progress on stderr only when stderr is a terminal', async () => {
    const piped = await cli(['check', '--env', 'production', '--format', 'json', '--output', path.join(tmp, 'p.json')]);
    expect(piped.err).not.toContain('synthesizing');
    const tty = await cli(['check', '--env', 'production', '--format', 'json', '--output', path.join(tmp, 'p.json')], { stderrIsTTY: true });
    expect(tty.code).toBe(0);
    expect(tty.err).toContain('btyun check: synthesizing the stacks of production');
  });
  it('absolute --output / --out paths are shown as given', async () => {
    const file = path.join(tmp, 'abs.sarif');
    const r = await cli(['check', '--env', 'production', '--format', 'sarif', '--output', file]);
    expect(r.err).toContain(`wrote ${file} `);
    const g = await cli(['gen', '--systems', '20', '--seed', '1', '--out', path.join(tmp, 'g5')]);
    expect(g.out.startsWith(`${path.join(tmp, 'g5')}: `)).toBe(true);
  });
});

describe('--baseline / --create-baseline', () => {
  const file = path.join(tmp, 'baseline.json');

  it('creates a baseline keyed by stable fingerprints (no line numbers); with it, nothing fails and every finding stays visible, marked', async () => {
    const created = await cli(['check', ...BASE, '--create-baseline', file, '--format', 'json']);
    expect(created.code).toBe(1); // creating a baseline does not change this run's verdict
    expect(created.err).toContain(`wrote baseline ${file}`);
    const b = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(b).toMatchObject({ tool: 'btyun', version: 1, environment: 'baseline-2017' });
    expect(b.entries.length).toBeGreaterThan(100);
    for (const e of b.entries) {
      expect(Object.keys(e).some((k) => k === 'line' || k === 'column')).toBe(false);
      expect(e.fingerprint).toBe(baselineKey(e));
    }
    const withBaseline = await cli(['check', ...BASE, '--baseline', file, '--format', 'json']);
    expect(withBaseline.code).toBe(0);
    const doc = JSON.parse(withBaseline.out);
    expect(doc.findings.length).toBe(JSON.parse(created.out).findings.length);
    expect(doc.findings.every((f: { baselined?: boolean }) => f.baselined === true)).toBe(true);
    const text = await cli(['check', ...BASE, '--baseline', file]);
    expect(text.out).toContain('[baselined 基线]');
    expect(text.out).toMatch(/PASS 通过/);
    // SARIF: baselineState on every result, still valid shape.
    const sarif = JSON.parse((await cli(['check', ...BASE, '--baseline', file, '--format', 'sarif'])).out);
    expect(new Set(sarif.runs[0].results.map((r: { baselineState: string }) => r.baselineState))).toEqual(new Set(['unchanged']));
    const validate = sarifValidator();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });

  it('a new finding is not baselined; an entry that matches nothing is reported', async () => {
    const b = JSON.parse(fs.readFileSync(file, 'utf8'));
    const dropped = b.entries.find((e: { ruleId: string }) => e.ruleId === 'NET-003');
    b.entries = b.entries.filter((e: unknown) => e !== dropped);
    b.entries.push({ ruleId: 'K8S-001', stack: 'corps-primary', address: 'kubernetes_deployment_v1.gone', system: 'gone' });
    const edited = path.join(tmp, 'edited.json');
    fs.writeFileSync(edited, JSON.stringify(b));
    const r = await cli(['check', ...BASE, '--baseline', edited, '--format', 'json']);
    expect(r.code).toBe(1); // NET-003 (critical) is new
    const net3 = JSON.parse(r.out).findings.filter((f: { ruleId: string }) => f.ruleId === 'NET-003');
    expect(net3.length).toBeGreaterThan(0);
    expect(net3.every((f: { baselined: boolean }) => f.baselined === false)).toBe(true);
    expect(r.err).toContain('baseline entry matches no finding (fixed? remove it): K8S-001 corps-primary kubernetes_deployment_v1.gone gone');
    const text = await cli(['check', ...BASE, '--baseline', edited]);
    expect(text.out).toContain('baseline 基线: entry matches no finding 未匹配任何问题 — K8S-001 corps-primary kubernetes_deployment_v1.gone gone');
  });

  it('a file that is not a baseline is bad input (exit 2)', async () => {
    const bad = path.join(tmp, 'bad.json');
    fs.writeFileSync(bad, '{"entries": 3}');
    const r = await cli(['check', ...BASE, '--baseline', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not a btyun baseline');
  });
});
