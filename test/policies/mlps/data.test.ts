import fc from 'fast-check';
import { readTemplate } from '../../../checks/core/terraform-template';
import { describe, expect, it } from 'vitest';
import { MLPS_008 } from '../../../policies/mlps/mlps-008-no-plaintext-secrets';
import { MLPS_009 } from '../../../policies/mlps/mlps-009-encrypted-volumes';
import { MLPS_012 } from '../../../policies/mlps/mlps-012-local-backup';
import { isSensitiveName } from '../../../policies/mlps/lib/secrets';
import { meta, run, texts } from './support';

const SYS = 'hrss-social-insurance';
const SECRET_VALUE = 'S3cr3t-Pa55w0rd!';

function pod(env: Record<string, unknown>[]) {
  return {
    metadata: meta('web', SYS, { system: SYS }),
    spec: { template: { metadata: { labels: { app: 'web' } }, spec: { container: [{ name: 'app', image: 'x', env }] } } },
  };
}

describe('MLPS-008 no plaintext secrets', () => {
  it('reports literal secret data by key and never prints the value', () => {
    const stacks = {
      p: {
        kubernetes_secret_v1: {
          db: { metadata: meta('db', SYS, { system: SYS }), data: { password: SECRET_VALUE, user: '${var.user}' }, string_data: [{ token: SECRET_VALUE }] },
        },
      },
    };
    const fs = run(MLPS_008, stacks);
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('data.password, string_data.token');
    expect(fs[0].message.en).not.toContain('data.user');
    expect(texts(fs)).not.toContain(SECRET_VALUE);
  });
  it('passes secrets whose values are all references, and env from secret_key_ref', () => {
    const stacks = {
      p: {
        kubernetes_secret: { db: { metadata: meta('db', SYS), data: { password: '${var.db_password}' } } },
        kubernetes_deployment_v1: { w: pod([{ name: 'DB_PASSWORD', value_from: { secret_key_ref: { name: 'db', key: 'password' } } }, { name: 'LOG_LEVEL', value: 'info' }, { name: 'CONNECTION_TIMEOUT', value: '30' }]) },
      },
    };
    expect(run(MLPS_008, stacks)).toEqual([]);
  });
  it('reports credential-like env names with literals and URLs with passwords, without the values', () => {
    const url = `postgres://app:${SECRET_VALUE}@db:5432/x`;
    const container = { name: 'c', env: [{ name: 'API_KEY', value: SECRET_VALUE }, { name: 'DATABASE', value: url }] };
    const job = { metadata: meta('j', SYS), spec: { job_template: { spec: { template: { spec: { container } } } } } };
    const stacks = { p: { kubernetes_cron_job_v1: { j: job } } };
    const fs = run(MLPS_008, stacks);
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('env API_KEY');
    expect(fs[0].message.en).toContain('env DATABASE');
    expect(texts(fs)).not.toContain(SECRET_VALUE);
  });
  it('reports credential-named ConfigMap keys only', () => {
    const stacks = { p: { kubernetes_config_map_v1: { c: { metadata: meta('c', SYS), data: { 'db-password': SECRET_VALUE, endpoint: 'https://x' } } } } };
    const fs = run(MLPS_008, stacks);
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('data.db-password');
    expect(fs[0].message.en).not.toContain('endpoint');
  });
});

function storageClass(name: string, encrypted: 'label' | 'param' | 'no') {
  return {
    metadata: meta(name, undefined, encrypted === 'label' ? { encrypted: 'true' } : {}),
    storage_provisioner: 'csi.example',
    ...(encrypted === 'param' ? { parameters: { encrypted: 'true' } } : {}),
  };
}

function pvc(storageClassName?: unknown, labels: Record<string, string> = { system: SYS }) {
  return { metadata: meta('data', SYS, labels), spec: { access_modes: ['ReadWriteOnce'], ...(storageClassName !== undefined ? { storage_class_name: storageClassName } : {}), resources: { requests: { storage: '20Gi' } } } };
}

