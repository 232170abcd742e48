/** The deploy pre-flight (checks/app/gate/preflight.ts) and `btyun preflight`: one line per stack whose state backend misses a variable. */
import * as path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandIO } from '../../checks/app/cli/io';
import { runCli } from '../../checks/app/cli/main';
import { awsSharedFilesExist, deployPreflight } from '../../checks/app/gate/preflight';
import { loadEnvironment } from '../../checks/core/load';
import type { StateBackend } from '../../checks/core/types';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { loadPatchedMiniEnv, MINI_ENV_DIR } from '../helpers/mini-env';
import { tmpFiles } from '../helpers/tmp-files';

const { dir: tmp, write } = tmpFiles('btyun-preflight-');

/** The mini environment (all four centers `local`) with corps-primary (index 0) on `backend`. */
const withPrimary = (backend: StateBackend) => loadPatchedMiniEnv([{ op: 'replace', doc: 'topology', path: '/centers/0/stateBackend', value: backend }]);
const PG: StateBackend = { type: 'pg', connStrEnv: 'BTYUN_PG_CONN', schemaName: 'btyun_corps_primary' };
const S3_CUSTOM: StateBackend = { type: 's3', bucket: 'btyun-state', region: 'cn-northwest-1', endpoint: 'https://oss.xjbt.gov.cn' };
const S3_AWS: StateBackend = { type: 's3', bucket: 'btyun-state', region: 'cn-northwest-1' };
const ALL = ['corps-primary', 'corps-dr-urumqi', 'corps-dr-shihezi', 'div-8'];
const SECRET = 'postgres://deployer:s3cr3t-Pa55@db.xjbt.gov.cn:5432/tfstate';

describe('deployPreflight: pg', () => {
  const env = withPrimary(PG);

  it('PG_CONN_STR unset: one line naming the stack, PG_CONN_STR and the topology variable', () => {
    const lines = deployPreflight(env, ALL, {});
    expect(lines).toEqual([
      'btyun pre-flight: stack corps-primary: state backend pg reads its connection string from PG_CONN_STR, which is not set (状态后端连接串未设置): ' +
        'export PG_CONN_STR="$BTYUN_PG_CONN" (BTYUN_PG_CONN is not set either), see docs/deploying.md',
    ]);
  });

  it('PG_CONN_STR set: no line', () => {
    expect(deployPreflight(env, ALL, { PG_CONN_STR: SECRET })).toEqual([]);
  });

  it('PG_CONN_STR empty counts as unset (Terraform ignores an empty value)', () => {
    expect(deployPreflight(env, ['corps-primary'], { PG_CONN_STR: '' })).toHaveLength(1);
  });

  it('the topology variable set but not exported as PG_CONN_STR: one line saying what to export, without the value', () => {
    const lines = deployPreflight(env, ['corps-primary'], { BTYUN_PG_CONN: SECRET });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('export PG_CONN_STR="$BTYUN_PG_CONN", see docs/deploying.md');
    expect(lines[0]).not.toContain('not set either');
  });

  it('libpq variables (PGHOST) are a connection Terraform accepts: no line', () => {
    expect(deployPreflight(env, ['corps-primary'], { PGHOST: 'db.xjbt.gov.cn', PGPASSWORD: 's3cr3t-Pa55' })).toEqual([]);
  });

  it('a stack not named is not judged', () => {
    expect(deployPreflight(env, ['div-8'], {})).toEqual([]);
  });

  it('connStrEnv PG_CONN_STR itself: no self-referencing export', () => {
    const lines = deployPreflight(withPrimary({ type: 'pg', connStrEnv: 'PG_CONN_STR' }), ['corps-primary'], {});
    expect(lines).toEqual([
      'btyun pre-flight: stack corps-primary: state backend pg reads its connection string from PG_CONN_STR, which is not set (状态后端连接串未设置); export PG_CONN_STR, see docs/deploying.md',
    ]);
  });
});

