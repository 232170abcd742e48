/**
 * Issue 12 helpers: the linear URL-credential scan agrees with the regex it replaced; the masker
 * handles a 40,000-character secret without a regular expression; code-point order; printable
 * text; the line-offset index; YAML duplicate keys with a Set per map.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasPemPrivateKey, maskUrlPasswords, urlPasswords } from '../../checks/core/credentials';
import { lineIndex } from '../../checks/core/line-index';
import { compareCodePoints } from '../../checks/core/order';
import { printable, printableInPage } from '../../checks/core/printable';
import { parseYaml } from '../../checks/core/yaml';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { collectSecrets, makeMasker, MASK } from '../../checks/engine/secrets';
import type { Resource } from '../../checks/engine/types';

/** The regex of the old mask (quadratic on `a…a://`), as the reference on small inputs. */
const OLD_URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s@/]+)(@)/gi;

describe('URL credentials (linear scan)', () => {
  it('agrees with the old regex on arbitrary short texts', () => {
    const alphabet = fc.constantFrom('a', 'B', '1', ':', '/', '@', ' ', '.', '+', '-', 'x', '\n', 'é');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }).map((a) => a.join('')), (text) => {
        expect(maskUrlPasswords(text, MASK)).toBe(text.replace(OLD_URL_PASSWORD, `$1${MASK}$3`));
        expect(urlPasswords(text)).toEqual([...text.matchAll(OLD_URL_PASSWORD)].map((m) => m[2]));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds postgres:// and jdbc:mysql:// passwords', () => {
    expect(urlPasswords('postgres://admin:pw1@db:5432/x')).toEqual(['pw1']);
    expect(urlPasswords('jdbc:mysql://root:pw2@mysql:3306/x')).toEqual(['pw2']);
    expect(urlPasswords('https://example.org/a:b@c')).toEqual([]);
  });

  it('a 200 KB value of a…a:// is scanned at once', () => {
    const text = `${'a'.repeat(200_000)}://`;
    expect(maskUrlPasswords(text, MASK)).toBe(text);
  });

  it('PEM private keys are recognised, public ones and certificates not', () => {
    expect(hasPemPrivateKey('-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----')).toBe(true);
    expect(hasPemPrivateKey('x -----BEGIN RSA PRIVATE KEY-----\n')).toBe(true);
    expect(hasPemPrivateKey('-----BEGIN CERTIFICATE-----\nMII\n-----END CERTIFICATE-----')).toBe(false);
  });
});

describe('the secret masker (no regular expression built from values)', () => {
  it('masks a 40,000-character secret followed by :// without "Invalid regular expression"', () => {
    const secret = 'YWFh'.repeat(10_000);
    const mask = makeMasker([secret, 'ab']);
    expect(mask(`x ${secret}:// y`)).toBe(`x ${MASK}:// y`);
  });

  it('short secrets only as whole tokens; overlapping secrets leave no part behind', () => {
    const mask = makeMasker(['abc', 'Sekret-4471', 'ret-4471-x']);
    expect(mask('abc abcd xabc')).toBe(`${MASK} abcd xabc`);
    expect(mask('Sekret-4471-x!')).toBe(`${MASK}!`);
  });

  it('collects DB_PASS env values, --password= args and PEM keys under any key', () => {
    const r = {
      kind: 'deployment', type: 'kubernetes_deployment_v1', name: 'x', stack: 's', file: 'f', address: 'a',
      attrs: { env: [{ name: 'DB_PASS', value: 'v-db-pass' }], args: ['--password=v-arg-pass', '--token', 'v-next-token'], data: { tls: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END PRIVATE KEY-----\n' } },
    } as unknown as Resource;
    const secrets = collectSecrets([r]);
    for (const s of ['v-db-pass', 'v-arg-pass', 'v-next-token', 'MIIEvQIBADANBgkqhkiG9w0B']) expect(secrets.has(s), s).toBe(true);
  });
});

describe('code-point order', () => {
  it('does not follow the locale, and orders astral characters after the BMP', () => {
    expect(['b', 'aa', 'ch', 'h'].sort(compareCodePoints)).toEqual(['aa', 'b', 'ch', 'h']);
    expect(['\u{1F600}', '\uFF01'].sort(compareCodePoints)).toEqual(['\uFF01', '\u{1F600}']);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const cp = (s: string) => [...s].map((c) => c.codePointAt(0)!);
        const [x, y] = [cp(a), cp(b)];
        let ref = 0;
        for (let i = 0; i < Math.min(x.length, y.length) && ref === 0; i++) ref = x[i] - y[i];
        if (ref === 0) ref = x.length - y.length;
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(ref));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('no locale-dependent order in the sources', () => {
  it('checks/, policies/ and stacks/ never call localeCompare (compareCodePoints instead)', () => {
    const hits: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.name.endsWith('.ts') && /\.localeCompare\(|Intl\.Collator/.test(fs.readFileSync(p, 'utf8'))) hits.push(path.relative(PACKAGE_ROOT, p));
      }
    };
    for (const d of ['checks', 'policies', 'stacks']) walk(path.join(PACKAGE_ROOT, d));
    expect(hits).toEqual([]);
  });
});

describe('printable', () => {
  it('escapes C0, C1, ESC sequences, bidi overrides and zero-width characters', () => {
    expect(printable('a\u001b[2Jb\u009b\u202e\u200b\u2066\ufeffc')).toBe('a\\u001b[2Jb\\u009b\\u202e\\u200b\\u2066\\ufeffc');
    expect(printableInPage('line 1\nline\u202e 2\t')).toBe('line 1\nline\\u202e 2\t');
    expect(printable('兵团云 ok')).toBe('兵团云 ok');
  });
});

describe('line index', () => {
  it('agrees with counting newlines', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', '\n', 'b'), { maxLength: 60 }).map((a) => a.join('')), fc.nat(), (text, k) => {
        const at = text.length === 0 ? 0 : k % text.length;
        expect(lineIndex(text)(at)).toBe(text.slice(0, at).split('\n').length);
      }),
    );
  });
});

describe('YAML duplicate keys (a Set per map)', () => {
  it('reports the second key with its line and path, also in nested maps', () => {
    const r = parseYaml('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n', 'x.yaml');
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.path} ${p.message}`)).toEqual([
      '4:3 /b/c duplicate key (map keys must be unique)',
      '5:1 /a duplicate key (map keys must be unique)',
    ]);
  });

  it('a map of 50,000 distinct keys is read', () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\n';
    const r = parseYaml(text, 'x.yaml');
    expect(r.problems).toEqual([]);
    expect(Object.keys(r.value as object)).toHaveLength(50_000);
  });
});
