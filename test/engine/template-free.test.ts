/**
 * What the normalization walk tells CFG-003 (template-free.ts): a resource whose attributes hold
 * no Unresolved value is known as such and not walked again; any template, an input object that
 * reads as an Unresolved value, or attrs made elsewhere are never taken for template-free.
 */
import { describe, expect, it } from 'vitest';
import { CFG_003 } from '../../policies/cfg/cfg-003-no-smuggled-templates';
import { makeResource } from '../../checks/engine/normalize/resource';
import { knownTemplateFree } from '../../checks/engine/template-free';
import { buildResourceIndex } from '../../checks/engine/resource-index';
import type { Resource, RuleContext } from '../../checks/engine/types';

const made = (body: unknown, inPlace = false): Resource =>
  makeResource({ type: 'kubernetes_config_map_v1', name: 'x', body, stack: 's', file: 'f.tf.json', constructPath: 's/x', inPlace });

const cfg003 = (rs: Resource[]) => CFG_003.check({ resources: buildResourceIndex(rs), hasConfiguration: true, configurationProblems: [] } as unknown as RuleContext);

describe('knownTemplateFree', () => {
  it('knows a body of literals and escaped templates, copied or normalized in place', () => {
    expect(knownTemplateFree(made({ metadata: { name: 'a', labels: { x: '$${not.a.template}' } }, data: ['1', 2, null, { k: 'v' }] }).attrs)).toBe(true);
    expect(knownTemplateFree(made(JSON.parse('{"data": {"k": "v"}}'), true).attrs)).toBe(true);
  });

  it('does not know a body with a template at any depth, one nested too deeply, or an input object that reads as an Unresolved value', () => {
    expect(knownTemplateFree(made({ a: [{ b: { c: [{ d: '${upper(var.x)}' }] } }] }).attrs)).toBe(false);
    expect(knownTemplateFree(made({ a: '%{ if true }x%{ endif }' }, true).attrs)).toBe(false);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 70; i++) deep = { d: deep };
    expect(knownTemplateFree(made(deep).attrs)).toBe(false);
    expect(knownTemplateFree(made({ a: { $unresolved: 'written as such' } }).attrs)).toBe(false);
  });

  it('does not know attrs it did not see made (a resource given other attrs)', () => {
    const r = made({ data: { k: 'v' } });
    expect(knownTemplateFree({ ...r.attrs })).toBe(false);
  });

  it('leaves CFG-003 reporting what it reported: a template, an input object reading as one, in resources made or copied', () => {
    const smuggled = made({ data: { k: '${upper(var.x)}' } });
    const literal = made({ data: { k: { $unresolved: 'upper(x)' } } });
    const copied = { ...made({ data: { k: 'v' } }), attrs: { data: { k: { $unresolved: '${file("x")}' } } } } as Resource;
    const fields = cfg003([made({ data: { k: 'v' } }), smuggled, literal, copied]).map((f) => f.message.en.split(': ')[1].split(' hold')[0]);
    expect(fields).toEqual(['data.k', 'data.k', 'data.k']);
  });
});
