import { describe, expect, it } from 'vitest';
import { MLPS_010 } from '../../../policies/mlps/mlps-010-audit-log-retention';
import { MLPS_011 } from '../../../policies/mlps/mlps-011-audit-protection';
import { MLPS_017 } from '../../../policies/mlps/mlps-017-in-china';
import type { Environment } from '../../../checks/core/types';
import { meta, miniEnv, run, texts, withEnv } from './support';

function shipping(data: Record<string, string>) {
  return {
    kubernetes_config_map_v1: {
      audit: {
        metadata: meta('audit-shipping', 'btyun-ops', { 'audit-shipping': 'true' }),
        data: { endpoint: 'https://audit.xjbt.gov.cn/ingest', 'retention-days': '184', 'store-center': 'corps-dr-shihezi', 'store-country': 'CN', immutable: 'true', ...data },
      },
    },
  };
}

function withStore(change: Partial<Environment['topology']['auditLogStore']>): Environment {
  return withEnv(miniEnv(), (e) => ({ topology: { ...e.topology, auditLogStore: { ...e.topology.auditLogStore, ...change } } }));
}

describe('MLPS-010 audit log shipping and retention', () => {
  it('passes the mini environment with a compliant ConfigMap in each center stack', () => {
    expect(run(MLPS_010, undefined)).toEqual([]);
    expect(run(MLPS_010, { 'corps-primary': shipping({}), 'div-8': shipping({ 'retention-days': '365' }) })).toEqual([]);
  });
  it('model part: reports a store kept less than the policy minimum, without configuration', () => {
    const fs = run(MLPS_010, undefined, withStore({ retentionDays: 90 }));
    expect(fs).toHaveLength(1);
    expect(fs[0].path).toBe('/auditLogStore/retentionDays');
    expect(fs[0].message.en).toContain('90 days, less than the required 184');
  });
  it('reports a center stack without a shipping ConfigMap, and a too-short or missing retention', () => {
    const fs = run(MLPS_010, { 'corps-primary': { kubernetes_namespace_v1: { ops: { metadata: meta('btyun-ops') } } }, 'div-8': shipping({ 'retention-days': '30' }), 'corps-dr-urumqi': shipping({ 'retention-days': '${var.days}' }) });
    expect(fs.map((f) => f.center ?? f.resource?.stack).sort()).toEqual(['corps-dr-urumqi', 'corps-primary', 'div-8']);
    expect(texts(fs)).toContain('retention-days is 30, at least 184 required');
    expect(texts(fs)).toContain('retention-days is missing (or not a literal)');
  });
  it('takes an endpoint that is blank to a reader (zero-width characters only) as missing', () => {
    const fs = run(MLPS_010, { 'corps-primary': shipping({ endpoint: '\u200b' }) });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('not compliant: no endpoint');
  });
  it('follows policy.auditLogRetentionDays', () => {
    const env = withEnv(miniEnv(), (e) => ({ policy: { ...e.policy, auditLogRetentionDays: 365 } }));
    expect(run(MLPS_010, { 'corps-primary': shipping({}) }, env).map((f) => f.path ?? f.resource?.address).sort()).toEqual(['/auditLogStore/retentionDays', 'kubernetes_config_map_v1.audit']);
  });
});

describe('MLPS-011 audit record protection', () => {
  it('passes an immutable store, and a mutable one in another center', () => {
    expect(run(MLPS_011, { 'corps-primary': shipping({ immutable: 'false' }) })).toEqual([]);
  });
  it('reports a mutable store for its own center (model) and a ConfigMap keeping logs at home', () => {
    expect(run(MLPS_011, undefined, withStore({ immutable: false })).map((f) => f.center)).toEqual(['corps-dr-shihezi']);
    const fs = run(MLPS_011, { 'corps-primary': shipping({ 'store-center': 'corps-primary', immutable: 'false' }) });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('(corps-primary)');
    expect(run(MLPS_011, { 'corps-primary': shipping({ 'store-center': 'corps-primary', immutable: 'true' }) })).toEqual([]);
  });
});

describe('MLPS-017 inside China', () => {
  it('passes the mini environment', () => {
    expect(run(MLPS_017, { 'corps-primary': shipping({}) })).toEqual([]);
  });
  it('reports a center, the audit store and a shipping target outside China', () => {
    const env = withEnv(miniEnv(), (e) => ({
      topology: {
        ...e.topology,
        centers: e.topology.centers.map((c) => (c.id === 'div-8' ? { ...c, country: 'KZ' } : c)),
        auditLogStore: { ...e.topology.auditLogStore, country: 'SG' },
      },
    }));
    const model = run(MLPS_017, undefined, env);
    expect(model.map((f) => f.path).sort()).toEqual(['/auditLogStore/country', '/centers/3/country']);
    const config = run(MLPS_017, { 'corps-primary': shipping({ 'store-country': 'US' }) });
    expect(config).toHaveLength(1);
    expect(config[0].message.en).toContain('store-country: US');
  });
});
