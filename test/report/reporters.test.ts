import { describe, expect, it } from 'vitest';
import { CHECK_FORMATS, renderCheck } from '../../checks/app/report';
import { renderHtml } from '../../checks/app/report/html';
import { renderJson } from '../../checks/app/report/json';
import { renderJunit } from '../../checks/app/report/junit';
import { renderMarkdown } from '../../checks/app/report/markdown';
import { fingerprint, renderSarif } from '../../checks/app/report/sarif';
import { renderText } from '../../checks/app/report/text';
import { sarifValidator } from '../helpers/sarif-schema';
import { sampleResult } from './sample';

const result = sampleResult();

describe('JSON', () => {
  const doc = JSON.parse(renderJson(result));
  it('has exactly the CLI.md shape and key order', () => {
    // `evaluated`: per rule, what it judged (issue 17): the sample's two suppressions for EXC-001;
    // hand-made rules without `evaluate` report nothing.
    expect(Object.keys(doc)).toEqual(['tool', 'environment', 'asOf', 'summary', 'evaluated', 'findings']);
    expect(doc.evaluated).toEqual({ 'EXC-001': 2 });
    expect(doc.tool).toEqual({ name: 'btyun', version: result.tool.version });
    expect(Object.keys(doc.summary)).toEqual(['critical', 'high', 'medium', 'low', 'info', 'suppressed', 'resources', 'rulesEvaluated']);
    expect(doc.summary).toEqual({ critical: 1, high: 2, medium: 2, low: 0, info: 1, suppressed: 1, resources: 4, rulesEvaluated: 6 });
    expect(doc).not.toHaveProperty('rules');
  });
  it('findings: documented keys in a fixed order, undefined fields omitted', () => {
    const res = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'K8S-902');
    expect(Object.keys(res)).toEqual(['ruleId', 'severity', 'pack', 'title', 'titleZh', 'message', 'messageZh', 'clause', 'remediation', 'remediationZh', 'stack', 'address', 'system', 'file', 'suppressed']);
    const model = doc.findings.find((f: { ruleId: string }) => f.ruleId === 'TOPO-901');
    expect(model.file).toMatch(/topology\.yaml$/);
    expect(model).toMatchObject({ path: '/centers/0/availability', center: 'corps-primary', suppressed: false });
    expect(model).not.toHaveProperty('address');
    expect(typeof model.line).toBe('number');
    const sup = doc.findings.find((f: { suppressed: boolean }) => f.suppressed);
    expect(sup.suppression).toEqual({ reason: '过渡期 <transition> & "quotes"', approvedBy: '兵团网信办', expires: '2019-01-01' });
  });
});

