import { describe, expect, it } from 'vitest';
import { runChecks } from '../../checks/engine/run';
import { collectSecrets, makeMasker } from '../../checks/engine/secrets';
import { renderCheck, CHECK_FORMATS } from '../../checks/app/report';
import { renderHtml } from '../../checks/app/report/html';
import { loadMiniEnv } from '../helpers/mini-env';
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
