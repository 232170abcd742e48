/**
 * The parts of the configuration readers (checks/engine/read/) on the inputs that are easy to get
 * wrong: reference forms, nested and unexpandable dynamic blocks, the HCL scan through strings,
 * heredocs and comments, duplicate JSON keys, variable precedence.
 */
import { describe, expect, it } from 'vitest';
import { expandDynamicBlocks, MAX_DYNAMIC_BLOCKS } from '../../checks/engine/read/dynamic-blocks';
import { findShadowedBlocks } from '../../checks/engine/read/hcl-shadowing';
import { scanJsonKeys } from '../../checks/engine/normalize/json-keys';
import { parseReference, substitute, variableResolver } from '../../checks/engine/read/substitute';
import { bindVariables } from '../../checks/engine/read/variables';
import { fieldPath } from '../../checks/engine/judged-fields';

describe('whole-value references', () => {
  it('parses dotted, indexed and quoted steps; anything else is not a plain reference', () => {
    expect(parseReference('${var.p}')).toEqual({ root: 'var', steps: ['p'] });
    expect(parseReference('${ c.value["img"][0].x }')).toEqual({ root: 'c', steps: ['value', 'img', 0, 'x'] });
    expect(parseReference('${kubernetes_namespace_v1.x.metadata.0.name}')).toEqual({ root: 'kubernetes_namespace_v1', steps: ['x', 'metadata', 0, 'name'] });
    for (const s of ['x-${var.p}', '${var.p}-x', '${var.a}${var.b}', '${upper(var.p)}', '${var.p ? 1 : 2}', '$${var.p}']) expect(parseReference(s), s).toBeUndefined();
  });

  it('replaces only known whole values, deep in lists and maps; keys are never touched', () => {
    const known = new Map<string, unknown>([['p', true], ['m', { a: [1, 2] }]]);
    expect(substitute({ '${var.p}': '${var.p}', l: ['${var.m.a[1]}', 'x-${var.p}', '${var.q}'] }, variableResolver(known))).toEqual({
      '${var.p}': true,
      l: [2, 'x-${var.p}', '${var.q}'],
    });
  });
});

describe('variable binding', () => {
  const declared = new Map([
    ['d', { default: 1, hasDefault: true }],
    ['n', { default: undefined, hasDefault: false }],
    ['e', { default: 'x', hasDefault: true }],
  ]);
  it('default, then each assignment in order; an expression makes the variable unknown even over a default', () => {
    const known = bindVariables(declared, [new Map<string, unknown>([['n', 'a']]), new Map<string, unknown>([['n', 'b'], ['e', '${var.other}']])]);
    expect([...known]).toEqual([
      ['d', 1],
      ['n', 'b'],
    ]);
  });
});

describe('dynamic blocks', () => {
  it('expands nested dynamic blocks with the outer iterator in scope, over lists (key = index) and maps (key = map key)', () => {
    const body = {
      spec: [
        {
          container: [{ name: 'static' }],
          dynamic: {
            container: [
              {
                for_each: [{ name: 'a', ports: { http: 80 } }],
                content: [{ name: '${container.value.name}', dynamic: { port: [{ for_each: '${container.value.ports}', iterator: '${p}', content: [{ name: '${p.key}', host_port: '${p.value}' }] }] } }],
              },
            ],
          },
        },
      ],
    };
    expect(expandDynamicBlocks(body)).toEqual({
      spec: [{ container: [{ name: 'static' }, { name: 'a', port: [{ name: 'http', host_port: 80 }] }] }],
    });
  });

  it('leaves a dynamic block it cannot expand in place, for the CFG rules to report', () => {
    const unknown = { for_each: '${var.x}', content: { name: 'a' } };
    const noContent = { for_each: ['a'] };
    expect(expandDynamicBlocks({ dynamic: { container: [unknown, noContent, { for_each: [], content: {} }] } })).toEqual({ container: [], dynamic: { container: [unknown, noContent] } });
    const many = { for_each: Array.from({ length: MAX_DYNAMIC_BLOCKS + 1 }, (_, i) => i), content: {} };
    expect(expandDynamicBlocks({ dynamic: { port: many } })).toEqual({ dynamic: { port: [many] } });
  });
});

describe('HCL: a block hidden by an argument of the same name', () => {
  it('is found through strings, templates, heredocs and comments, with its path and line', () => {
    const text = [
      '# resource "x" "y" { a = {} a {} }',
      'resource "kubernetes_pod_v1" "p" {',
      '  metadata {',
      '    annotations = { "a" = "x ${ {a = 1}["a"] } }" } // }',
      '  }',
      '  /* security_context {} */',
      '  spec {',
      '    container {',
      '      command = [<<-EOT',
      '        echo } {',
      '        EOT',
      '      ]',
      '      args = ["$${x"]',
      '      security_context = var.sc',
      '      security_context {',
      '        privileged = true',
      '      }',
      '    }',
      '    container { name = "b" }',
      '  }',
      '}',
      'module "m" {',
      '  x = 1',
      '  x {}',
      '}',
      '',
    ].join('\n');
    const found = findShadowedBlocks(text);
    expect(found.map((s) => `${s.type}.${s.name} ${fieldPath([...s.path, { name: s.field }])} :${s.line}`)).toEqual(['kubernetes_pod_v1.p spec.container[0].security_context :15']);
  });
});

describe('JSON: a key written twice in one object', () => {
  it('is found with the path to its object and its line (escaped keys read as JSON reads them)', () => {
    expect(scanJsonKeys('{"a\\\\": 1,\n "b": {"x\\"": 1, "x\\"": 2},\n "a\\\\": [{"k": 1}, {"k": 1, "k": 2}]}').duplicateKeys).toEqual([
      { path: ['b'], key: 'x"', line: 2 },
      { path: [], key: 'a\\', line: 3 },
      { path: ['a\\', 1], key: 'k', line: 3 },
    ]);
  });
});
