/** loadEnvironment from disk: refs, missing files, all problems at once, frozen result, defaults. */
import { reviewPolicy } from '../../checks/engine/effective-policy';
import { ALL_RULES } from '../../policies';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_ENVIRONMENT, ENVIRONMENTS_DIR, loadEnvironment, resolveEnvironmentRef } from '../../checks/core/load';
import { InputError } from '../../checks/core/errors';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { MAX_DOCUMENT_BYTES } from '../../checks/core/yaml';
import { MINI_ENV_DIR } from '../helpers/mini-env';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-load-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

/** A copy of the mini environment in a temp folder, with some files rewritten. */
function miniCopy(name: string, edit: (dir: string) => void = () => {}): string {
  const dir = path.join(tmpRoot, name);
  fs.mkdirSync(dir);
  for (const d of DOCUMENT_NAMES) fs.copyFileSync(path.join(MINI_ENV_DIR, `${d}.yaml`), path.join(dir, `${d}.yaml`));
  edit(dir);
  return dir;
}

function inputProblems(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.message.split('\n');
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('resolveEnvironmentRef', () => {
  it('takes a bare name as a folder under environments/', () => {
    expect(resolveEnvironmentRef('production', '/somewhere')).toEqual({ name: 'production', dir: path.join(ENVIRONMENTS_DIR, 'production') });
  });
  it('takes a path, absolute or relative to cwd', () => {
    expect(resolveEnvironmentRef('./envs/x', '/work')).toEqual({ name: 'x', dir: path.resolve('/work/envs/x') });
    expect(resolveEnvironmentRef('/abs/y', '/work')).toEqual({ name: 'y', dir: path.resolve('/abs/y') });
  });
  it('defaults to the production environment', () => {
    expect(DEFAULT_ENVIRONMENT).toBe('production');
  });
});

describe('loadEnvironment', () => {
  it('loads a folder by path; files are relative to cwd with POSIX separators', () => {
    const env = loadEnvironment('test/fixtures/envs/mini', { cwd: PACKAGE_ROOT });
    expect(env.name).toBe('mini');
    expect(env.dir).toBe(MINI_ENV_DIR);
    expect(env.files.inventory).toBe('test/fixtures/envs/mini/inventory.yaml');
    expect(env.files.policy).toBe('test/fixtures/envs/mini/policy.yaml');
  });

  it('returns a deep-frozen environment', () => {
    const env = loadEnvironment(MINI_ENV_DIR, { cwd: PACKAGE_ROOT });
    expect(Object.isFrozen(env)).toBe(true);
    expect(Object.isFrozen(env.inventory.systems[0].workload!.resources.limits)).toBe(true);
    expect(Object.isFrozen(env.policy.deadlines)).toBe(true);
    expect(() => (env.inventory.systems as unknown as unknown[]).push({})).toThrow();
  });

  it('locates pointers; a pointer without a node resolves to its nearest ancestor', () => {
    const env = loadEnvironment(MINI_ENV_DIR, { cwd: PACKAGE_ROOT });
    const lines = fs.readFileSync(path.join(MINI_ENV_DIR, 'topology.yaml'), 'utf8').split('\n');
    const registryLine = lines.findIndex((l) => l.startsWith('registry:')) + 1;
    expect(env.locate('topology', '/registry')).toEqual({ line: registryLine, column: 1 });
    const systemLine = env.locate('inventory', '/systems/2')!.line;
    expect(env.locate('inventory', '/systems/2/workload/image')).toEqual(env.locate('inventory', '/systems/2'));
    expect(systemLine).toBeGreaterThan(1);
    expect(env.locate('policy', '/deadlines/centerMoves')).toEqual({ line: 2, column: 1 });
  });

  it('fills policy defaults, and merges partial deadlines', () => {
    const dir = miniCopy('defaults', (d) => fs.writeFileSync(path.join(d, 'policy.yaml'), 'deadlines:\n  centerMoves: 2018-09-30\nfailOn: medium\n'));
    const { policy } = loadEnvironment(dir);
    // No `packs` written: every pack of the catalogue is enabled (the packs are policies/' to name).
    expect(reviewPolicy(policy, '2018-07-01', ALL_RULES).effective.packs).toEqual(['topo', 'net', 'inv', 'mig', 'mlps', 'k8s', 'cfg', 'exc']);
    expect(policy).toEqual({
      severityOverrides: {},
      failOn: 'medium',
      defaultMlpsLevel: 3,
      deadlines: {
        privateNetworkMerge: '2017-12-31',
        cloudRunning: '2017-12-31',
        centerMoves: '2018-09-30',
        divisionConsolidation: '2018-06-30',
        platformConnection: '2018-06-30',
      },
      headroom: 0.2,
      carrierGradeAvailability: 99.99,
      auditLogRetentionDays: 184,
      approvedRegistries: ['registry.xjbt.gov.cn'],
      suppressions: [],
      exceptionHorizonDays: 366,
      policyExceptions: [],
    });
  });

  it('gives a center without stateBackend a local state file (local by default), and keeps declared ones', () => {
    const dir = miniCopy('default-backend', (d) => {
      const file = path.join(d, 'topology.yaml');
      const text = fs.readFileSync(file, 'utf8');
      fs.writeFileSync(file, text.replace('    stateBackend: { type: local, path: terraform.div-8.tfstate }\n', ''));
    });
    const { topology } = loadEnvironment(dir);
    expect(topology.centers.find((c) => c.id === 'div-8')?.stateBackend).toEqual({ type: 'local' });
    expect(topology.centers.find((c) => c.id === 'corps-primary')?.stateBackend).toEqual({ type: 'local', path: 'terraform.corps-primary.tfstate' });
    expect(Object.isFrozen(topology.centers.find((c) => c.id === 'div-8')?.stateBackend)).toBe(true);
  });

  it('accepts policy.yaml as an empty map', () => {
    const dir = miniCopy('empty-policy', (d) => fs.writeFileSync(path.join(d, 'policy.yaml'), '{}\n'));
    expect(loadEnvironment(dir).policy.failOn).toBe('high');
  });

  it('refuses a missing folder, naming it', () => {
    expect(inputProblems(() => loadEnvironment(path.join(tmpRoot, 'nope'), { cwd: tmpRoot }))).toEqual([`${path.join(tmpRoot, 'nope')}: environment folder not found`]);
    expect(inputProblems(() => loadEnvironment('./nope', { cwd: tmpRoot }))).toEqual(['nope: environment folder not found']);
    expect(inputProblems(() => loadEnvironment('no-such-env', { cwd: tmpRoot }))[0]).toMatch(/^no-such-env \(looked in .*environments\/no-such-env\): environment folder not found$/);
  });

  it('refuses missing files, naming each', () => {
    const dir = miniCopy('missing', (d) => {
      fs.rmSync(path.join(d, 'policy.yaml'));
      fs.rmSync(path.join(d, 'networks.yaml'));
    });
    const lines = inputProblems(() => loadEnvironment(dir, { cwd: tmpRoot }));
    expect(lines).toEqual([expect.stringMatching(/^missing\/networks\.yaml: file not found/), expect.stringMatching(/^missing\/policy\.yaml: file not found/)]);
  });

  it('collects the problems of all files before failing (YAML, binary, empty, schema)', () => {
    const dir = miniCopy('broken', (d) => {
      fs.writeFileSync(path.join(d, 'policy.yaml'), '');
      fs.writeFileSync(path.join(d, 'networks.yaml'), Buffer.from([0x7a, 0x6f, 0x6e, 0x65, 0x73, 0x3a, 0x00]));
      fs.writeFileSync(path.join(d, 'migration.yaml'), 'waves:\n\t- id: x\n');
      const inv = fs.readFileSync(path.join(d, 'inventory.yaml'), 'utf8');
      fs.writeFileSync(path.join(d, 'inventory.yaml'), inv.replace('class: retire', 'class: obsolete'));
    });
    const lines = inputProblems(() => loadEnvironment(dir, { cwd: tmpRoot }));
    expect(lines).toEqual(
      expect.arrayContaining([
        'broken/policy.yaml:1:1: document is empty',
        expect.stringMatching(/^broken\/networks\.yaml: file is binary/),
        expect.stringMatching(/^broken\/migration\.yaml:2:\d+: tabs are not allowed/),
        expect.stringMatching(/^broken\/inventory\.yaml:\d+:\d+: \/systems\/3\/class: must be one of retire, replace, keep \(got 'obsolete'\)$/),
      ]),
    );
    expect(lines).toHaveLength(4);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const dir = miniCopy('huge', (d) => fs.writeFileSync(path.join(d, 'networks.yaml'), `# ${'x'.repeat(MAX_DOCUMENT_BYTES)}\n`));
    expect(inputProblems(() => loadEnvironment(dir, { cwd: tmpRoot }))).toEqual([expect.stringMatching(/^huge\/networks\.yaml: file is too large/)]);
  });

  it('escapes control characters from the input in messages (no terminal escapes, no forged lines)', () => {
    const dir = miniCopy('escapes', (d) => fs.writeFileSync(path.join(d, 'policy.yaml'), 'failOn: "\\e[31mred\\nforged: line"\n'));
    const lines = inputProblems(() => loadEnvironment(dir, { cwd: tmpRoot }));
    expect(lines).toEqual(['escapes/policy.yaml:1:1: /failOn: must be one of critical, high, medium, low, info (got \'\\u001b[31mred\\u000aforged: line\')']);
  });

  it('never prints a stack trace or evaluates input: a hostile file is just refused', () => {
    const dir = miniCopy('hostile', (d) => fs.writeFileSync(path.join(d, 'policy.yaml'), "failOn: !!js/function 'function(){ process.exit(9) }'\n__proto__: { polluted: 1 }\n"));
    const lines = inputProblems(() => loadEnvironment(dir, { cwd: tmpRoot }));
    // Both refusals, in one round (the reader reports every problem of a file, not just the first).
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^hostile\/policy\.yaml:1:9: .*tag/);
    expect(lines[1]).toMatch(/^hostile\/policy\.yaml:2:1: \/__proto__: key '__proto__' is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('shipped environments', () => {
  it.each(['production', 'baseline-2017'])('environments/%s loads and validates', (name) => {
    expect(fs.existsSync(path.join(ENVIRONMENTS_DIR, name)), `environments/${name} exists`).toBe(true);
    const env = loadEnvironment(name, { cwd: PACKAGE_ROOT });
    expect(env.name).toBe(name);
    expect(env.files.topology).toBe(`environments/${name}/topology.yaml`);
    expect(env.topology.centers.length).toBeGreaterThan(0);
    expect(env.inventory.systems.length).toBeGreaterThan(0);
  });

  it('production is the default environment', () => {
    expect(loadEnvironment(undefined, { cwd: PACKAGE_ROOT }).name).toBe('production');
  });
});
