/**
 * The CI recipe of docs/migration.md is a script people copy: every `npx btyun …` line of it must
 * run as written (here on the small mini environment) and leave the files the pipeline uploads.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../checks/app/cli/main';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { MINI_ENV_DIR } from '../helpers/mini-env';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-ci-recipe-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The `npx btyun …` lines of the first sh block under the CI recipe heading, comments removed. */
function recipeLines(): string[] {
  const doc = fs.readFileSync(path.join(PACKAGE_ROOT, 'docs/migration.md'), 'utf8');
  const section = doc.slice(doc.indexOf('## CI recipe'));
  const block = section.slice(section.indexOf('```sh\n') + 6, section.indexOf('```', section.indexOf('```sh\n') + 6));
  return block
    .split('\n')
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter((l) => l.startsWith('npx btyun '));
}

describe('docs/migration.md CI recipe', () => {
  it('names validate, synth, check (SARIF and JUnit) and migration, for every pack of the policy', () => {
    const lines = recipeLines();
    expect(lines.map((l) => l.split(/\s+/)[2])).toEqual(['validate', 'synth', 'check', 'check', 'migration']);
    expect(lines.filter((l) => l.includes('--packs'))).toEqual([]);
  });

  it('runs as written, exit 0 on a clean environment, and leaves the SARIF, JUnit and markdown files', async () => {
    for (const line of recipeLines()) {
      const [command, redirect] = line.split(/\s+>\s+/);
      const argv = command
        .split(/\s+/)
        .slice(2)
        .map((a) => (a === 'X' ? MINI_ENV_DIR : a));
      const out: string[] = [];
      const err: string[] = [];
      const code = await runCli(argv, { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd: tmp });
      expect(code, `${line}\n${err.join('')}`).toBe(0);
      if (redirect !== undefined) fs.writeFileSync(path.join(tmp, redirect), out.join(''));
    }
    const sarif = JSON.parse(fs.readFileSync(path.join(tmp, 'btyun.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].properties.summary.resources).toBeGreaterThan(0); // the synthesized stacks were read
    expect(fs.readFileSync(path.join(tmp, 'btyun-junit.xml'), 'utf8')).toMatch(/^<\?xml/);
    expect(fs.readFileSync(path.join(tmp, 'btyun-migration.md'), 'utf8')).toContain('PASS 通过');
  }, 120_000);
});
