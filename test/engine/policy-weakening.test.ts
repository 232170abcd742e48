/**
 * Regression tests for issue 11, item 5: every way the policy could weaken the gate silently.
 * "A severity override `K8S-001: info` silently turns a critical finding into info (nothing in any
 * output says it was critical); disabling packs or setting audit retention to 1 day weakens the
 * gate just as silently. A suppression that matches nothing is silent. A zero-width-space reason
 * and approver count as given; `expires: 9999-12-31` is accepted."
 * Each case failed on the code before EXC-002/EXC-003 and the honest suppressions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exitStatusOf, runChecks } from '../../checks/engine/run';
import { runSession } from '../../checks/app/session';
import { evaluateGate } from '../../checks/app/gate/evaluate';
import { normalizeTerraformJson } from '../../checks/engine/normalize/terraform-json';
import type { Finding } from '../../checks/engine/types';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { renderCheck } from '../../checks/app/report';
import { renderHtml } from '../../checks/app/report/html';
import { overriddenSeverity, reviewPolicy } from '../../checks/engine/effective-policy';
import { isBlankToReader } from '../../checks/core/reader-text';
import { ALL_RULES, ruleById } from '../../policies';
import { loadPatchedMiniEnv, miniData, toSources } from '../helpers/mini-env';
import { applyPatch, type PatchOp } from '../helpers/patch';
import { tmpFiles } from '../helpers/tmp-files';

const AS_OF = '2018-07-01';
const CATALOGUE_IDS = ALL_RULES.map((r) => r.id);
/** A deployment whose init container runs privileged (K8S-001, critical). */
const PRIVILEGED_TEXT = fs.readFileSync(path.join(PACKAGE_ROOT, 'test/rules/K8S-001/fail/main.tf.json'), 'utf8');
const PRIVILEGED = normalizeTerraformJson(JSON.parse(PRIVILEGED_TEXT), 'corps-primary', 'stacks/corps-primary/cdk.tf.json');
const TARGET = { resource: 'corps-primary/kubernetes_deployment_v1.web' };
const APPROVAL = { reason: '厂商镜像整改期 vendor image being rebuilt', approvedBy: '兵团网信办 张工', expires: '2018-12-31' };

function check(ops: PatchOp[], opts: { rules?: string[]; configuration?: boolean } = {}) {
  const env = loadPatchedMiniEnv(ops);
  const rules = opts.rules ? opts.rules.map((id) => ruleById(id)!) : ALL_RULES;
  const configuration = opts.configuration ?? true;
  return runChecks({ env, resources: configuration ? PRIVILEGED : [], hasConfiguration: configuration, rules, asOf: AS_OF, knownRuleIds: CATALOGUE_IDS });
}

const policy = (p: string, value: unknown): PatchOp => ({ op: 'add', doc: 'policy', path: p, value });
const of = (findings: readonly Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);

describe('a severity override below the default', () => {
  it('K8S-001: info without an approval takes no effect and is an EXC-003 finding at its line', () => {
    const r = check([policy('/severityOverrides', { 'K8S-001': 'info' })]);
    expect(of(r.findings, 'K8S-001').map((f) => f.severity)).toEqual(['critical']);
    const exc = of(r.findings, 'EXC-003');
    expect(exc).toHaveLength(1);
    expect(exc[0]).toMatchObject({ severity: 'high', path: '/severityOverrides/K8S-001', suppressed: false });
    expect(exc[0].file).toMatch(/policy\.yaml$/);
    expect(exc[0].line).toEqual(expect.any(Number));
    expect(exc[0].message).toMatch(/K8S-001/);
    expect(exc[0].messageZh).toMatch(/K8S-001/);
    expect(exitStatusOf(r)).toBe(1);
  });

  it('approved, it lowers the finding, and every output shows the default severity beside it', () => {
    const r = check([
      policy('/severityOverrides', { 'K8S-001': 'info' }),
      policy('/policyExceptions', [{ setting: '/severityOverrides/K8S-001', value: 'info', ...APPROVAL }]),
    ]);
    const k = of(r.findings, 'K8S-001');
    expect(k.map((f) => [f.severity, f.defaultSeverity])).toEqual([['info', 'critical']]);
    expect(of(r.findings, 'EXC-003')).toEqual([]);
    expect(renderCheck(r, 'text')).toContain('[INFO 提示, default 默认 CRITICAL 严重]');
    expect(JSON.parse(renderCheck(r, 'json')).findings.find((f: Finding) => f.ruleId === 'K8S-001').defaultSeverity).toBe('critical');
    const sarif = JSON.parse(renderCheck(r, 'sarif'));
    const result = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'K8S-001');
    expect(result.properties).toMatchObject({ severity: 'info', defaultSeverity: 'critical' });
    expect(renderCheck(r, 'junit')).toMatch(/\[info 提示, default 默认 critical 严重\] /);
    expect(renderCheck(r, 'markdown')).toMatch(/\| K8S-001<br>default 默认 critical 严重 \|/);
    expect(renderHtml(r)).toContain('default 默认 critical 严重');
  });

  it('an approval for another value does not cover the override', () => {
    const r = check([
      policy('/severityOverrides', { 'K8S-001': 'info' }),
      policy('/policyExceptions', [{ setting: '/severityOverrides/K8S-001', value: 'medium', ...APPROVAL }]),
    ]);
    expect(of(r.findings, 'K8S-001').map((f) => f.severity)).toEqual(['critical']);
    expect(of(r.findings, 'EXC-003')[0].message).toMatch(/medium/);
  });

  it('raising a severity needs no approval and is not reported', () => {
    const r = check([policy('/severityOverrides', { 'K8S-017': 'critical' })]);
    expect(of(r.findings, 'EXC-003')).toEqual([]);
  });
});

