/**
 * The synthesis shortcuts of issue 18 (stacks/parallel/resolve-once.ts, token-traces.ts,
 * release-tokens.ts) change no byte: every stack synthesized alone, each token resolved once, is
 * what cdktf's own three-pass synthesis of every stack in one app writes — and the shortcuts are
 * really taken (the skipped passes are counted), or fall back to cdktf where a tree is not settled.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { App, Lazy, LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import { loadEnvironment } from '../../checks/core/load';
import type { Environment } from '../../checks/core/types';
import { constructStacks, stackIds, stacksTerraform, synthEnvironment, synthStackAlone, UNGATED_TEMPORARY_OUTPUT } from '../../stacks/synth';
import { resolveOnce } from '../../stacks/parallel/resolve-once';
import { withoutTokenTraces } from '../../stacks/parallel/token-traces';
import { cli, tempDir } from '../scale/support';

const AS_OF = '2026-11-01';
const work = tempDir('btyun-resolve-once-');
let env: Environment;
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  expect((await cli(['gen', '--systems', '60', '--seed', '5', '--out', 'env'], work)).code).toBe(0);
  env = loadEnvironment(path.join(work, 'env'), { cwd: work });
});

type Resolve = (scope: unknown, obj: unknown, preparing?: boolean) => unknown;
const tokens = createRequire(require.resolve('cdktf'))('./_tokens') as { resolve: Resolve };

/** Counts cdktf's preparing passes and whole-tree passes while `run` executes. */
function countPasses(run: () => void): { preparing: number; wholeTree: number } {
  const counts = { preparing: 0, wholeTree: 0 };
  const original = tokens.resolve;
  tokens.resolve = (scope, obj, preparing) => {
    if (preparing) counts.preparing++;
    if (obj !== null && typeof obj === 'object' && Object.prototype.hasOwnProperty.call(obj, '//')) counts.wholeTree++;
    return original(scope, obj, preparing);
  };
  try {
    run();
  } finally {
    tokens.resolve = original;
  }
  return counts;
}

const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

describe('each token resolved once', () => {
  it('writes the bytes of cdktf’s own synthesis of every stack in one app', () => {
    const stock = path.join(work, 'stock');
    const ours = path.join(work, 'ours');
    const app = new App({ outdir: stock, stackTraces: false });
    constructStacks(app, env, stackIds(env), AS_OF);
    const stockPasses = countPasses(() => app.synth());
    // The stock path has the passes this test checks are gone (so the count below can fail).
    expect(stockPasses.preparing).toBeGreaterThan(0);
    expect(stockPasses.wholeTree).toBe(stackIds(env).length);

    synthEnvironment(env, { outDir: ours, asOf: AS_OF, gate: UNGATED_TEMPORARY_OUTPUT });
    expect(read(ours, 'manifest.json')).toBe(read(stock, 'manifest.json'));
    for (const id of stackIds(env)) expect(read(ours, `stacks/${id}/cdk.tf.json`), id).toBe(read(stock, `stacks/${id}/cdk.tf.json`));
  });

  it('gives in memory what cdktf’s toTerraform() gives (the policy gate’s other stacks)', () => {
    const app = new App({ outdir: path.join(work, 'mem-stock'), stackTraces: false });
    const [stock] = constructStacks(app, env, ['corps-dr-remote'], AS_OF);
    const expected = stock.toTerraform();
    expect(stacksTerraform(env, ['corps-dr-remote'], AS_OF, path.join(work, 'mem')).get('corps-dr-remote')).toEqual(expected);
    // Built in parts of at most 3 deployments (heavy stacks: stacks/parallel/stack-parts.ts), merged.
    expect(stacksTerraform(env, ['corps-dr-remote'], AS_OF, path.join(work, 'mem'), 3).get('corps-dr-remote')).toEqual(expected);
  });

  it('skips the preparing pass and the whole-tree pass of a stack alone in its app', () => {
    const out = path.join(work, 'alone');
    const passes = countPasses(() => synthStackAlone(env, 'corps-dr-remote', AS_OF, out));
    expect(passes).toEqual({ preparing: 0, wholeTree: 0 });
  });

  it('falls back to cdktf’s passes where the tree is not settled or the stack is not alone', () => {
    const make = (outdir: string, fast: boolean, second: boolean): string => {
      const app = new App({ outdir, stackTraces: false });
      const stack = new TerraformStack(app, 'a');
      new LocalBackend(stack, { path: 'a.tfstate' });
      // A token in the stack's overrides: only the whole-tree pass resolves it.
      stack.addOverride('terraform.required_version', Lazy.stringValue({ produce: () => '>= 1.5' }));
      new TerraformOutput(stack, 'o', { value: Lazy.stringValue({ produce: () => 'v' }) });
      if (second) new TerraformStack(app, 'b');
      if (fast) resolveOnce(stack);
      let passes = { preparing: 0, wholeTree: 0 };
      passes = countPasses(() => app.synth());
      if (fast) expect(passes.wholeTree, 'the unsettled tree is resolved whole').toBeGreaterThan(0);
      if (fast && second) expect(passes.preparing, 'not alone: the preparing pass runs').toBeGreaterThan(0);
      return read(outdir, 'stacks/a/cdk.tf.json');
    };
    const stock = make(path.join(work, 'f-stock'), false, false);
    expect(stock).toContain('>= 1.5');
    expect(make(path.join(work, 'f-fast'), true, false)).toBe(stock);
    expect(make(path.join(work, 'f-two'), true, true)).toBe(make(path.join(work, 'f-two-stock'), false, true));
  });

  it('captures no token trace inside withoutTokenTraces, and full traces outside', () => {
    const inside = withoutTokenTraces(() => Lazy.stringValue({ produce: () => 'x' }));
    const outside = Lazy.stringValue({ produce: () => 'x' });
    const traceOf = (s: string) => (tokenOf(s) as { creationStack: string[] }).creationStack;
    expect(traceOf(inside)).toEqual([]);
    expect(traceOf(outside).length).toBeGreaterThan(0);
  });

  it('releases the tokens of a finished stack', () => {
    const map = (globalThis as { __cdktfTokenMap?: { stringTokenMap: Map<string, unknown> } }).__cdktfTokenMap!;
    synthStackAlone(env, 'div-1', AS_OF, path.join(work, 'r1'));
    const before = map.stringTokenMap.size;
    synthStackAlone(env, 'corps-primary', AS_OF, path.join(work, 'r2'));
    expect(map.stringTokenMap.size).toBe(before);
  });
});

/** The token behind an encoded string token (cdktf's process-wide map). */
function tokenOf(encoded: string): unknown {
  const map = (globalThis as { __cdktfTokenMap?: { lookupString(s: string): unknown } }).__cdktfTokenMap!;
  return map.lookupString(encoded);
}
