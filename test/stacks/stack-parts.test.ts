/**
 * Heavy stacks in parts (stacks/parallel/stack-parts.ts, stable-json-file.ts): a part holds one
 * slice of the deployments, the slices cover them all once, the streamed writer writes
 * json-stable-stringify's bytes, and parts that disagree are refused. (That the merged parts are
 * the whole stack's bytes, in process and through the pool: test/scale/parallel-synth.test.ts.)
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mergePartTree, partCount, partSlice } from '../../stacks/parallel/stack-parts';
import { writeStableJsonFile } from '../../stacks/parallel/stable-json-file';
import { synthStackAlone } from '../../stacks/synth';
import { miniEnv } from './fixture-env';

const stableStringify = createRequire(require.resolve('cdktf'))('json-stable-stringify') as (v: unknown, o: { space: number }) => string;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-parts-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe('partSlice and partCount', () => {
  it('cover every deployment once, in order, slices differing by at most one', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    for (const count of [1, 2, 3, 5, 23, 30]) {
      const slices = Array.from({ length: count }, (_, index) => partSlice(items, { index, count }));
      expect(slices.flat(), `count ${count}`).toEqual(items);
      const sizes = slices.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
    expect(partSlice(items, undefined)).toBe(items);
  });

  it('splits only above the limit', () => {
    expect(partCount(0, 600)).toBe(1);
    expect(partCount(600, 600)).toBe(1);
    expect(partCount(601, 600)).toBe(2);
    expect(partCount(1892, 600)).toBe(4);
  });
});

describe('writeStableJsonFile', () => {
  const cases: Record<string, unknown> = {
    nesting: { b: [1, { z: [], y: {} }, [[]]], a: { '': null, A: true, a: false, _: 'x' } },
    keys: { '10': 1, '9': 2, Z: 3, a: 4, é: 5, '𝒳': 6, '\uffff': 7, '"q"': 8, 'line\nbreak': 9 },
    numbers: [0, -0, 1e21, 1.5e-7, -12.25, 2 ** 53 + 2],
    strings: ['', '\u0000\u001f', '\ud800', 'tab\tand "quotes" \\ and 中文', '${templated}'],
    empty: {},
    emptyArray: [],
    scalar: 'just a string',
  };
  for (const [name, value] of Object.entries(cases)) {
    it(`writes json-stable-stringify's bytes: ${name}`, () => {
      const file = path.join(work, `${name}.json`);
      writeStableJsonFile(file, value);
      expect(fs.readFileSync(file, 'utf8')).toBe(stableStringify(value, { space: 2 }));
    });
  }

  it('writes a real stack as cdktf does, across several chunks', () => {
    synthStackAlone(miniEnv(), 'corps-primary', '2018-07-01', path.join(work, 'app'));
    const text = fs.readFileSync(path.join(work, 'app', 'stacks', 'corps-primary', 'cdk.tf.json'), 'utf8');
    const big = { copies: Array.from({ length: 40 }, () => JSON.parse(text) as unknown) };
    const file = path.join(work, 'stack.json');
    writeStableJsonFile(file, big);
    const written = fs.readFileSync(file, 'utf8');
    expect(written.length).toBeGreaterThan(2 << 20); // more than one 1 MiB chunk
    expect(written).toBe(stableStringify(big, { space: 2 }));
  });
});

describe('mergePartTree', () => {
  it('merges objects recursively and keeps values both parts hold alike', () => {
    const into = { resource: { a: { one: { x: 1 } } }, provider: { kubernetes: [{ alias: 'c' }] } };
    mergePartTree(into, { resource: { a: { two: { x: 2 } }, b: { three: {} } }, provider: { kubernetes: [{ alias: 'c' }] } });
    expect(into).toEqual({ resource: { a: { one: { x: 1 }, two: { x: 2 } }, b: { three: {} } }, provider: { kubernetes: [{ alias: 'c' }] } });
  });

  it('refuses parts that disagree on a shared value, naming where', () => {
    expect(() => mergePartTree({ provider: { kubernetes: [{ alias: 'c' }] } }, { provider: { kubernetes: [{ alias: 'd' }] } })).toThrow('stack parts disagree at /provider/kubernetes');
    expect(() => mergePartTree({ a: { b: 1 } }, { a: 'text' })).toThrow('stack parts disagree at /a');
  });
});
