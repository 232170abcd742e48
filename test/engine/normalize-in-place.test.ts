/**
 * The normalizer works in place on the reader's own JSON.parse output (normalize/value.ts): the
 * same resource model as a normalized copy, in ordinary objects that V8 keeps in fast mode (the
 * former deep copy into frozen prototype-less objects gave dictionaries: every read was slower).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { NO_KEY_LINES } from '../../checks/engine/normalize/json-keys';
import { normalizeTerraformJson } from '../../checks/engine/normalize/terraform-json';
import { normalizeInPlace, normalizeValue } from '../../checks/engine/normalize/value';
import type { Resource } from '../../checks/engine/types';
import { isUnresolved, str } from '../../checks/engine/values';

/** Every `.tf.json` of the rule fixtures: hand-written configurations of every shape the rules judge. */
function fixtureTexts(dir = path.join(PACKAGE_ROOT, 'test', 'rules')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? fixtureTexts(p) : e.name.endsWith('.tf.json') ? [fs.readFileSync(p, 'utf8')] : [];
  });
}

const readBoth = (text: string): [Resource[], Resource[]] => [
  normalizeTerraformJson(JSON.parse(text), 's', 'f.tf.json', { lines: NO_KEY_LINES, inPlace: false }),
  normalizeTerraformJson(JSON.parse(text), 's', 'f.tf.json', { lines: NO_KEY_LINES, inPlace: true }),
];

function objectsOf(v: unknown, out: object[] = []): object[] {
  if (typeof v !== 'object' || v === null) return out;
  if (!Array.isArray(v)) out.push(v);
  for (const x of Object.values(v)) objectsOf(x, out);
  return out;
}

describe('the in-place normalizer', () => {
  const texts = fixtureTexts();

  it('gives the same resources as a normalized copy, for every fixture configuration', () => {
    expect(texts.length).toBeGreaterThan(100);
    for (const text of texts) {
      const [copied, inPlace] = readBoth(text);
      expect(inPlace).toEqual(copied);
      expect(JSON.stringify(inPlace)).toBe(JSON.stringify(copied));
    }
  });

  it('leaves plain objects in V8 fast mode', () => {
    v8.setFlagsFromString('--allow-natives-syntax');
    const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    let objects = 0;
    for (const text of texts) {
      for (const r of readBoth(text)[1]) {
        for (const o of objectsOf(r.attrs)) {
          expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
          expect(hasFastProperties(o), JSON.stringify(o).slice(0, 200)).toBe(true);
          objects++;
        }
      }
    }
    expect(objects).toBeGreaterThan(1000);
  });

  it('reads templates, escapes, `//` keys and deep nesting as the copy does, each value once', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 70; i++) deep = { d: deep };
    const raw = () => ({ '//': { metadata: { path: 'x' } }, a: '${var.x}', b: '$${not.a.template}', c: ['%%{literal}', { '//': 1, e: '%{if x}y%{endif}' }], deep });
    const copy = normalizeValue(raw()) as Record<string, unknown>;
    const input = raw();
    const inPlace = normalizeInPlace(input) as Record<string, unknown>;
    expect(inPlace).toEqual(copy);
    expect(isUnresolved(inPlace.a)).toBe(true);
    expect(str(inPlace as never, 'b')).toBe('${not.a.template}');
    expect(inPlace.c).toEqual(['%{literal}', { e: { $unresolved: '%{if x}y%{endif}' } }]);
    expect(Object.keys(inPlace)).toEqual(['a', 'b', 'c', 'deep']);
    // The copy leaves its argument as it was.
    const kept = raw();
    normalizeValue(kept);
    expect(kept).toEqual(raw());
  });
});