describe('SARIF 2.1.0', () => {
  const validate = sarifValidator();
  const log = JSON.parse(renderSarif(result));

  it('validates against the OASIS schema as published', () => {
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });
  it('the schema catches a broken log (the test can fail)', () => {
    const broken = structuredClone(log);
    broken.runs[0].results[0].level = 'fatal';
    expect(validate(broken)).toBe(false);
    // The committee-draft shape the old output used: `state` is not a property of a suppression.
    const draft = structuredClone(log);
    draft.runs[0].results[0].suppressions = [{ kind: 'external', state: 'accepted' }];
    expect(validate(draft)).toBe(false);
    const standard = structuredClone(log);
    standard.runs[0].results[0].suppressions = [{ kind: 'external', status: 'accepted', justification: 'why' }];
    expect(validate(standard)).toBe(true);
  });
  it('describes rules and results as specified', () => {
    const run = log.runs[0];
    expect(run.tool.driver).toMatchObject({ name: 'btyun', version: result.tool.version });
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(result.rules.map((r) => r.id));
    const k902 = run.tool.driver.rules[ids.indexOf('K8S-902')];
    expect(k902).toMatchObject({ name: 'TitleK8S902', defaultConfiguration: { level: 'error' }, properties: { severity: 'critical', clause: 'GB/T 22239-2019 8.1.4.4', levels: [1, 2, 3, 4] } });
    expect(k902.help.text).toContain('Fix it.');
    for (const r of run.results) expect(ids[r.ruleIndex]).toBe(r.ruleId);
    const res = run.results.find((r: { ruleId: string }) => r.ruleId === 'K8S-902');
    expect(res.level).toBe('error');
    expect(res.locations[0].physicalLocation.artifactLocation.uri).toBe('cdktf.out/stacks/corps-primary/cdk.tf.json');
    expect(res.locations[0].logicalLocations[0]).toEqual({ name: 'kubernetes_service_v1.svc', fullyQualifiedName: 'corps-primary/kubernetes_service_v1.svc', kind: 'resource' });
    const model = run.results.find((r: { ruleId: string }) => r.ruleId === 'TOPO-901');
    expect(model.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    const levels = Object.fromEntries(run.results.map((r: { ruleId: string; level: string }) => [r.ruleId, r.level]));
    expect(levels).toMatchObject({ 'TOPO-901': 'error', 'K8S-901': 'warning', 'INV-901': 'note' });
  });
  it('suppressed findings carry an external suppression; fingerprints are stable and distinct', () => {
    const run = log.runs[0];
    const sup = run.results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    expect(sup).toHaveLength(1);
    expect(sup[0].suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
    expect(sup[0].suppressions[0].justification).toContain('过渡期');
    expect(sup[0].suppressions[0].justification).toContain('兵团网信办');
    const fps = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['btyunFinding/v1']);
    expect(new Set(fps).size).toBe(fps.length);
    // The line does not take part in the identity.
    const f = result.findings[0];
    expect(fingerprint({ ...f, line: 999 })).toBe(fingerprint(f));
  });
});

describe('JUnit', () => {
  const xml = renderJunit(result);
  it('is well-formed XML with one suite per pack, in catalogue order', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites')).toBe(true);
    expect([...xml.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1])).toEqual(['btyun.k8s', 'btyun.topo', 'btyun.inv', 'btyun.exc']);
    expect((xml.match(/<testsuite /g) ?? []).length).toBe((xml.match(/<\/testsuite>/g) ?? []).length);
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#39;)/); // every & escaped
  });
  it('fails only at or above fail-on, skips suppressed, passes clean rules', () => {
    const k8s = /<testsuite name="btyun.k8s" tests="(\d+)" failures="(\d+)" errors="0" skipped="(\d+)"/.exec(xml)!;
    // K8S-901 ×3 targets (2 medium open below fail-on → pass, 1 suppressed → skipped), K8S-902 ×1 (critical → failure), K8S-903 (all).
    expect(k8s.slice(1).map(Number)).toEqual([5, 1, 1]);
    expect(xml).toContain('name="K8S-903 (all)"');
    expect(xml).toContain('<skipped message="suppressed 已豁免: 过渡期 &lt;transition&gt; &amp; &quot;quotes&quot;');
    expect(xml).toMatch(/name="INV-901 [^"]+"[^>]*>\n      <system-out>/); // info is below fail-on: listed, not failed
    const mediumFailOn = renderJunit({ ...result, failOn: 'medium' });
    expect(/<testsuite name="btyun.k8s" tests="5" failures="(\d+)"/.exec(mediumFailOn)![1]).toBe('3');
  });
});

