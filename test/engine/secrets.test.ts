import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runChecks } from '../../checks/engine/run';
import { collectSecrets, makeMasker } from '../../checks/engine/secrets';
import { renderCheck, CHECK_FORMATS } from '../../checks/app/report';
import { renderHtml } from '../../checks/app/report/html';
import { loadMiniEnv } from '../helpers/mini-env';
import type { Resource } from '../../checks/engine/types';
import { discoverCases, prepareCase } from '../helpers/fixture-case';
import { fakeRule, resources } from './helpers';

const SECRETS = ['Sup3rS3cret!pw', 'tok-9f8e7d6c5b', 'dbpass-42xyz', 'c3RyaW5nLWRhdGEtc2VjcmV0', 'plain-string-secret'];

const rs = resources('corps-primary', {
  kubernetes_secret_v1: {
    creds: { metadata: { name: 'creds', namespace: 'a' }, data: { password: 'Sup3rS3cret!pw' }, binary_data: { blob: 'c3RyaW5nLWRhdGEtc2VjcmV0' } },
  },
  kubernetes_secret: { other: { metadata: [{ name: 'other' }], string_data: [{ k: 'plain-string-secret' }] } },
  kubernetes_deployment_v1: {
    web: {
      metadata: { name: 'web' },
      spec: {
        template: {
          spec: {
            container: [
              {
                name: 'web',
                env: [
                  { name: 'API_TOKEN', value: 'tok-9f8e7d6c5b' },
                  { name: 'DATABASE_URL', value: 'postgres://app:dbpass-42xyz@db.internal:5432/app' },
                  { name: 'LOG_LEVEL', value: 'debug' },
                  { name: 'DB_PASSWORD', value_from: { secret_key_ref: { name: 'creds', key: 'password' } } },
                ],
              },
            ],
          },
        },
      },
    },
  },
});

/** A careless rule that prints every literal it sees. */
const leaky = fakeRule('MLPS-908', (ctx) =>
  ctx.resources.all.map((r) => ({ resource: r, system: 'sys', message: { zh: `明文：${JSON.stringify(r.attrs)}`, en: `plaintext: ${JSON.stringify(r.attrs)}` } })),
);

describe('secret masking', () => {
  it('collects secret data, secret-named env values and URL passwords, not ordinary values', () => {
    const s = collectSecrets(rs);
    for (const x of SECRETS) expect(s.has(x)).toBe(true);
    expect(s.has('string-data-secret')).toBe(true); // decoded binary_data
    expect(s.has('debug')).toBe(false);
    expect(s.has('password')).toBe(false); // the key of a secret_key_ref is a name, not a secret
    expect(s.has('creds')).toBe(false);
  });

  it('masks in every output format', () => {
    const env = loadMiniEnv();
    const result = runChecks({ env, resources: rs, hasConfiguration: true, rules: [leaky], asOf: '2018-07-01' });
    const outputs = [...CHECK_FORMATS.map((f) => renderCheck(result, f)), renderHtml(result)];
    for (const out of outputs) {
      for (const x of [...SECRETS, 'string-data-secret']) expect(out).not.toContain(x);
      expect(out.replace(/\\/g, '')).toContain('****'); // markdown escapes the stars
    }
    // Ordinary values stay readable.
    expect(renderCheck(result, 'json')).toContain('debug');
    expect(renderCheck(result, 'json')).toContain('postgres://app:****@db.internal');
  });

  it('masks any user:password@ URL even when the password is not in the configuration', () => {
    const mask = makeMasker([]);
    expect(mask('see https://admin:hunter2@10.0.0.1/x and mysql://u:p%40ss@h')).toBe('see https://admin:****@10.0.0.1/x and mysql://u:****@h');
    expect(mask('https://host/no/credentials')).toBe('https://host/no/credentials');
  });

  it('masks short secrets only as whole tokens', () => {
    const mask = makeMasker(['abc']);
    expect(mask('value abc here; abcdef stays')).toBe('value **** here; abcdef stays');
  });
});

describe('the secret collection rides on the normalization walk', () => {
  /** Resources with the same attrs but not made by makeResource: collectSecrets walks them itself. */
  const walked = (list: readonly Resource[]): Resource[] => list.map((r) => ({ ...r, attrs: structuredClone(r.attrs) }));

  it('finds exactly what a walk of the normalized resources finds', async () => {
    const hostile = resources('s', {
      kubernetes_deployment_v1: {
        d: {
          metadata: { name: 'd' },
          spec: { template: { spec: { container: [{ name: 'c', args: ['--db-password', 'fl4g-S3cret', '--api-token=tok-4242xyz', '--verbose'], env: [{ name: 'X_TOKEN', value: '$${escaped}-9f8e' }, { name: 'Y_TOKEN', value: '${var.not_literal}' }] }] } } },
        },
      },
      kubernetes_config_map_v1: { pem: { metadata: { name: 'pem' }, data: { key: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx7k3Jxq9\n-----END RSA PRIVATE KEY-----' } } },
      kubernetes_secret_v1: { s: { metadata: { name: 's' }, data: { n: 12345, nested: [{ deep: 'deep-secret-value' }] } } },
      null_resource: { n: { triggers: { db_password: 'np-pass-777', url: 'mysql://root:r00t-pw@h/db' } } },
    });
    let fixtures = 0;
    for (const c of discoverCases()) {
      const all = (await prepareCase(c)).ctx.resources.all;
      expect(collectSecrets(all), `${c.ruleId}/${c.name}`).toEqual(collectSecrets(walked(all)));
      fixtures += all.length;
    }
    expect(fixtures).toBeGreaterThan(100);
    const fused = collectSecrets([...rs, ...hostile]);
    expect(fused).toEqual(collectSecrets(walked([...rs, ...hostile])));
    for (const s of ['fl4g-S3cret', 'tok-4242xyz', '${escaped}-9f8e', '12345', 'deep-secret-value', 'np-pass-777', 'r00t-pw', 'MIIEowIBAAKCAQEAx7k3Jxq9']) expect(fused.has(s), s).toBe(true);
    expect(fused.has('--verbose')).toBe(false);
    expect([...fused].some((s) => s.includes('var.not_literal'))).toBe(false);
  });
});

describe('secret attribute names', () => {
  /** The names a key holding a secret literal has (secrets.ts SECRET_ATTR), written out here as the oracle. */
  const SECRET_NAME = /^(.*_)?(password|passwd|token|api_key|secret_key|access_key|private_key|client_secret)$/i;
  const part = fc.constantFrom('password', 'PASSWD', 'Token', 'api_key', 'secret_key', 'ACCESS_KEY', 'private_key', 'client_secret', 'key', 'secret', 'name', 'db', 'tokens', 'x');

  it('are judged by the whole name, whatever its last letter and case', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 3 }), fc.constantFrom('_', '', '-'), (parts, sep) => {
        const key = parts.join(sep);
        const [r] = resources('s', { kubernetes_config_map_v1: { c: { data: { [key]: 'value-of-the-key' } } } });
        expect(collectSecrets([r]).has('value-of-the-key')).toBe(SECRET_NAME.test(key));
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});
