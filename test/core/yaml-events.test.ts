/**
 * The js-yaml reader (checks/core/yaml.ts): positions worked out lazily from stored offsets give
 * the same line:column as the previous reader (the `yaml` package) did, and the edge cases of
 * reading from js-yaml's event stream.
 */
import fc from 'fast-check';
import { CORE_SCHEMA, dump } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES, parseYaml } from '../../checks/core/yaml';
import type { PlainValue } from '../../checks/core/yaml';
import { SourcePositions } from '../../checks/core/source-positions';
import { childPointer } from '../../checks/core/pointer';

/** One of every way a node is written: block and flow collections, quoted keys and values, block scalars, anchors, astral characters. */
const SAMPLE = [
  "# A sample of every way a node is written (its positions were recorded with the previous reader).",
  "name: \"兵团云 测试\"",
  "'quoted key': plain text",
  "centers:",
  "  - id: corps-primary",
  "    zones: [dmz, app, \"data\"]",
  "    capacity: { cpu: 512, memoryGiB: 2048 }",
  "    notes: |",
  "      literal",
  "      block",
  "  - id: 𝒳-center",
  "    summary: >-",
  "      folded",
  "      text",
  "    list:",
  "      - a",
  "      - 'b'",
  "      - [1, 2]",
  "      - { k: v }",
  "      - |",
  "        a block scalar in a list",
  "    tags: [𝒳𝒳, \"兵团\", y]",
  "anchored: &base",
  "  x: 1",
  "  y: [2, 3]",
  "copy: *base",
  "multi: this plain scalar",
  "  runs on",
  "last: ~",
].join('\n') + '\n';

/** Every position of SAMPLE as the previous reader (the `yaml` package, before issue 18) reported it. */
const BEFORE: [string, string][] = [
  ['', '2:1'],
  ['/name', '2:1'],
  ['/quoted key', '3:1'],
  ['/centers', '4:1'],
  ['/centers/0', '5:5'],
  ['/centers/0/id', '5:5'],
  ['/centers/0/zones', '6:5'],
  ['/centers/0/zones/0', '6:13'],
  ['/centers/0/zones/1', '6:18'],
  ['/centers/0/zones/2', '6:23'],
  ['/centers/0/capacity', '7:5'],
  ['/centers/0/capacity/cpu', '7:17'],
  ['/centers/0/capacity/memoryGiB', '7:27'],
  ['/centers/0/notes', '8:5'],
  ['/centers/1', '11:5'],
  ['/centers/1/id', '11:5'],
  ['/centers/1/summary', '12:5'],
  ['/centers/1/list', '15:5'],
  ['/centers/1/list/0', '16:9'],
  ['/centers/1/list/1', '17:9'],
  ['/centers/1/list/2', '18:9'],
  ['/centers/1/list/2/0', '18:10'],
  ['/centers/1/list/2/1', '18:13'],
  ['/centers/1/list/3', '19:9'],
  ['/centers/1/list/3/k', '19:11'],
  ['/centers/1/list/4', '20:9'],
  ['/centers/1/tags', '22:5'],
  ['/centers/1/tags/0', '22:12'],
  ['/centers/1/tags/1', '22:18'],
  ['/centers/1/tags/2', '22:24'],
  ['/anchored', '23:1'],
  ['/anchored/x', '24:3'],
  ['/anchored/y', '25:3'],
  ['/anchored/y/0', '25:7'],
  ['/anchored/y/1', '25:10'],
  ['/copy', '26:1'],
  ['/copy/x', '24:3'],
  ['/copy/y', '25:3'],
  ['/copy/y/0', '25:7'],
  ['/copy/y/1', '25:10'],
  ['/multi', '27:1'],
  ['/last', '29:1'],
];

function problemsOf(text: string): string[] {
  const r = parseYaml(text, 'doc.yaml');
  expect(r.value).toBeUndefined();
  return r.problems.map((p) => `${p.line ?? '-'}:${p.column ?? '-'} ${p.path ?? ''} ${p.message}`);
}

function positionsOf(text: string): [string, string][] {
  const r = parseYaml(text, 'doc.yaml');
  expect(r.problems).toEqual([]);
  return [...r.positions].map(([k, v]) => [k, `${v.line}:${v.column}`]);
}

