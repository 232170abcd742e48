/**
 * The assessor's HTML report, rendered in process from the mini environment: the section
 * order, self-contained (nothing to fetch, no script), every internal link resolving, the topology
 * drawn from the model, findings worst first with the remediation once per rule, calm colours,
 * escaping, determinism. The browser checks (layout, printing) are test/browser/report.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { buildControlMatrix } from '../../checks/app/report/control-matrix';
import { renderHtml, type ReportContext } from '../../checks/app/report/html';
import type { Environment } from '../../checks/core/types';
import { runChecks, type RunResult } from '../../checks/engine/run';
import type { Rule } from '../../checks/engine/types';
import { migrationView } from '../../checks/plan/plan';
import { loadPatchedMiniEnv } from '../helpers/mini-env';
import { fakeRule, labelled, perResource, resources } from '../engine/helpers';

const AS_OF = '2018-07-01';

function run(env: Environment): RunResult {
  const rs = resources('corps-primary', { kubernetes_deployment_v1: { web: labelled('hrss-social-insurance'), api: labelled('police-case-records') }, kubernetes_service_v1: { svc: labelled('police-case-records') } });
  const rules: Rule[] = [
    perResource('K8S-901', 'deployment', 'medium'),
    perResource('K8S-902', 'service', 'critical'),
    { ...fakeRule('K8S-903', () => [], 'high'), evaluate: () => ({ findings: [], evaluated: 3 }) },
    fakeRule('TOPO-901', () => [{ doc: 'topology', path: '/centers/0/availability', center: 'corps-primary', message: { zh: '可用性不足', en: 'availability too low' } }], 'high'),
  ];
  return runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf: AS_OF });
}

function context(env: Environment, result: RunResult, extra: Partial<ReportContext> = {}): ReportContext {
  return {
    env,
    migration: migrationView(env, AS_OF),
    matrix: buildControlMatrix(result, env),
    inputs: Object.values(env.files).map((file) => ({ file, sha256: 'ab'.repeat(32) })),
    configuration: '--tf infra',
    commit: '0123456789abcdef0123456789abcdef01234567',
    ...extra,
  };
}

const env = loadPatchedMiniEnv([]);
const result = run(env);
const html = renderHtml(result, context(env, result));

const sectionIds = (page: string): string[] => [...page.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);

describe('the report', () => {
  it('has the sections in the order of issue #15', () => {
    expect(sectionIds(html)).toEqual(['scope', 'topology', 'findings', 'capacity', 'timeline', 'systems', 'matrix', 'rules']);
  });

  it('puts the scorecard right after the capacity per center', () => {
    const page = renderHtml(result, context(env, result, { scorecard: { id: 'scorecard', title: '评价 Scorecard', body: '<p>x</p>' } }));
    expect(sectionIds(page)).toEqual(['scope', 'topology', 'findings', 'capacity', 'scorecard', 'timeline', 'systems', 'matrix', 'rules']);
  });

  it('without the model shows what the result holds', () => {
    expect(sectionIds(renderHtml(result))).toEqual(['scope', 'findings', 'rules']);
  });

  it('is self-contained: no script, no stylesheet link, nothing fetched, links only within the page', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|@import|url\(|src=/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
    expect(hrefs.length).toBeGreaterThan(10);
    expect(hrefs.filter((x) => !x.startsWith('#'))).toEqual([]);
  });

  it('every internal link has its target', () => {
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const missing = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]).filter((x) => !ids.has(x));
    expect(missing).toEqual([]);
    expect(ids.size).toBe([...html.matchAll(/ id="([^"]+)"/g)].length); // ids are unique
  });

  it('states scope and provenance: inputs with SHA-256, commit, tool, signature block', () => {
    for (const f of Object.values(env.files)) expect(html).toContain(`<code>${f}</code>`);
    expect(html).toContain('ab'.repeat(32));
    expect(html).toContain('0123456789abcdef0123456789abcdef01234567');
    expect(html).toContain('--tf infra');
    expect(html).toContain(`btyun ${result.tool.version}`);
    expect(html).toContain('测评师 Assessor');
    expect(html).toMatch(/系统 Systems<\/th><td>5 — /);
    expect(html).not.toContain('uncommitted changes');
    expect(renderHtml(result, context(env, result, { commitDirty: true }))).toContain('the environment folder has uncommitted changes');
  });

  it('draws every center and zone of the model in the topology, with the DR pairings and cities', () => {
    const svg = html.slice(html.indexOf('<svg class="topo"'), html.indexOf('</svg>', html.indexOf('<svg class="topo"')));
    for (const c of env.topology.centers) expect(svg).toContain(`data-center="${c.id}"`);
    for (const z of env.networks.zones) expect(svg).toContain(`data-zone="${z.id}"`);
    for (const c of env.topology.centers.filter((x) => x.role === 'division' && x.drTarget !== undefined)) {
      const target = env.topology.centers.find((t) => t.id === c.drTarget)!;
      expect(svg).toContain(`→ 容灾 DR ${target.city}`);
    }
    for (const city of new Set(env.topology.centers.filter((c) => c.role !== 'division').map((c) => c.city))) expect(svg).toContain(`>${city}</text>`);
    expect(svg).toMatch(/同城灾备 same-city DR|异地灾备 remote-city DR/);
  });

  it('draws red only the center an open finding points at (TOPO-901 on /centers/0)', () => {
    const boxClass = (id: string): string => new RegExp(`data-center="${id}"><rect [^>]*class="([^"]*)"`).exec(html)![1];
    const [flagged, ...others] = env.topology.centers;
    expect(boxClass(flagged.id)).toContain('wrong');
    for (const c of others.filter((x) => x.role !== 'division' || x.drTarget !== undefined)) expect(boxClass(c.id), c.id).not.toContain('wrong');
  });

  it('lists findings worst first, each rule once with its remediation once', () => {
    const blocks = [...html.matchAll(/<div class="rule [^"]*" id="r-([A-Z0-9-]+)">/g)].map((m) => m[1]);
    expect(blocks).toEqual(['K8S-902', 'TOPO-901', 'K8S-901']);
    const fixes = [...html.matchAll(/<p class="fix">/g)].length;
    expect(fixes).toBe(blocks.length);
    const toc = html.slice(html.indexOf('<nav aria-label="问题目录'), html.indexOf('</nav>', html.indexOf('<nav aria-label="问题目录')));
    expect([...toc.matchAll(/href="#r-([A-Z0-9-]+)"/g)].map((m) => m[1])).toEqual(blocks);
  });

  it('colours only what is wrong: a compliant rule has no severity colour and is muted', () => {
    const rules = html.slice(html.indexOf('<section id="rules">'));
    const row = rules.split('\n').find((l) => l.includes('<code>K8S-903</code>'))!;
    expect(row).toContain('class="muted"');
    expect(row).not.toContain('class="sev');
    const failing = rules.split('\n').find((l) => l.includes('<code>K8S-902</code>'))!;
    expect(failing).toContain('<span class="sev critical">');
  });

  it('shows each system with its filing, department name, level and findings', () => {
    const systems = html.slice(html.indexOf('<section id="systems">'), html.indexOf('<section id="matrix">'));
    const s = env.inventory.systems.find((x) => x.id === 'police-case-records')!;
    const row = systems.split('\n').find((l) => l.includes('id="s-police-case-records"'))!;
    expect(row).toContain(s.mlps!.filingNumber!);
    expect(row).toContain(s.mlps!.lastAssessment!);
    expect(row).toContain(env.inventory.departments.find((d) => d.id === s.department)!.name.split(' ')[0]);
    expect(row).toContain('href="#r-K8S-902"');
  });

  it('prints on A4 with a running header and page numbers', () => {
    expect(html).toMatch(/@page\{size:A4;/);
    expect(html).toContain('counter(page)');
    expect(html).toContain('@top-left{content:');
    expect(html).toContain('@media print');
  });

  it('escapes text from the model everywhere, the SVG and the running header included', () => {
    const hostile = loadPatchedMiniEnv([
      { op: 'replace', doc: 'topology', path: '/centers/0/name', value: '<img src=x onerror=alert(1)>中心\u202e' },
      { op: 'replace', doc: 'topology', path: '/centers/0/city', value: '"城</text><script>' },
    ]);
    const r = run(hostile);
    const page = renderHtml(r, context(hostile, r));
    expect(page).not.toMatch(/<img|<script|\u202e/);
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;中心\\u202e');
    expect(page).toContain('&quot;城&lt;/text&gt;&lt;script&gt;');
  });

  it('is the same bytes on every run', () => {
    const again = run(env);
    expect(renderHtml(again, context(env, again))).toBe(html);
  });
});
