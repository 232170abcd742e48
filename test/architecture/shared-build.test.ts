/**
 * The shared dist/ is compiled once, by the global setup, before any test file runs. A test file
 * that recompiled it while another file's CLI process imported it made CI fail with a false
 * `internal error: Cannot read properties of undefined (reading 'rules')` (stop 19).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';

/** The files allowed to run the compiler: the global setup (shared dist/) and the robustness build (its own folder). */
const COMPILERS = ['test/support/build-once.ts', 'test/robustness/support/built-cli.ts'];

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(PACKAGE_ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = `${dir}/${e.name}`;
    return e.isDirectory() ? testFiles(rel) : e.name.endsWith('.ts') ? [rel] : [];
  });
}

describe('the shared build', () => {
  it('is compiled by the global setup alone', () => {
    const config = fs.readFileSync(path.join(PACKAGE_ROOT, 'vitest.config.ts'), 'utf8');
    expect(config).toContain("globalSetup: ['./test/support/build-once.ts']");
    const runsTsc = testFiles('test').filter((f) => /typescript['"],\s*['"]bin['"],\s*['"]tsc['"]|['"]npx['"],\s*\[\s*['"]tsc['"]|['"]run['"],\s*['"]build['"]/.test(fs.readFileSync(path.join(PACKAGE_ROOT, f), 'utf8')));
    expect(runsTsc.sort()).toEqual([...COMPILERS].sort());
  });
});
