/**
 * Every malformed input of the corpus (test/fixtures/bad/) through the built CLI: the documented
 * exit status, a message naming the file and the place (line and/or JSON path), never a stack trace.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusCases, prepareCase, type CorpusCase } from './support/corpus';
import { builtPackage, crashSigns, limited, runBuilt, type CliRun } from './support/built-cli';

const cases = corpusCases();
const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-corpus-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const runs = new Map<string, { args: string[]; run: CliRun }>();

beforeAll(async () => {
  builtPackage();
  await limited(cases, 3, async (c) => {
    const work = path.join(tmpRoot, c.name);
    const args = prepareCase(c, work);
    runs.set(c.name, { args, run: await runBuilt(args, work) });
  });
});

function explain(c: CorpusCase): string {
  const r = runs.get(c.name)!;
  return `${c.name}: btyun ${r.args.join(' ')}\n--- exit ${r.run.code}\n--- stderr\n${r.run.stderr}--- stdout (start)\n${r.run.stdout.slice(0, 600)}`;
}

describe('the malformed-input corpus', () => {
  it('has at least 60 cases, each with a description', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    for (const c of cases) expect(c.expect.description, c.name).toMatch(/\S/);
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const { run } = runs.get(c.name)!;
    const why = explain(c);
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
  });
});
