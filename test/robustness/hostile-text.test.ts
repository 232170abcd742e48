/**
 * Issue 12 — secrets and text: input errors never echo values; MLPS-008 sees credentials in URLs,
 * PEM keys, DB_PASS-style names and `--password=` args; a 40,000-character value does not break
 * the masking; every output format and every error message is free of the planted secrets; text
 * from inputs is safe for a terminal and a page; order does not depend on the locale.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashSigns, runBatched, type CliRun } from './support/built-cli';
import { miniCopy, miniText } from './support/envs';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-hostile-text-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const PG_PASS = 'S3cr3tConnPgx';
const JDBC_PASS = 'J7dbcRootPw';
const PEM_BODY = 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7';
const DB_PASS = 'Dbp4ssValue9';
const ARG_PASS = 'Arg9PassValue';
const LONG = 'YWFh'.repeat(10_000); // 40,000 characters
const PLANTED = [PG_PASS, JDBC_PASS, PEM_BODY, DB_PASS, ARG_PASS, LONG.slice(0, 40)];

const PEM = `-----BEGIN PRIVATE KEY-----\\n${PEM_BODY}\\n-----END PRIVATE KEY-----\\n`;
const META = (name: string) => `  metadata {
    name      = "${name}"
    namespace = "hrss-social-insurance"
    labels    = { "xjbt.gov.cn/system" = "hrss-social-insurance" }
  }`;

const HCL = `resource "kubernetes_config_map_v1" "urls" {
${META('urls')}
  data = {
    primary = "postgres://admin:${PG_PASS}@db.hrss.svc:5432/si"
    legacy  = "jdbc:mysql://root:${JDBC_PASS}@mysql.hrss.svc:3306/si"
    tls     = "${PEM}"
  }
}

resource "kubernetes_deployment_v1" "app" {
${META('app')}
  spec {
    replicas = 1
    template {
      metadata {
        labels = { app = "app" }
      }
      spec {
        container {
          name  = "app"
          image = "registry.xjbt.gov.cn/hrss/app:1.0"
          args  = ["--password=${ARG_PASS}", "${LONG}://x"]
          env {
            name  = "DB_PASS"
            value = "${DB_PASS}"
          }
          env {
            name  = "DB_PASSWORD"
            value = "${LONG}://"
          }
        }
      }
    }
  }
}
`;

const runs = new Map<string, CliRun & { file?: string }>();
const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;

const BIDI_YAML = 'wave\\u202e1gnp.exe\\u200b';
const ESC_YAML = '\\e]0;pwned\\a\\e[2J';

beforeAll(async () => {
  miniCopy(path.join(tmpRoot, 'env'));
  fs.mkdirSync(path.join(tmpRoot, 'tf'));
  fs.writeFileSync(path.join(tmpRoot, 'tf', 'main.tf'), HCL);
  // YAML syntax error on a line that holds a secret.
  // YAML syntax errors on lines that hold a secret (the parser quotes or names the token).
  miniCopy(path.join(tmpRoot, 'env-syntax'), { policy: `failOn: high\n]S3cr3tB\n`, networks: `zones: |x S3cr3tB\n  a\n` });
  // Schema error on a connection string.
  miniCopy(path.join(tmpRoot, 'env-schema'), { policy: `failOn: postgres://tf:${PG_PASS}@db.example:5432/x\n` });
  // Hostile names in the model.
  // YAML double-quoted escapes: \e ESC, \a BEL, \uXXXX.
  const migration = miniText('migration').replace('兵团机关部门机房迁入兵团云 (first center move)', `"${ESC_YAML}${BIDI_YAML}"`);
  const inventory = miniText('inventory').replace('site: 人社局三楼机房', `site: "机房${ESC_YAML}\\u202e"`);
  expect(migration).not.toBe(miniText('migration'));
  expect(inventory).not.toBe(miniText('inventory'));
  miniCopy(path.join(tmpRoot, 'env-names'), { migration, inventory });
  const jobs: { label: string; args: string[]; file?: string }[] = [];
  for (const f of FORMATS) jobs.push({ label: `tf ${f}`, args: ['check', '--env', 'env', '--tf', 'tf', '--as-of', '2018-07-01', '--format', f] });
  jobs.push({ label: 'tf html', args: ['report', '--env', 'env', '--tf', 'tf', '--as-of', '2018-07-01', '--output', 'report.html'], file: 'report.html' });
  jobs.push({ label: 'syntax', args: ['validate', '--env', 'env-syntax'] });
  jobs.push({ label: 'schema', args: ['validate', '--env', 'env-schema'] });
  for (const f of ['text', 'markdown', 'json'] as const) jobs.push({ label: `migration ${f}`, args: ['migration', '--env', 'env-names', '--as-of', '2018-07-01', '--format', f] });
  for (const f of ['text', 'markdown'] as const) jobs.push({ label: `names check ${f}`, args: ['check', '--env', 'env-names', '--as-of', '2018-07-01', '--format', f] });
  jobs.push({ label: 'names html', args: ['report', '--env', 'env-names', '--as-of', '2018-07-01', '--output', 'names.html'], file: 'names.html' });
  const results = await runBatched(jobs.map((j) => ({ args: j.args, cwd: tmpRoot })), 2, tmpRoot);
  jobs.forEach((j, i) => runs.set(j.label, { ...results[i], file: j.file }));
}, 600_000);

const all = (r: CliRun & { file?: string }) => r.stdout + r.stderr + (r.file && fs.existsSync(path.join(tmpRoot, r.file)) ? fs.readFileSync(path.join(tmpRoot, r.file), 'utf8') : '');

describe('issue 12: secrets', () => {
  it('a 40,000-character value followed by :// in args and DB_PASSWORD does not break check', () => {
    for (const f of FORMATS) {
      const r = runs.get(`tf ${f}`)!;
      expect(r.stderr, f).not.toContain('Invalid regular expression');
      expect(crashSigns(r.stderr), f).toEqual([]);
      expect(r.code, `${f}: ${r.stderr.slice(0, 300)}`).toBe(1);
    }
  });

  it('MLPS-008 catches URL credentials in config maps, a PEM key under any key, DB_PASS and --password=', () => {
    const findings = (JSON.parse(runs.get('tf json')!.stdout) as { findings: { ruleId: string; message: string }[] }).findings.filter((f) => f.ruleId === 'MLPS-008');
    const text = findings.map((f) => f.message).join('\n');
    for (const key of ['data.primary', 'data.legacy', 'data.tls', 'env DB_PASS', '--password']) expect(text, key).toContain(key);
  });

  it('no output format and no error message holds a planted secret', () => {
    for (const [label, r] of runs) {
      const text = all(r);
      for (const s of PLANTED) expect(text, `${label} leaks ${s.slice(0, 12)}…`).not.toContain(s);
    }
  });

  it('a YAML syntax error names the place, not the token', () => {
    const r = runs.get('syntax')!;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^env-syntax\/policy\.yaml:2:\d+: /m);
    expect(r.stderr).toMatch(/^env-syntax\/networks\.yaml:1:\d+: /m);
    expect(r.stderr).not.toContain('S3cr3tB');
  });

  it('a schema error names the place and the expectation, not the value', () => {
    const r = runs.get('schema')!;
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^env-schema\/policy\.yaml:1:\d+: \/failOn: /m);
    expect(r.stderr).not.toContain('postgres://');
  });
});

describe('issue 12: text from inputs is safe for a terminal and a page', () => {
  const RAW = ['\u001b', '\u0007', '\u202e', '\u200b'];
  it('btyun migration and check text show control, bidi and zero-width characters escaped', () => {
    for (const label of ['migration text', 'names check text']) {
      const r = runs.get(label)!;
      expect(crashSigns(r.stderr)).toEqual([]);
      for (const c of RAW) expect(r.stdout + r.stderr, `${label} prints U+${c.charCodeAt(0).toString(16)}`).not.toContain(c);
    }
    expect(runs.get('migration text')!.stdout).toContain('\\u202e');
  });

  it('markdown and HTML neutralise them', () => {
    for (const label of ['migration markdown', 'names check markdown', 'names html']) {
      const text = all(runs.get(label)!);
      for (const c of RAW) expect(text, `${label} holds U+${c.charCodeAt(0).toString(16)}`).not.toContain(c);
    }
  });
});