describe('MLPS-009 encrypted storage', () => {
  it('passes PVCs on an encrypted class, by name or by reference', () => {
    const stacks = {
      p: {
        kubernetes_storage_class_v1: { enc: storageClass('enc', 'label'), enc2: storageClass('enc2', 'param') },
        kubernetes_persistent_volume_claim_v1: { a: pvc('enc'), b: pvc('${kubernetes_storage_class_v1.enc2.metadata[0].name}') },
      },
    };
    expect(run(MLPS_009, stacks)).toEqual([]);
  });
  it('reports a plain class, a class of another stack, and a missing class name', () => {
    const stacks = {
      p: {
        kubernetes_storage_class_v1: { plain: storageClass('plain', 'no') },
        kubernetes_persistent_volume_claim_v1: { a: pvc('plain'), b: pvc('enc'), c: pvc() },
      },
      q: { kubernetes_storage_class_v1: { enc: storageClass('enc', 'label') } },
    };
    const fs = run(MLPS_009, stacks);
    expect(fs.map((f) => f.resource?.address).sort()).toEqual([
      'kubernetes_persistent_volume_claim_v1.a',
      'kubernetes_persistent_volume_claim_v1.b',
      'kubernetes_persistent_volume_claim_v1.c',
    ]);
    expect(texts(fs)).toContain('storage class plain (kubernetes_storage_class_v1.plain) is not encrypted');
    expect(texts(fs)).toContain('storage class enc is not defined in this stack');
  });
  it('reports an expression that is not a followable reference as unverifiable', () => {
    const fs = run(MLPS_009, { p: { kubernetes_persistent_volume_claim_v1: { a: pvc('${var.storage_class}') } } });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('storage_class_name is the expression ${var.storage_class}, so encryption cannot be verified');
  });
  it('judges StatefulSet volume claim templates, level 3+ only', () => {
    const sts = (labels: Record<string, string>) => ({
      metadata: meta('db', SYS, labels),
      spec: { volume_claim_template: [{ metadata: { name: 'data' }, spec: { storage_class_name: 'plain' } }], template: { spec: {} } },
    });
    const base = { kubernetes_storage_class_v1: { plain: storageClass('plain', 'no') } };
    const fs = run(MLPS_009, { p: { ...base, kubernetes_stateful_set_v1: { s: sts({ system: SYS }) } } });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('volume_claim_template[0] (data)');
    expect(run(MLPS_009, { p: { ...base, kubernetes_stateful_set_v1: { s: sts({ system: 'hrss-training-records' }) } } })).toEqual([]);
  });
});

describe('MLPS-012 local backup', () => {
  const cron = (labels: Record<string, string>) => ({ metadata: meta('backup', SYS, labels), spec: { schedule: '0 2 * * *', job_template: { spec: { template: { spec: {} } } } } });
  const ns = { metadata: meta(SYS, undefined, { system: SYS }) };
  it('passes when the backup CronJob is in the primary stack', () => {
    expect(run(MLPS_012, { 'corps-primary': { kubernetes_namespace_v1: { ns }, kubernetes_cron_job_v1: { b: cron({ system: SYS, backup: 'local' }) } } })).toEqual([]);
  });
  it('reports a system with filed storage and no backup, on its namespace', () => {
    const fs = run(MLPS_012, { 'corps-primary': { kubernetes_namespace_v1: { ns }, kubernetes_cron_job_v1: { b: cron({ system: SYS }) } } });
    expect(fs).toHaveLength(1);
    expect(fs[0].resource?.address).toBe('kubernetes_namespace_v1.ns');
    expect(fs[0].system).toBe(SYS);
  });
  it('does not accept a backup in another stack (e.g. the DR center)', () => {
    const stacks = { 'corps-primary': { kubernetes_namespace_v1: { ns } }, 'corps-dr-shihezi': { kubernetes_cron_job_v1: { b: cron({ system: SYS, backup: 'local', role: 'dr' }) } } };
    expect(run(MLPS_012, stacks)).toHaveLength(1);
  });
  it('finds persistent data from a PVC of an unfiled system, and ignores stateless systems', () => {
    const unfiled = { kubernetes_persistent_volume_claim_v1: { d: pvc('enc', { system: 'shadow-app' }) } };
    expect(run(MLPS_012, { 'corps-primary': unfiled }).map((f) => f.system)).toEqual(['shadow-app']);
    const stateless = { kubernetes_namespace_v1: { ns: { metadata: meta('shadow-web', undefined, { system: 'shadow-web' }) } } };
    expect(run(MLPS_012, { 'corps-primary': stateless })).toEqual([]);
  });
});

describe('credential-like names', () => {
  it('recognizes credential names and leaves names that only describe a secret', () => {
    for (const n of ['DB_PASSWORD', 'db-passwd', 'API_KEY', 'apikey', 'GITHUB_TOKEN', 'CLIENT_SECRET', 'DB_CONN', 'CONNECTION_STRING', 'PRIVATE_KEY', 'PG_DSN']) {
      expect(isSensitiveName(n), n).toBe(true);
    }
    for (const n of ['CONNECTION_TIMEOUT', 'SECRET_NAME', 'TOKEN_FILE', 'LOG_LEVEL', 'PORT', 'TOKEN_TTL']) expect(isSensitiveName(n), n).toBe(false);
  });
});

describe('MLPS-008 never prints a secret value', () => {
  it('holds for any literal value under any key, in Secrets and in credential env variables', () => {
    // A literal: a string Terraform would read as a template (`${…}`, `%{…}`) is not a value.
    const value = fc.string({ minLength: 6, maxLength: 40 }).filter((v) => {
      const read = readTemplate(v);
      return read.kind === 'literal' && read.value === v && v.trim().length >= 6;
    });
    const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,15}$/);
    fc.assert(
      fc.property(key, value, (k, v) => {
        const findings = (secret: string) =>
          run(MLPS_008, {
            'corps-primary': {
              kubernetes_secret_v1: { s: { metadata: meta('s', SYS, { system: SYS }), data: { [k]: secret } } },
              kubernetes_deployment_v1: { d: pod([{ name: 'DB_PASSWORD', value: secret }]) },
            },
          });
        // A value that happens to be part of the message's own wording is not a leak.
        fc.pre(!texts(findings('\u2063')).includes(v));
        const fs = findings(v);
        expect(fs).toHaveLength(2);
        expect(texts(fs).includes(v)).toBe(false);
      }),
      { numRuns: 100 },
    );
  });
});
