/**
 * Every reporter shows the level a finding was judged at and that level's clause (issue #15): a
 * level-2 system is cited chapter 7, a level-4 one chapter 9 — in text, JSON, SARIF, JUnit and
 * Markdown — and the catalogue and SARIF rule descriptors give the clause of every level.
 */
import { describe, expect, it } from 'vitest';
import { catalogueJson, renderCatalogueMarkdown, renderCatalogueText } from '../../checks/app/report/catalogue';
import { renderJson } from '../../checks/app/report/json';
import { renderJunit } from '../../checks/app/report/junit';
import { renderMarkdown } from '../../checks/app/report/markdown';
import { renderSarif } from '../../checks/app/report/sarif';
import { renderText } from '../../checks/app/report/text';
import { normalizeTerraformJson } from '../../checks/engine/normalize/terraform-json';
import { runChecks } from '../../checks/engine/run';
import { K8S_016 } from '../../policies/k8s/k8s-016-image-digest';
import { sarifValidator } from '../helpers/sarif-schema';
import { loadMiniEnv } from '../helpers/mini-env';

const L2 = 'GB/T 22239-2019 7.1.4.6 可信验证 (trusted verification)';
const L3 = 'GB/T 22239-2019 8.1.4.6 可信验证 (trusted verification)';
const L4 = 'GB/T 22239-2019 9.1.4.6 可信验证 (trusted verification)';

/** Deployments at levels 2, 3 and 4 whose image is pinned by tag only: one K8S-016 finding each. */
function result() {
  const deployment = (level: string) => ({
    metadata: { name: `web-${level}`, namespace: 'apps', labels: { 'xjbt.gov.cn/mlps-level': level } },
    spec: { template: { spec: { container: [{ name: 'app', image: 'registry.xjbt.gov.cn/a/web:1.4.2' }] } } },
  });
  const resources = normalizeTerraformJson({ resource: { kubernetes_deployment_v1: { two: deployment('2'), three: deployment('3'), four: deployment('4') } } }, 'div-8', 'cdktf.out/stacks/div-8/cdk.tf.json');
  return runChecks({ env: loadMiniEnv(), resources, hasConfiguration: true, rules: [K8S_016], asOf: '2026-11-24', failOn: 'high' });
}

const res = result();

describe('reporters carry the judged level and its clause', () => {
  it('the findings themselves: one per level, each citing its own chapter', () => {
    expect(res.findings.map((f) => [f.address, f.level, f.clause]).sort()).toEqual([
      ['kubernetes_deployment_v1.four', 4, L4],
      ['kubernetes_deployment_v1.three', 3, L3],
      ['kubernetes_deployment_v1.two', 2, L2],
    ]);
  });

  it('text: the clause of the level, the level and the test items', () => {
    const text = renderText(res);
    for (const clause of [L2, L3, L4]) expect(text).toContain(`clause 条款: ${clause}`);
    expect(text).toContain('level 等级: 3; test items 测评单元: L3-CES1-24');
    expect(text).toContain('level 等级: 2\n');
    expect(text).not.toContain('8.1.4.6; 9.1.4.6');
  });

  it('json: level and controls after the clause, controls in a fixed key order', () => {
    const doc = JSON.parse(renderJson(res));
    const four = doc.findings.find((f: { address: string }) => f.address === 'kubernetes_deployment_v1.four');
    const keys = Object.keys(four);
    expect(keys.slice(keys.indexOf('clause'), keys.indexOf('clause') + 3)).toEqual(['clause', 'level', 'controls']);
    expect(four).toMatchObject({ level: 4, clause: L4, severity: 'high' });
    expect(four.controls).toEqual([{ clause: '9.1.4.6', part: 'general', name: { zh: '可信验证', en: 'trusted verification' }, testItems: [], verified: false }]);
    const three = doc.findings.find((f: { address: string }) => f.address === 'kubernetes_deployment_v1.three');
    expect(three.controls[0]).toMatchObject({ clause: '8.1.4.6', testItems: ['L3-CES1-24'], verified: true });
  });

  it('sarif: mlpsLevel and the level’s clause on each result; the descriptor gives every level’s clause; still valid', () => {
    const log = JSON.parse(renderSarif(res));
    const run = log.runs[0];
    const props = run.results.map((r: { properties: { mlpsLevel: number; clause: string } }) => [r.properties.mlpsLevel, r.properties.clause]).sort();
    expect(props).toEqual([[2, L2], [3, L3], [4, L4]]);
    expect(run.results.find((r: { properties: { mlpsLevel: number } }) => r.properties.mlpsLevel === 3).properties.testItems).toEqual(['L3-CES1-24']);
    const descriptor = run.tool.driver.rules[0];
    expect(descriptor.properties.levelClauses).toEqual({ '1': 'GB/T 22239-2019 6.1.4.5 可信验证 (trusted verification)', '2': L2, '3': L3, '4': L4 });
    expect(descriptor.help.markdown).toContain(`- level 等级 4: ${L4}`);
    expect(descriptor.help.markdown).toContain(`- level 等级 3: ${L3} — test items 测评单元 L3-CES1-24`);
    const validate = sarifValidator();
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('junit and markdown: the level with its clause', () => {
    const junit = renderJunit(res);
    expect(junit).toContain(`clause 条款: level 等级 4: ${L4}`);
    expect(junit).toContain(`clause 条款: level 等级 2: ${L2}`);
    const md = renderMarkdown(res);
    expect(md).toContain(`level 等级 4: ${L4}`);
    expect(md).toContain(`level 等级 3: ${L3}`);
  });

  it('the catalogue (btyun rules) lists the clause of every level', () => {
    const text = renderCatalogueText([K8S_016]);
    expect(text).toContain(`      level 等级 2: ${L2}`);
    expect(text).toContain(`      level 等级 4: ${L4}`);
    const md = renderCatalogueMarkdown([K8S_016]);
    expect(md).toContain(`L3: ${L3}<br>L4: ${L4}`);
    const [json] = catalogueJson([K8S_016]);
    expect(json.clause).toBe('GB/T 22239-2019 8.1.4.6');
    expect(json.levelClauses).toEqual([
      { level: 1, clause: 'GB/T 22239-2019 6.1.4.5 可信验证 (trusted verification)', testItems: [] },
      { level: 2, clause: L2, testItems: [] },
      { level: 3, clause: L3, testItems: ['L3-CES1-24'] },
      { level: 4, clause: L4, testItems: [] },
    ]);
  });
});