describe('deployPreflight: local and s3', () => {
  it('local backends: no line, whatever the environment', () => {
    expect(deployPreflight(loadPatchedMiniEnv([]), ALL, {})).toEqual([]);
  });

  it('s3 with a custom endpoint and no credential source: one line naming the stack and the variables', () => {
    const lines = deployPreflight(withPrimary(S3_CUSTOM), ALL, {});
    expect(lines).toEqual([
      'btyun pre-flight: stack corps-primary: state backend s3 (bucket btyun-state) finds no AWS credentials (状态后端无访问凭证): ' +
        'export AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE naming a profile of ~/.aws/credentials or ~/.aws/config, see docs/deploying.md',
    ]);
  });

  it('s3: each source of the AWS credential chain is accepted', () => {
    const env = withPrimary(S3_CUSTOM);
    const sources: NodeJS.ProcessEnv[] = [
      { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI' },
      { AWS_ACCESS_KEY: 'AKIDEXAMPLE', AWS_SECRET_KEY: 'wJalrXUtnFEMI' },
      { AWS_PROFILE: 'btyun' },
      { AWS_DEFAULT_PROFILE: 'btyun' },
      { AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/token' },
      { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/v2/credentials/x' },
      { AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.1/creds' },
    ];
    for (const e of sources) expect(deployPreflight(env, ['corps-primary'], e), JSON.stringify(Object.keys(e))).toEqual([]);
    expect(deployPreflight(env, ['corps-primary'], {}, { awsSharedFiles: true })).toEqual([]);
  });

  it('s3: half a key pair names the missing half and never the value', () => {
    const lines = deployPreflight(withPrimary(S3_CUSTOM), ['corps-primary'], { AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE123' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not');
    expect(lines[0]).not.toContain('AKIDEXAMPLE123');
  });

  it('s3 on AWS itself (no endpoint): the instance metadata service may hold the credentials, so no line unless it is disabled', () => {
    const env = withPrimary(S3_AWS);
    expect(deployPreflight(env, ['corps-primary'], {})).toEqual([]);
    expect(deployPreflight(env, ['corps-primary'], { AWS_EC2_METADATA_DISABLED: 'true' })).toHaveLength(1);
  });
});

describe('deployPreflight: the shipped production environment', () => {
  const env = loadEnvironment('production');
  const ids = env.topology.centers.map((c) => c.id);

  it('every center is on pg: one line per stack with PG_CONN_STR unset, none with it set', () => {
    const lines = deployPreflight(env, ids, {});
    expect(lines).toHaveLength(ids.length);
    for (const [i, id] of ids.entries()) expect(lines[i]).toMatch(new RegExp(`^btyun pre-flight: stack ${id}: state backend pg .*PG_CONN_STR.*BTYUN_PG_CONN`));
    expect(deployPreflight(env, ids, { PG_CONN_STR: SECRET })).toEqual([]);
  });

  it('an unknown stack id is a problem line listing the valid ids', () => {
    expect(deployPreflight(env, ['div-99'], {})).toEqual([`btyun pre-flight: unknown stack 'div-99'; valid stacks (center ids 中心): ${ids.join(', ')}`]);
  });
});

describe('values are never printed', () => {
  it('no line holds the value of any variable it names', () => {
    const processEnv: NodeJS.ProcessEnv = { BTYUN_PG_CONN: SECRET, PG_CONN_STR: '', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG', AWS_EC2_METADATA_DISABLED: 'true' };
    const lines = [
      ...deployPreflight(withPrimary(PG), ALL, processEnv),
      ...deployPreflight(withPrimary(S3_CUSTOM), ALL, processEnv),
      ...deployPreflight(withPrimary(S3_AWS), ALL, processEnv),
    ];
    expect(lines).toHaveLength(3);
    for (const line of lines) for (const v of [SECRET, 's3cr3t', 'wJalrXUtnFEMI']) expect(line).not.toContain(v);
  });
});

describe('awsSharedFilesExist', () => {
  it('finds $HOME/.aws/credentials or the files the AWS_* variables name, nothing else', () => {
    const home = path.join(tmp, 'home');
    write('home/.keep', '');
    expect(awsSharedFilesExist({ HOME: home })).toBe(false);
    expect(awsSharedFilesExist({ HOME: home, AWS_SHARED_CREDENTIALS_FILE: write('creds', '[default]\n') })).toBe(true);
    expect(awsSharedFilesExist({ HOME: home, AWS_CONFIG_FILE: path.join(tmp, 'missing') })).toBe(false);
    write('home/.aws/config', '[default]\nregion = cn-northwest-1\n');
    expect(awsSharedFilesExist({ HOME: home })).toBe(true);
  });
});

describe('btyun preflight', () => {
  const io = () => {
    const out = { stdout: '', stderr: '' };
    const cio: CommandIO = { stdout: (s) => void (out.stdout += s), stderr: (s) => void (out.stderr += s), isTTY: false, cwd: PACKAGE_ROOT };
    return { out, cio };
  };
  const clean = () => {
    for (const k of ['PG_CONN_STR', 'PGHOST', 'BTYUN_PG_CONN', 'BTYUN_ENV']) vi.stubEnv(k, undefined);
  };
  afterEach(() => vi.unstubAllEnvs());

  it('exits 2 with one line for the named stack when PG_CONN_STR is unset, 0 when it is set', async () => {
    clean();
    const a = io();
    expect(await runCli(['preflight', '--stack', 'div-8'], a.cio)).toBe(2);
    expect(a.out.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^btyun pre-flight: stack div-8: .*PG_CONN_STR.*BTYUN_PG_CONN/)]);
    vi.stubEnv('PG_CONN_STR', SECRET);
    const b = io();
    expect(await runCli(['preflight', '--stack', 'div-8'], b.cio)).toBe(0);
    expect(b.out.stdout).toBe('btyun pre-flight: div-8: state backend ready (部署前检查通过)\n');
    expect(b.out.stdout + b.out.stderr).not.toContain('s3cr3t');
  });

  it('follows BTYUN_ENV like the cdktf app; --env overrides it', async () => {
    clean();
    vi.stubEnv('BTYUN_ENV', MINI_ENV_DIR);
    const a = io();
    expect(await runCli(['preflight'], a.cio)).toBe(0); // mini: every center local
    const b = io();
    expect(await runCli(['preflight', '--env', 'production', '--stack', 'corps-primary'], b.cio)).toBe(2);
  });

  it('-h prints the help with the deploy recipe; an unknown stack exits 2 naming the valid ids', async () => {
    const a = io();
    expect(await runCli(['preflight', '-h'], a.cio)).toBe(0);
    expect(a.out.stdout).toContain('npx btyun preflight --stack div-8 && npx cdktf deploy div-8');
    const b = io();
    expect(await runCli(['preflight', '--stack', 'div-99'], b.cio)).toBe(2);
    expect(b.out.stderr).toMatch(/^btyun preflight: unknown stack 'div-99'; valid stacks .*corps-primary/);
  });
});
