/**
 * The precompiled schema validators (checks/core/schema-validators.generated.ts) are what
 * `node scripts/generate-validators.js` writes from environments/schemas/ today: a schema edited
 * without regenerating fails here, naming the command to run.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { validateDocument } from '../../checks/core/schema';
import * as generated from '../../checks/core/schema-validators.generated';

const SCRIPT = path.join(PACKAGE_ROOT, 'scripts', 'generate-validators.js');
const SCHEMAS = path.join(PACKAGE_ROOT, 'environments', 'schemas');
const GENERATED = path.join(PACKAGE_ROOT, 'checks', 'core', 'schema-validators.generated.ts');
const COMMAND = 'node scripts/generate-validators.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-validators-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function generator(...args: string[]): { code: number | null; stderr: string } {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}

describe('precompiled schema validators', () => {
  it(`are current with environments/schemas/ (if not: run \`${COMMAND}\`)`, () => {
    const r = generator('--check');
    expect(r.stderr, `the validators are stale: run \`${COMMAND}\`, then commit checks/core/schema-validators.generated.ts`).toBe('');
    expect(r.code).toBe(0);
  });

  it('the check fails, naming the command, when a schema changes without regenerating', () => {
    const schemas = path.join(tmp, 'schemas');
    fs.cpSync(SCHEMAS, schemas, { recursive: true });
    const out = path.join(tmp, 'validators.ts');
    fs.copyFileSync(GENERATED, out);
    expect(generator('--check', '--schemas', schemas, '--out', out).code).toBe(0);

    const file = path.join(schemas, 'policy.schema.json');
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as { properties: Record<string, unknown> };
    schema.properties.newField = { type: 'string' };
    fs.writeFileSync(file, JSON.stringify(schema, null, 2));
    const stale = generator('--check', '--schemas', schemas, '--out', out);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain(`out of date`);
    expect(stale.stderr).toContain(`run \`${COMMAND}\``);

    // Regenerating (one command) makes it current again, and the new field is in the code.
    expect(generator('--schemas', schemas, '--out', out).code).toBe(0);
    expect(generator('--check', '--schemas', schemas, '--out', out).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('newField');
  });

  it('exist for every document, and validate: a good value passes, a bad one names the field', () => {
    for (const d of DOCUMENT_NAMES) expect(typeof (generated as Record<string, unknown>)[d], d).toBe('function');
    expect(validateDocument('policy', { failOn: 'high' }, 'policy.yaml', () => undefined)).toEqual([]);
    const problems = validateDocument('policy', { failOn: 'severe', unknownThing: 1 }, 'policy.yaml', () => ({ line: 3, column: 1 }));
    expect(problems.map((p) => `${p.path} ${p.message}`)).toEqual(["/unknownThing unknown field 'unknownThing'", "/failOn must be one of critical, high, medium, low, info (got 'severe')"]);
  });
});