describe('positions, worked out when asked for', () => {
  it('give the same line:column as the previous reader, for every node of a varied sample', () => {
    expect(positionsOf(SAMPLE)).toEqual(BEFORE);
  });

  it('are the same with CRLF line endings and after a byte-order mark', () => {
    expect(positionsOf(SAMPLE.replace(/\n/g, '\r\n'))).toEqual(BEFORE);
    expect(positionsOf(`\uFEFF${SAMPLE}`)).toEqual(BEFORE);
  });

  it('place an alias copy at the alias, and its inside at the anchored text', () => {
    const r = parseYaml(SAMPLE, 'doc.yaml');
    expect(r.positions.get('/copy')).toEqual({ line: 26, column: 1 });
    expect(r.positions.get('/copy/y/1')).toEqual(r.positions.get('/anchored/y/1'));
  });

  it('answer like a map: has, get, size, keys; nothing for pointers that name no node', () => {
    const r = parseYaml('a:\n  - b: 1\n  -\n"c/d": { "e~f": 2 }\n', 'doc.yaml');
    const p = r.positions;
    expect(p).toBeInstanceOf(SourcePositions);
    expect([...p.keys()]).toEqual(['', '/a', '/a/0', '/a/0/b', '/c~1d', '/c~1d/e~0f']);
    expect(p.size).toBe(6);
    expect(p.get('/c~1d/e~0f')).toEqual({ line: 4, column: 10 });
    // An empty list item has no text of its own: a lookup falls back to its list (checks/core/locate.ts).
    expect(p.has('/a/1')).toBe(false);
    for (const missing of ['/a/2', '/a/00', '/a/-1', '/a/x', '/nope', 'a', '/a/0/b/c']) expect(p.get(missing), missing).toBeUndefined();
  });

  it('every map key in any document js-yaml writes points at that key in the text', () => {
    const key = fc.stringMatching(/^[a-z][a-z0-9-]{0,6}$/);
    const { value } = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean(), fc.constant(null)), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(key, tie('value'), { maxKeys: 3 })),
    }));
    const style = fc.record({ flowLevel: fc.constantFrom(-1, 0, 1, 2), indent: fc.constantFrom(2, 4), quoteStyle: fc.constantFrom('single' as const, 'double' as const), forceQuotes: fc.boolean(), crlf: fc.boolean() });
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }), style, (doc, s) => {
        let text = dump(doc, { schema: CORE_SCHEMA, flowLevel: s.flowLevel, indent: s.indent, quoteStyle: s.quoteStyle, forceQuotes: s.forceQuotes, lineWidth: -1 });
        if (s.crlf) text = text.replace(/\n/g, '\r\n');
        const r = parseYaml(text, 'doc.yaml');
        expect(r.problems).toEqual([]);
        expect(r.value).toEqual(doc);
        const lines = text.split(/\r?\n/);
        const walk = (v: unknown, pointer: string): void => {
          if (Array.isArray(v)) v.forEach((item, i) => walk(item, childPointer(pointer, i)));
          else if (v !== null && typeof v === 'object') {
            for (const [k, item] of Object.entries(v)) {
              const child = childPointer(pointer, k);
              const pos = r.positions.get(child);
              expect(pos, child).toBeDefined();
              expect(lines[pos!.line - 1].slice(pos!.column - 1).replace(/^['"]/, ''), `${child} in\n${text}`).toMatch(new RegExp(`^${k}['"]?:`));
              walk(item, child);
            }
          }
        };
        walk(doc, '');
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading js-yaml events: edge cases', () => {
  it('an alias inside the node it names is a cycle, not endless nesting', () => {
    expect(problemsOf('a: &a [1, *a]\n')).toEqual(['1:11 /a/1 alias *a refers to a node that contains it (a cycle)']);
  });

  it('an alias means the latest anchor of that name before it, also after an alias was expanded', () => {
    expect(parseYaml('a: &x 1\nb: &x 2\nc: *x\n', 'doc.yaml').value).toEqual({ a: 1, b: 2, c: 2 });
    expect(parseYaml('x: &a [&b 1]\ny: &b 2\nz: *a\nw: *b\n', 'doc.yaml').value).toEqual({ x: [1], y: 2, z: [1], w: 2 });
  });

  it('`<<` is an ordinary key (no YAML 1.1 merge)', () => {
    expect(parseYaml('a: &a { x: 1 }\nb:\n  <<: *a\n  y: 2\n', 'doc.yaml').value).toEqual({ a: { x: 1 }, b: { '<<': { x: 1 }, y: 2 } });
  });

  it('tags: %TAG handles and verbatim tags resolve to what they name; only core tags pass', () => {
    expect(parseYaml('%TAG !e! tag:yaml.org,2002:\n---\na: !e!str 5\n', 'doc.yaml').value).toEqual({ a: '5' });
    expect(parseYaml('a: !<tag:yaml.org,2002:str> 5\nb: !!null ~\nc: !!int 0x1F\nd: !!float 1\n', 'doc.yaml').value).toEqual({ a: '5', b: null, c: 31, d: 1 });
    expect(problemsOf('%TAG !! tag:example.com,2000:\n---\na: !!str 5\n')).toEqual(["3:4 /a tag 'tag:example.com,2000:str' is not allowed (only plain YAML 1.2 core data)"]);
    expect(problemsOf('a: !<tag:yaml.org,2002:js/function> x\n')).toEqual(["1:4 /a tag '!!js/function' is not allowed (only plain YAML 1.2 core data)"]);
    expect(problemsOf('a: ! 12\n')).toEqual(["1:4 /a tag '!' is not allowed (only plain YAML 1.2 core data)"]);
    expect(problemsOf('a: !!int abc\n')).toEqual(['1:4 /a the value is not a valid !!int']);
    expect(problemsOf('a: !!seq { b: 1 }\n')).toEqual(["1:4 /a tag '!!seq' is not allowed (only plain YAML 1.2 core data)"]);
  });

  it('a quote left open is reported at its line, not where the parser gave up', () => {
    expect(problemsOf('a: 1\nb: "never closed\nc: 2\n')).toEqual(['2:4  missing closing quote (the quoted text runs on to where the parser stopped)']);
    expect(problemsOf("a: 1\nb: 'never closed\n")).toEqual(['2:4  missing closing quote (the quoted text runs on to where the parser stopped)']);
    // An apostrophe inside plain text opens nothing.
    expect(problemsOf("a: it's\nb: [1,\n2]\n")[0]).toMatch(/^3:1 .*deficient indentation/);
  });

  it('syntax errors never repeat the source text of the line', () => {
    for (const text of ['a: "S3cr3tB@x" tail\n', 'a: !e!S3cr3tB x\n', 'a: !<S3cr3tB x\n', '%TAG !e! x\n%TAG !e! y\n---\na: 1\n']) {
      const problems = problemsOf(text);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^\d+:\d+ /);
      expect(problems[0]).not.toMatch(/S3cr3tB|"!e!"/);
    }
  });

  it('control characters outside escapes, and lone carriage returns, are refused where they are', () => {
    expect(problemsOf('a: ok\nb: x\u0007y\n')).toEqual(['2:5  control character in the text (YAML allows one only as an escape in a double-quoted string, such as \\u0007)']);
    expect(parseYaml('b: "x\\u0007y"\n', 'doc.yaml').value).toEqual({ b: 'x\u0007y' });
    expect(problemsOf('a: 1\rb: 2\n')).toEqual(['1:5  line break is a lone carriage return (\\r); use \\n or \\r\\n line endings']);
  });

  it('a second document is reported at its `---`', () => {
    expect(problemsOf('a: 1\n# two\n---\nb: 2\n')).toEqual(['3:1  more than one YAML document in the file (one document per file)']);
    expect(parseYaml('---\na: 1\n...\n', 'doc.yaml').value).toEqual({ a: 1 });
    expect(problemsOf('---\n')).toEqual(['1:1  document is empty']);
  });

  it('a tagged or anchored key, and an alias as a key', () => {
    expect(parseYaml('!!str 1: a\n&k b: *k\n', 'doc.yaml').value).toEqual({ '1': 'a', b: 'b' });
    expect(problemsOf('a: &k x\n*k : 1\n')).toEqual(['2:1  map keys must be plain scalars']);
  });

  it('nesting deeper than the parser allows is one problem, at its line', () => {
    const text = `a: 1\nb: ${'['.repeat(500)}${']'.repeat(500)}\n`;
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^2:\d+  document is nested too deeply/)]);
  });

  it('a document just under the size limit is read (the limit is on bytes, not characters)', () => {
    const items = Math.floor((MAX_DOCUMENT_BYTES - 16) / 3 / 2) - 10;
    const text = `a: "${'兵'.repeat(items)}"\n`;
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_DOCUMENT_BYTES);
    expect((parseYaml(text, 'doc.yaml').value as Record<string, PlainValue>).a).toHaveLength(items);
  });
});
