/**
 * A secret value never appears in any output format: a kubernetes_secret whose data holds a
 * distinctive literal, and a container env var PASSWORD with a literal value, checked through
 * every format of `check` (text, json, sarif, junit, markdown) and the HTML `report`, from HCL
 * (--tf) and from a plan (--plan).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashSigns, runBatched, type CliRun } from './support/built-cli';
import { miniCopy } from './support/envs';

const SECRET_DATA = 'Zq8-Distinct-Sekret-4471';
const ENV_PASSWORD = 'Xv3-Plain-Env-Pass-9902';
const FORBIDDEN = [SECRET_DATA, ENV_PASSWORD, ...[SECRET_DATA, ENV_PASSWORD].map((s) => Buffer.from(s).toString('base64'))];

const HCL = `resource "kubernetes_secret_v1" "db" {
  metadata {
    name      = "db"
    namespace = "hrss-social-insurance"
    labels    = { "xjbt.gov.cn/system" = "hrss-social-insurance" }
  }
  data = {
    password = "${SECRET_DATA}"
  }
}

resource "kubernetes_deployment_v1" "app" {
  metadata {
    name      = "app"
    namespace = "hrss-social-insurance"
    labels    = { "xjbt.gov.cn/system" = "hrss-social-insurance" }
  }
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
          env {
            name  = "PASSWORD"
            value = "${ENV_PASSWORD}"
          }
        }
      }
    }
  }
}
`;

const PLAN = {
  format_version: '1.2',
  planned_values: {
    root_module: {
      resources: [
        { address: 'kubernetes_secret_v1.db', mode: 'managed', type: 'kubernetes_secret_v1', name: 'db', values: { metadata: [{ name: 'db', namespace: 'hrss-social-insurance' }], data: { password: SECRET_DATA } } },
        {
          address: 'kubernetes_deployment_v1.app',
          mode: 'managed',
          type: 'kubernetes_deployment_v1',
          name: 'app',
          values: {
            metadata: [{ name: 'app', namespace: 'hrss-social-insurance' }],
            spec: [{ template: [{ spec: [{ container: [{ name: 'app', image: 'registry.xjbt.gov.cn/hrss/app:1.0', env: [{ name: 'PASSWORD', value: ENV_PASSWORD }] }] }] }] }],
          },
        },
      ],
    },
  },
};

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-secrets-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
const INPUTS = { tf: ['--tf', 'tf'], plan: ['--plan', 'plan.json'] } as const;
const runs: { label: string; run: CliRun; file?: string }[] = [];

beforeAll(async () => {
  miniCopy(path.join(tmpRoot, 'env'));
  fs.mkdirSync(path.join(tmpRoot, 'tf'));
  fs.writeFileSync(path.join(tmpRoot, 'tf', 'main.tf'), HCL);
  fs.writeFileSync(path.join(tmpRoot, 'plan.json'), JSON.stringify(PLAN, null, 2));
  const jobs: { label: string; args: string[]; file?: string }[] = [];
  for (const [input, flag] of Object.entries(INPUTS)) {
    for (const format of FORMATS) jobs.push({ label: `${input} ${format}`, args: ['check', '--env', 'env', ...flag, '--as-of', '2018-07-01', '--format', format] });
    jobs.push({ label: `${input} html`, args: ['report', '--env', 'env', ...flag, '--as-of', '2018-07-01', '--output', `report-${input}.html`], file: `report-${input}.html` });
  }
  const results = await runBatched(jobs.map((j) => ({ args: j.args, cwd: tmpRoot })), 2, tmpRoot);
  jobs.forEach((j, i) => runs.push({ label: j.label, run: results[i], file: j.file }));
}, 600_000);

describe('secret values in outputs', () => {
  it('the planted secrets are seen: MLPS-008 reports plaintext secrets in both inputs', () => {
    for (const input of Object.keys(INPUTS)) {
      const json = runs.find((r) => r.label === `${input} json`)!;
      const findings = (JSON.parse(json.run.stdout) as { findings: { ruleId: string }[] }).findings;
      expect(findings.filter((f) => f.ruleId === 'MLPS-008').length, input).toBeGreaterThan(0);
    }
  });

  it('no output of any format holds a secret value (nor its base64)', () => {
    expect(runs.length).toBe(12);
    for (const r of runs) {
      expect([0, 1], `${r.label}: ${r.run.stderr}`).toContain(r.run.code);
      expect(crashSigns(r.run.stderr)).toEqual([]);
      const text = r.run.stdout + r.run.stderr + (r.file ? fs.readFileSync(path.join(tmpRoot, r.file), 'utf8') : '');
      expect(text.length, r.label).toBeGreaterThan(100);
      for (const s of FORBIDDEN) expect(text, `${r.label} leaks ${s}`).not.toContain(s);
    }
  });
});
