/** Safe YAML parsing: every refused input class, and the pointer → position map. */
import { describe, expect, it } from 'vitest';
import { decodeYamlBytes, MAX_ALIAS_EXPANDED_NODES, MAX_DOCUMENT_BYTES, parseYaml } from '../../checks/core/yaml';

function problemsOf(text: string): string[] {
  const r = parseYaml(text, 'doc.yaml');
  expect(r.value).toBeUndefined();
  return r.problems.map((p) => `${p.line ?? '-'}:${p.column ?? '-'} ${p.path ?? ''} ${p.message}`);
}

describe('parseYaml: accepted input', () => {
  it('builds plain data with YAML 1.2 core types (dates stay strings, yes/no stay strings)', () => {
    const r = parseYaml('a: 2018-01-01\nb: 0o17\nc: yes\nd: ~\ne: [1, "2"]\nf: { g: true }\n', 'doc.yaml');
    expect(r.problems).toEqual([]);
    expect(r.value).toEqual({ a: '2018-01-01', b: 15, c: 'yes', d: null, e: [1, '2'], f: { g: true } });
  });

  it('maps every JSON pointer to its 1-based line and column (pair values at their key)', () => {
    const r = parseYaml('systems:\n  - id: a\n    mlps:\n      level: 3\n  - id: "b/c"\n', 'doc.yaml');
    expect(r.positions.get('')).toEqual({ line: 1, column: 1 });
    expect(r.positions.get('/systems')).toEqual({ line: 1, column: 1 });
    expect(r.positions.get('/systems/0')).toEqual({ line: 2, column: 5 });
    expect(r.positions.get('/systems/0/mlps/level')).toEqual({ line: 4, column: 7 });
    expect(r.positions.get('/systems/1/id')).toEqual({ line: 5, column: 5 });
  });

  it('escapes / and ~ in pointers (RFC 6901)', () => {
    const r = parseYaml('"a/b": { "c~d": 1 }\n', 'doc.yaml');
    expect(r.positions.has('/a~1b/c~0d')).toBe(true);
  });

  it('expands a few aliases', () => {
    const r = parseYaml('x: &a [1, 2]\ny: *a\n', 'doc.yaml');
    expect(r.value).toEqual({ x: [1, 2], y: [1, 2] });
  });

  it('drops a byte-order mark', () => {
    expect(parseYaml('\uFEFFa: 1\n', 'doc.yaml').value).toEqual({ a: 1 });
  });

  it('accepts explicit core tags such as !!str', () => {
    expect(parseYaml('a: !!str 5\n', 'doc.yaml').value).toEqual({ a: '5' });
  });
});