describe('a pack left out of policy.packs', () => {
  const files = tmpFiles('btyun-weakening-');
  function writeEnv(name: string, ops: PatchOp[]): string {
    const sources = toSources(applyPatch(miniData(), ops), (doc) => `${doc}.yaml`);
    for (const doc of DOCUMENT_NAMES) files.write(`${name}/${doc}.yaml`, sources[doc].text);
    return path.join(files.dir, name);
  }
  const synth = files.write('synth/corps-primary/main.tf.json', PRIVILEGED_TEXT);

  it('still runs, and EXC-003 names the packs line', async () => {
    const envDir = writeEnv('no-k8s', [policy('/packs', ['topo', 'net', 'inv', 'mig', 'mlps', 'cfg', 'exc'])]);
    const r = await runSession({ envRef: envDir, source: { kind: 'synth', dir: path.dirname(synth) }, asOf: AS_OF, cwd: files.dir });
    expect(of(r.findings, 'K8S-001')).toHaveLength(1);
    const exc = of(r.findings, 'EXC-003');
    expect(exc.map((f) => f.path)).toEqual(['/packs']);
    expect(exc[0].message).toMatch(/k8s/);
    expect(exitStatusOf(r)).toBe(1);
  });

  it('still runs in the synth gate, which refuses the privileged container', () => {
    const env = loadPatchedMiniEnv([policy('/packs', ['topo', 'net', 'inv', 'mig', 'mlps', 'cfg', 'exc'])]);
    const decision = evaluateGate(env, new Map([['corps-primary', JSON.parse(PRIVILEGED_TEXT)]]), ['corps-primary'], { asOf: AS_OF });
    expect(decision.blocking.map((f) => f.ruleId)).toContain('K8S-001');
    expect(decision.blocking.map((f) => f.ruleId)).toContain('EXC-003');
  });
});

describe('parameters below their legal or plan floor', () => {
  it('audit retention of 1 day keeps the six-month floor (184 days): MLPS-010 judges against 184', () => {
    const r = check([policy('/auditLogRetentionDays', 1), { op: 'replace', doc: 'topology', path: '/auditLogStore/retentionDays', value: 30 }], { configuration: false });
    expect(of(r.findings, 'MLPS-010').map((f) => f.message)).toEqual([expect.stringContaining('less than the required 184')]);
    expect(of(r.findings, 'EXC-003').map((f) => f.path)).toEqual(['/auditLogRetentionDays']);
  });

  it('the default audit-log floor is 184 days: 180 days are not six calendar months', () => {
    const r = check([{ op: 'replace', doc: 'topology', path: '/auditLogStore/retentionDays', value: 180 }], { configuration: false });
    expect(of(r.findings, 'MLPS-010')).toHaveLength(1);
  });

  it('an availability floor under 99.99 % keeps 99.99 %', () => {
    const r = check([policy('/carrierGradeAvailability', 99.5), { op: 'replace', doc: 'topology', path: '/centers/3/availability', value: 99.9 }], { configuration: false });
    expect(of(r.findings, 'TOPO-005')).toHaveLength(1);
    expect(of(r.findings, 'EXC-003').map((f) => f.path)).toEqual(['/carrierGradeAvailability']);
  });

  it('fail-on critical keeps failing at high', () => {
    // TOPO-002 (high): both DR centers in the primary's city.
    const r = check([policy('/failOn', 'critical'), { op: 'replace', doc: 'topology', path: '/centers/2/city', value: '乌鲁木齐市' }], { rules: ['TOPO-002', 'EXC-003'], configuration: false });
    expect(of(r.findings, 'TOPO-002')).toHaveLength(1);
    expect(r.failOn).toBe('high');
    expect(of(r.findings, 'EXC-003').map((f) => f.path)).toEqual(['/failOn']);
    expect(exitStatusOf(r)).toBe(1);
  });

  it('an approved weakening takes effect and is not reported', () => {
    const r = check(
      [policy('/auditLogRetentionDays', 90), policy('/policyExceptions', [{ setting: '/auditLogRetentionDays', value: 90, ...APPROVAL }]), { op: 'replace', doc: 'topology', path: '/auditLogStore/retentionDays', value: 90 }],
      { configuration: false },
    );
    expect(of(r.findings, 'MLPS-010')).toEqual([]);
    expect(of(r.findings, 'EXC-003')).toEqual([]);
  });

  it('a horizon beyond one year needs an approval too: otherwise suppressions are judged at 366 days', () => {
    const r = check([
      policy('/exceptionHorizonDays', 100000),
      policy('/suppressions', [{ rule: 'K8S-001', target: TARGET, ...APPROVAL, expires: '2030-01-01' }]),
    ]);
    expect(of(r.findings, 'K8S-001').map((f) => f.suppressed)).toEqual([false]);
    expect(of(r.findings, 'EXC-003').map((f) => f.path)).toEqual(['/exceptionHorizonDays']);
  });
});