describe('text, markdown, HTML', () => {
  it('text groups by center/stack then system, marks suppressed ones, ends with a summary; colour only when asked', () => {
    const text = renderText(result, { color: false });
    const groups = [...text.matchAll(/^== (.+) ==$/gm)].map((m) => m[1]);
    expect(groups).toEqual(['环境模型 Environment model', '中心/栈 Center/stack: corps-primary', '中心/栈 Center/stack: div-8']);
    expect(text).toContain('-- 系统 System: sys-b --');
    expect(text).toContain('[suppressed 已豁免] [MEDIUM 中危] K8S-901');
    expect(text).toMatch(/Summary 汇总: 1 critical 严重, 2 high 高危, 2 medium 中危, 0 low 低危, 1 info 提示; 1 suppressed 已豁免; 4 resources 资源; 6 rules 规则\. FAIL/);
    expect(text).not.toContain('\x1b[');
    expect(renderText(result, { color: true })).toContain('\x1b[');
  });
  it('text ends with one line per rule with findings, most severe first, before the summary', () => {
    const text = renderText(result, { color: false });
    const block = text.slice(text.indexOf('By rule 按规则:\n'), text.indexOf('Summary 汇总'));
    const lines = block.split('\n').slice(1).filter((l) => l !== '');
    const ids = lines.map((l) => l.match(/^ {2}\[(\w+) .*?\] (\S+) ×/)!.slice(1, 3).join(' ').toLowerCase());
    expect(ids).toEqual([...new Set(result.findings.map((f) => `${f.severity} ${f.ruleId}`.toLowerCase()))]);
    const k901 = result.findings.filter((f) => f.ruleId === 'K8S-901');
    const open = k901.filter((f) => !f.suppressed).length;
    expect(lines.find((l) => l.includes('K8S-901'))).toContain(`×${k901.length} (${open} open 待整改, ${k901.length - open} suppressed 已豁免)`);
    expect(ids.some((i) => i.endsWith('k8s-903'))).toBe(false); // no finding, no line
  });
  it('markdown: summary table and one section per severity present, pipes escaped', () => {
    const md = renderMarkdown(result);
    expect(md).toContain('| critical 严重 | 1 |');
    expect([...md.matchAll(/^## (\w+)/gm)].map((m) => m[1])).toEqual(['critical', 'high', 'medium', 'info']);
    expect(md).toContain('too low \\*now\\*');
    expect(md).toContain('&lt;99.99% \\| too low');
  });
  it('text and markdown show control characters from hostile names as \\u escapes, never raw', () => {
    const hostile = { ...result.findings[0], address: 'kubernetes_pod_v1.x\x1b[2J', message: "container 'c\x1b]0;pwned\x07' is bad\nforged line", messageZh: '容器\r覆盖' };
    const forged = { ...result, findings: [hostile] };
    const text = renderText(forged, { color: false });
    const md = renderMarkdown(forged);
    for (const out of [text, md]) {
      expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
      expect(out).toContain('\\u001b');
    }
    expect(text).toContain("container 'c\\u001b]0;pwned\\u0007' is bad\\u000aforged line");
    expect(text).not.toMatch(/^forged line/m);
  });
  it('HTML is self-contained and escaped', () => {
    const html = renderHtml(result);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|href="(?!#)|url\(/i);
    expect(html).toContain('&lt;99.99% | too low');
    expect(html).not.toContain('<99.99%');
    expect(html).toContain('<h2>逐条结果 Result per rule</h2>');
    expect(html).toContain('corps-primary/kubernetes_deployment_v1.web');
  });
  it('HTML lists every evaluated rule with its outcome (逐条结果)', () => {
    const html = renderHtml(result);
    const section = html.slice(html.indexOf('<h2>逐条结果 Result per rule</h2>'));
    const rows = [...section.matchAll(/<tr class="[^"]*"><td><code>([^<]+)<\/code>.*?<td class="(pass|fail|muted)">/g)].map((m) => `${m[1]} ${m[2]}`);
    const expected = result.rules.map((r) => {
      const open = result.findings.filter((f) => f.ruleId === r.id && !f.suppressed).length;
      const sup = result.findings.filter((f) => f.ruleId === r.id && f.suppressed).length;
      return `${r.id} ${open > 0 ? 'fail' : sup > 0 ? 'muted' : 'pass'}`;
    });
    expect(rows).toEqual(expected);
    expect(rows).toContain('K8S-903 pass'); // a rule with no finding is shown as compliant
    expect(rows.some((r) => r.endsWith('fail'))).toBe(true);
  });
});

describe('determinism', () => {
  it('two runs on the same input give the same bytes in every format', () => {
    const again = sampleResult();
    for (const f of CHECK_FORMATS) expect(renderCheck(again, f)).toBe(renderCheck(result, f));
    expect(renderHtml(again)).toBe(renderHtml(result));
  });
});