describe('parseYaml: refused input', () => {
  it('syntax errors, with line and column', () => {
    const [p] = problemsOf('a: [1, 2\nb: 3\n');
    expect(p).toMatch(/^\d+:\d+ /);
  });

  it('tabs used for indentation', () => {
    expect(problemsOf('a:\n\tb: 1\n').join('\n')).toContain('tabs are not allowed for indentation');
  });

  it('duplicate keys', () => {
    expect(problemsOf('a: 1\nb: 2\na: 3\n')).toEqual([expect.stringMatching(/^3:1 .*duplicate key/)]);
  });

  it.each([
    ['!!js/function', "a: !!js/function 'function () {}'\n"],
    ['!foo', 'a: !foo 1\n'],
    ['!!binary', 'a: !!binary aGVsbG8=\n'],
    ['!!set', 'a: !!set { x }\n'],
    ['!!python/object', 'a: !!python/object:os.system [ls]\n'],
  ])('custom and language tags: %s', (_tag, text) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toMatch(/tag/i);
  });

  it('alias bombs (billion laughs)', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [prev, cur] of [['a', 'b'], ['b', 'c'], ['c', 'd'], ['d', 'e'], ['e', 'f'], ['f', 'g']]) {
      lines.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(problemsOf(lines.join('\n') + '\n').join('\n')).toContain('too many alias expansions');
  });

  it.each(['__proto__', 'constructor', 'prototype'])('the key %s, anywhere', (key) => {
    expect(problemsOf(`${key}: { polluted: true }\n`)).toEqual([expect.stringContaining(`/${key} key '${key}' is not allowed`)]);
    expect(problemsOf(`a:\n  - b:\n      ${key}: 1\n`)).toEqual([expect.stringMatching(new RegExp(`^3:7 /a/0/b/${key} `))]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('documents over the size limit', () => {
    const big = `a: "${'x'.repeat(MAX_DOCUMENT_BYTES)}"\n`;
    expect(problemsOf(big).join('\n')).toContain('too large');
    expect(decodeYamlBytes(Buffer.from(big), 'doc.yaml').problem?.message).toContain('too large');
  });

  it.each([
    ['an empty file', ''],
    ['only whitespace', '  \n\n'],
    ['only comments', '# nothing here\n'],
  ])('empty documents: %s', (_what, text) => {
    expect(problemsOf(text)).toEqual(['1:1  document is empty']);
  });

  it('binary content (NUL bytes) and invalid UTF-8', () => {
    expect(decodeYamlBytes(Buffer.from([0x61, 0x3a, 0x00, 0x31]), 'doc.yaml').problem?.message).toContain('binary');
    expect(decodeYamlBytes(Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28]), 'doc.yaml').problem?.message).toContain('not valid UTF-8');
    expect(decodeYamlBytes(Buffer.from('a: 兵团云\n'), 'doc.yaml').text).toBe('a: 兵团云\n');
    expect(problemsOf('a: 1\u0000\n').join('\n')).toContain('binary');
  });

  it('several documents in one file', () => {
    expect(problemsOf('a: 1\n---\nb: 2\n').join('\n')).toContain('more than one YAML document');
  });

  it('non-finite numbers and complex keys', () => {
    expect(problemsOf('a: .inf\n').join('\n')).toContain('finite');
    expect(problemsOf('? [a, b]\n: 1\n').join('\n')).toContain('map keys must be plain scalars');
  });

  it('keys that differ in YAML but not in JSON (1 and "1")', () => {
    expect(problemsOf('1: a\n"1": b\n').join('\n')).toContain('duplicate key');
  });

  it.each([
    ['flow', `a: ${'['.repeat(2000)}${']'.repeat(2000)}\n`],
    ['block', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n'],
  ])('documents nested too deeply (%s), in one line', (_what, text) => {
    expect(problemsOf(text)).toEqual([expect.stringContaining('document is nested too deeply')]);
  });

  it('alias amplification: a few aliases of one large anchored list', () => {
    // 20 aliases (well under the alias count) of a list just over the expanded-node budget / 20.
    const items = Array(Math.ceil(MAX_ALIAS_EXPANDED_NODES / 20) + 10).fill('1').join(',');
    const text = `a: &a [${items}]\nb: [${Array(20).fill('*a').join(',')}]\n`;
    expect(problemsOf(text)).toEqual([expect.stringMatching(/^2:\d+ \/b\/\d+.*too many alias expansions/)]);
    // The same list aliased a few times is fine.
    expect(parseYaml(`a: &a [${items}]\nb: [*a, *a]\n`, 'doc.yaml').problems).toEqual([]);
  });

  it.each([
    ['a duplicate key in a list item', 'a: 1\nb:\n  - x: 1\n    x: 2\n', '4:5 /b/0/x duplicate key'],
    ['a duplicate key in a flow map', 'a: {b: 1, b: 2}\n', '1:11 /a/b duplicate key'],
    ['a custom tag on a list item', 'a: [1, !foo 2]\n', "1:8 /a/1 tag '!foo' is not allowed"],
    ['a language tag on a nested value', 'a:\n  b: !!js/function f\n', "2:6 /a/b tag '!!js/function' is not allowed"],
    ['a custom tag on a block list item', 'a:\n  - ok\n  - !foo\n    x: 1\n', "3:5 /a/1 tag '!foo' is not allowed"],
  ])('parser problems name the path in the document: %s', (_what, text, expected) => {
    expect(problemsOf(text)).toEqual([expect.stringContaining(expected)]);
  });

  it('a %YAML 1.1 directive (its yes/no, octal and merge-key meanings differ from YAML 1.2)', () => {
    expect(problemsOf('%YAML 1.1\n---\na: yes\n')).toEqual([expect.stringMatching(/^1:1 .*declares %YAML 1\.1; only YAML 1\.2 is read/)]);
    expect(parseYaml('%YAML 1.2\n---\na: yes\n', 'doc.yaml').value).toEqual({ a: 'yes' });
  });

  it('reports every problem of the file, not just the first', () => {
    expect(problemsOf('a: !foo 1\nb: !bar 2\n')).toHaveLength(2);
  });
});