describe('suppressions', () => {
  it('one that matches no finding is an EXC-002 finding at its entry', () => {
    const r = check([policy('/suppressions', [{ rule: 'K8S-001', target: TARGET, ...APPROVAL }, { rule: 'K8S-017', target: { system: 'no-such-system' }, ...APPROVAL }])]);
    expect(of(r.findings, 'K8S-001').map((f) => f.suppressed)).toEqual([true]);
    const stale = of(r.findings, 'EXC-002');
    expect(stale.map((f) => [f.path, f.severity])).toEqual([['/suppressions/1', 'low']]);
    expect(stale[0].file).toMatch(/policy\.yaml$/);
  });

  it('one whose rule was not run is not judged', () => {
    const r = check([policy('/suppressions', [{ rule: 'NET-004', target: { system: 'hrss-social-insurance' }, ...APPROVAL }])], { rules: ['K8S-001', 'EXC-002'] });
    expect(of(r.findings, 'EXC-002')).toEqual([]);
  });

  it('a zero-width reason and approver count as missing', () => {
    const r = check([policy('/suppressions', [{ rule: 'K8S-001', target: TARGET, ...APPROVAL, reason: '\u200b', approvedBy: '\u2060\ufeff \u200d' }])]);
    expect(of(r.findings, 'K8S-001').map((f) => f.suppressed)).toEqual([false]);
    expect(of(r.findings, 'EXC-001').map((f) => f.message)).toEqual([expect.stringMatching(/gives no reason; names no approver/)]);
  });

  it('expires: 9999-12-31 is refused (more than the horizon ahead)', () => {
    const r = check([policy('/suppressions', [{ rule: 'K8S-001', target: TARGET, ...APPROVAL, expires: '9999-12-31' }])]);
    expect(of(r.findings, 'K8S-001').map((f) => f.suppressed)).toEqual([false]);
    expect(of(r.findings, 'EXC-001').map((f) => f.path)).toEqual(['/suppressions/0/expires']);
  });
});

describe('the pieces, as pure functions', () => {
  it('isBlankToReader: whitespace, zero-width, control and bidi characters only are blank; any visible character is not', () => {
    for (const blank of [undefined, '', '  \t\n', '\u200b', '\u200c\u200d', '\u2060', '\ufeff', '\u00ad', '\u0001\u007f', '\u0085\u009f', '\u202e\u2066\u2069', '\u200e\u200f', '\u3000', '\u2800']) {
      expect(isBlankToReader(blank), JSON.stringify(blank)).toBe(true);
    }
    for (const text of ['张三', 'a', '\u200bx', '0', '-']) expect(isBlankToReader(text), text).toBe(false);
  });

  it('an override only raises a finding unless its lowering is approved (a level-raised finding is never lowered by the short form)', () => {
    const written = loadPatchedMiniEnv([policy('/severityOverrides', { 'K8S-016': 'medium', 'K8S-001': 'info' })]).policy;
    const review = reviewPolicy(written, AS_OF, ALL_RULES);
    expect(overriddenSeverity(review, 'K8S-016', 'low')).toBe('medium');
    expect(overriddenSeverity(review, 'K8S-016', 'high')).toBe('high');
    expect(overriddenSeverity(review, 'K8S-001', 'critical')).toBe('critical');
    expect(review.effective.severityOverrides).toEqual({ 'K8S-016': 'medium' });
  });
});
