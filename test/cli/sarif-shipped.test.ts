/**
 * Issue 14 (1, 2): the SARIF of both shipped environments, with and without suppressions, is
 * valid against the OASIS SARIF 2.1.0 schema as published; every result on baseline-2017 points
 * at a file of the repository, at a line inside it (the environment YAML line that produced a
 * synthesized resource, with the generated file as a related location and the construct path).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { sarifValidator } from '../helpers/sarif-schema';
import { runProcess } from '../helpers/run-process';
import { tmpFiles } from '../helpers/tmp-files';

const BIN = path.join(PACKAGE_ROOT, 'bin/btyun.js');
const AS_OF = '2018-07-01';
const { dir: tmp } = tmpFiles('btyun-sarif-');

type Log = { runs: { results: Record<string, any>[]; tool: { driver: { rules: Record<string, any>[] } } }[] };

async function sarifOf(args: string[], asOf: string[] = ['--as-of', AS_OF]): Promise<{ status: number | null; log: Log }> {
  const r = await runProcess(process.execPath, [BIN, 'check', ...args, ...asOf, '--format', 'sarif'], { cwd: PACKAGE_ROOT });
  expect([0, 1], r.stderr).toContain(r.status);
  expect(r.stderr).not.toMatch(/internal error|^btyun/m);
  return { status: r.status, log: JSON.parse(r.stdout) };
}

/** baseline-2017 copied outside the repository, its expired suppression made valid on AS_OF. */
function suppressedBaseline(): string {
  const dir = path.join(tmp, 'baseline-suppressed');
  fs.cpSync(path.join(PACKAGE_ROOT, 'environments/baseline-2017'), dir, { recursive: true });
  const policy = path.join(dir, 'policy.yaml');
  fs.writeFileSync(policy, fs.readFileSync(policy, 'utf8').replace('expires: 2017-10-31', 'expires: 2018-09-30'));
  return dir;
}

const validate = sarifValidator();

describe('SARIF of the shipped environments against the OASIS 2.1.0 schema', () => {
  let baseline: { status: number | null; log: Log };
  beforeAll(async () => {
    baseline = await sarifOf(['--env', 'baseline-2017']);
  });

  it('production (as of today): valid, no result, exit 0', async () => {
    const production = await sarifOf(['--env', 'production'], []);
    expect(production.status).toBe(0);
    expect(validate(production.log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    expect(production.log.runs[0].results).toEqual([]);
    expect(production.log.runs[0].tool.driver.rules.length).toBeGreaterThan(0);
  });

  it('baseline-2017: valid; security-severity follows the effective severity; helpUri into docs/rules.md', () => {
    expect(baseline.status).toBe(1);
    expect(validate(baseline.log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const run = baseline.log.runs[0];
    expect(run.results.length).toBeGreaterThan(200);
    const scale: Record<string, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };
    for (const r of run.results) expect(r.properties['security-severity']).toBe(scale[r.properties.severity]);
    for (const rule of run.tool.driver.rules) expect(rule.helpUri).toMatch(/^https:\/\/.+\/docs\/rules\.md#[a-z0-9]+--/);
    const rulesDoc = fs.readFileSync(path.join(PACKAGE_ROOT, 'docs/rules.md'), 'utf8');
    const anchor = decodeURIComponent(run.tool.driver.rules[0].helpUri.split('#')[1]);
    const heading = rulesDoc.split('\n').find((l) => l.startsWith('## ') && l.slice(3).toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-') === anchor);
    expect(heading).toBeDefined();
  });

  it('baseline-2017 with a suppression in force: valid, the suppression is external, accepted, justified', async () => {
    const suppressed = await sarifOf(['--env', suppressedBaseline()]);
    expect(validate(suppressed.log), JSON.stringify(validate.errors?.slice(0, 5))).toBe(true);
    const sup = suppressed.log.runs[0].results.filter((r) => r.suppressions);
    expect(sup.length).toBeGreaterThan(0);
    for (const r of sup) {
      expect(r.suppressions).toHaveLength(1);
      expect(r.suppressions[0]).toMatchObject({ kind: 'external', status: 'accepted' });
      expect(r.suppressions[0].justification).toContain('兵团电子政务办');
      expect(r.suppressions[0].justification).toContain('vendor image tag');
      expect(r.suppressions[0]).not.toHaveProperty('state');
    }
  });

  it('baseline-2017: 100 % of results point at a repository file, at a line inside it', () => {
    const results = baseline.log.runs[0].results;
    const lines = new Map<string, number>();
    const bad: string[] = [];
    let synthesized = 0;
    for (const r of results) {
      const loc = r.locations?.[0]?.physicalLocation;
      const uri = loc?.artifactLocation?.uri as string | undefined;
      const line = loc?.region?.startLine as number | undefined;
      if (uri === undefined || line === undefined) {
        bad.push(`${r.ruleId}: no file or line`);
        continue;
      }
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      const file = path.join(PACKAGE_ROOT, decodeURIComponent(uri));
      if (!lines.has(uri)) lines.set(uri, fs.existsSync(file) && fs.statSync(file).isFile() ? fs.readFileSync(file, 'utf8').split('\n').length : 0);
      const count = lines.get(uri)!;
      if (count === 0) bad.push(`${r.ruleId}: ${uri} is not a file of the repository`);
      else if (line < 1 || line > count) bad.push(`${r.ruleId}: ${uri}:${line} past the end (${count} lines)`);
      if (r.relatedLocations) {
        synthesized++;
        // The generated file stays visible as a related location, and the construct path is named.
        expect(r.relatedLocations[0].physicalLocation.artifactLocation.uri).toMatch(/cdk\.tf\.json$/);
        expect(r.locations[0].logicalLocations.some((l: { kind: string }) => l.kind === 'object')).toBe(true);
        expect(uri).toMatch(/^environments\/baseline-2017\/(inventory|topology|networks)\.yaml$/);
      }
    }
    expect(bad).toEqual([]);
    expect(synthesized).toBeGreaterThan(50);
    expect([...lines.keys()].every((u) => !u.startsWith('stacks/'))).toBe(true);
  });
});
