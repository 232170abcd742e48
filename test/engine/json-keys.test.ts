/**
 * The one JSON key scan (normalize/json-keys.ts): keys written twice in one object — also when
 * spelled with escapes, which JSON.parse reads as the same key — and the lines of resource and
 * module keys. The property writes texts whose duplicates and lines are known by construction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanJsonKeys, type DuplicateKey } from '../../checks/engine/normalize/json-keys';

describe('scanJsonKeys', () => {
  it('finds a key written twice, however it is spelled', () => {
    const text = '{"resource": {"t": {"n": {\n"container": {"privileged": false},\n"contain\\u0065r": {"privileged": true}}}}}';
    expect(scanJsonKeys(text).duplicateKeys).toEqual([{ path: ['resource', 't', 'n'], key: 'container', line: 3 }]);
  });

  it('gives the lines of resource and module keys, list forms too, and tells whether a dynamic key is written', () => {
    const text = '{\n "module": {\n  "m": {}\n },\n "resource": [\n  {"a": [\n   {"x": {\n    "dyn\\u0061mic": {}}}]}]}';
    const scan = scanJsonKeys(text);
    expect([scan.lines.line('module'), scan.lines.line('module', 'm'), scan.lines.line('resource'), scan.lines.line('resource', 'a'), scan.lines.line('resource', 'a', 'x')]).toEqual([2, 3, 5, 6, 7]);
    expect(scan.lines.line('resource', 'a', 'x', 'dynamic')).toBeUndefined();
    expect(scan.hasDynamicKey).toBe(true);
    expect(scanJsonKeys('{"resource": {"t": {"n": {"image": "dynamic"}}}}').hasDynamicKey).toBe(false);
  });

  it('finds a key written twice five objects deep, with its line and path', () => {
    const text = ['{"resource": {"t": {"n": {"spec": [{"template": {', '"spec": {"container": {', '"image": "a",', '"image": "b"}}}}]}}}}'].join('\n');
    expect(scanJsonKeys(text).duplicateKeys).toEqual([{ path: ['resource', 't', 'n', 'spec', 0, 'template', 'spec', 'container'], key: 'image', line: 4 }]);
  });

  it('keeps the line of the first of two resources of one name, and reads names of any characters exactly', () => {
    const text = '{"resource": {\n"t": {\n"a\\u0000b": {},\n"a": {},\n"a": {}}}}';
    const scan = scanJsonKeys(text);
    expect([scan.lines.line('resource', 't', 'a\u0000b'), scan.lines.line('resource', 't', 'a'), scan.lines.line('resource', 't\u0000a')]).toEqual([3, 4, undefined]);
    expect(scan.duplicateKeys).toEqual([{ path: ['resource', 't'], key: 'a', line: 5 }]);
  });

  it('records no line below another top-level key, nor of a top-level key other than resource and module', () => {
    const scan = scanJsonKeys('{"provider": {"k": {"n": {}}},\n"resource": {}}');
    expect([scan.lines.line('provider'), scan.lines.line('provider', 'k'), scan.lines.line('provider', 'k', 'n'), scan.lines.line('resource'), scan.lines.line()]).toEqual([undefined, undefined, undefined, 2, undefined]);
  });
});

/** A JSON value written by hand: objects as key lists (keys may repeat), whitespace chosen. */
type Tree = string | Tree[] | { entries: [string, Tree][] };

const KEYS = ['a', 'b', 'resource', 'module', 'k"q', 'back\\slash', '名'];
/** The ways a key may be spelled in the text: as JSON.stringify writes it, or with every character escaped. */
const spell = (key: string, escaped: boolean): string => (escaped ? `"${[...key].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"` : JSON.stringify(key));

const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ maxLength: 6 }),
    fc.array(tie('t'), { maxLength: 3 }),
    fc.record({ entries: fc.array(fc.tuple(fc.constantFrom(...KEYS), tie('t')), { maxLength: 4 }) }),
  ),
})).t;

/** The text of a tree and what the scan must find in it. */
function write(t: Tree, escapes: () => boolean, newline: () => boolean): { text: string; duplicates: DuplicateKey[] } {
  let text = '';
  let line = 1;
  const duplicates: DuplicateKey[] = [];
  const put = (s: string) => {
    text += s;
  };
  const gap = () => {
    if (newline()) {
      put('\n  ');
      line++;
    }
  };
  const value = (v: Tree, path: (string | number)[]): void => {
    if (typeof v === 'string') put(JSON.stringify(v));
    else if (Array.isArray(v)) {
      put('[');
      v.forEach((x, i) => {
        if (i > 0) put(',');
        gap();
        value(x, [...path, i]);
      });
      put(']');
    } else {
      put('{');
      const seen = new Set<string>();
      v.entries.forEach(([k, x], i) => {
        if (i > 0) put(',');
        gap();
        if (seen.has(k)) duplicates.push({ path, key: k, line });
        seen.add(k);
        put(`${spell(k, escapes())}: `);
        value(x, [...path, k]);
      });
      put('}');
    }
  };
  value(t, []);
  return { text, duplicates };
}

describe('scanJsonKeys on written texts', () => {
  it('finds exactly the keys written twice, at their lines, with their paths', () => {
    let withDuplicates = 0;
    fc.assert(
      fc.property(tree, fc.infiniteStream(fc.boolean()), fc.infiniteStream(fc.boolean()), (t, esc, nl) => {
        const e = esc[Symbol.iterator]();
        const l = nl[Symbol.iterator]();
        const { text, duplicates } = write(t, () => e.next().value as boolean, () => l.next().value as boolean);
        JSON.parse(text); // the written text is valid JSON
        expect(scanJsonKeys(text).duplicateKeys).toEqual(duplicates);
        if (duplicates.length > 0) withDuplicates++;
      }),
      { numRuns: 400, seed: 18 },
    );
    expect(withDuplicates).toBeGreaterThan(20);
  });
});
