/**
 * Every malformed input of the corpus (test/fixtures/bad/) through the built CLI: the documented
 * exit status, a message naming the file and the place (line and/or JSON path), never a stack trace.
 * All cases run through `runCli` in two batch processes (fast on two cores); one case of each
 * kind also runs as its own `node bin/btyun.js` process, which must behave exactly the same.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusCases, prepareCase, type CorpusCase } from './support/corpus';
import { crashSigns, limited, runBatched, runBuilt, type CliRun } from './support/built-cli';

const cases = corpusCases();
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-corpus-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const runs = new Map<string, { args: string[]; work: string; run: CliRun }>();

/** One case per kind (the name's prefix: yaml, schema, ref, file, finding, synth, plan, tf). */
const sampled = [...new Map(cases.map((c) => [c.name.split('-')[0], c] as const)).values()];

beforeAll(async () => {
  const jobs = cases.map((c) => {
    const work = path.join(tmpRoot, c.name);
    return { name: c.name, work, args: prepareCase(c, work) };
  });
  const results = await runBatched(jobs.map((j) => ({ args: j.args, cwd: j.work })), 2, tmpRoot);
  jobs.forEach((j, i) => runs.set(j.name, { args: j.args, work: j.work, run: results[i] }));
}, 600_000);

function explain(c: CorpusCase, run: CliRun): string {
  const r = runs.get(c.name)!;
  return `${c.name}: btyun ${r.args.join(' ')}\n--- exit ${run.code}\n--- stderr\n${run.stderr}--- stdout (start)\n${run.stdout.slice(0, 600)}`;
}

function assertCase(c: CorpusCase, run: CliRun): void {
  const why = explain(c, run);
  expect(run.code, why).toBe(c.expect.exit);
  // A clear error, not a crash, on either stream.
  expect(crashSigns(run.stderr + run.stdout), why).toEqual([]);
  for (const s of c.expect.stderr) expect(run.stderr, why).toContain(s);
  for (const s of c.expect.stdout ?? []) expect(run.stdout, why).toContain(s);
  for (const s of c.expect.notContains ?? []) expect(run.stderr + run.stdout, why).not.toContain(s);
  if (c.expect.exit === 2) {
    // The message starts with the file it is about, and every line is one problem.
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines.some((l) => l.startsWith(c.expect.stderr[0])), why).toBe(true);
    for (const l of lines) expect(l, why).toMatch(/^\S.*: \S/);
    expect(run.stdout, why).toBe('');
  }
  if (c.expect.finding !== undefined) {
    const json = JSON.parse(run.stdout) as { findings: { ruleId: string }[] };
    expect(json.findings.map((f) => f.ruleId), why).toContain(c.expect.finding);
  }
}

describe('the malformed-input corpus', () => {
  it('has at least 60 cases, each with a description', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const c of cases) expect(c.expect.description, c.name).toMatch(/\S/);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    assertCase(c, runs.get(c.name)!.run);
  });

  it('a real `node bin/btyun.js` process behaves the same (one case of each kind)', async () => {
    expect(sampled.length).toBeGreaterThanOrEqual(8);
    const spawned = await limited(sampled, 2, (c) => runBuilt(runs.get(c.name)!.args, runs.get(c.name)!.work));
    sampled.forEach((c, i) => {
      assertCase(c, spawned[i]);
      expect(spawned[i].stderr, c.name).toBe(runs.get(c.name)!.run.stderr);
    });
  });
});
