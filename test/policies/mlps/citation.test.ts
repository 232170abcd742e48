/**
 * Level-true citations (issue #15): a finding cites the clause of the level it was judged at —
 * chapter 7 for a level-2 system, 8 for level 3, 9 for level 4 — with that level and its controls;
 * MLPS-007, 008 and 010 cite what RULES.md says.
 */
import { describe, expect, it } from 'vitest';
import { citation, judgedLevel } from '../../../checks/engine/citation';
import { runChecks } from '../../../checks/engine/run';
import type { Finding, Rule } from '../../../checks/engine/types';
import { MLPS_PACK } from '../../../policies/mlps';
import { MLPS_006 } from '../../../policies/mlps/mlps-006-no-admin-grants';
import { MLPS_007 } from '../../../policies/mlps/mlps-007-separation-of-duties';
import { MLPS_008 } from '../../../policies/mlps/mlps-008-no-plaintext-secrets';
import { MLPS_010 } from '../../../policies/mlps/mlps-010-audit-log-retention';
import { MLPS_012 } from '../../../policies/mlps/mlps-012-local-backup';
import { MLPS_015 } from '../../../policies/mlps/mlps-015-remote-active-dr';
import { meta, miniEnv, resourcesOf, withEnv, type TfResources } from './support';

function check(rule: Rule, stacks: Record<string, TfResources> | undefined, env = miniEnv()): Finding[] {
  return runChecks({ env, resources: stacks ? resourcesOf(stacks) : [], hasConfiguration: stacks !== undefined, rules: [rule], asOf: '2018-07-01' }).findings;
}

/** ClusterRoleBindings granting cluster-admin to a tenant group, one per name → MLPS level (label). */
function adminGrants(levels: Record<string, string>): TfResources {
  const bindings = Object.entries(levels).map(([name, level]) => [
    name,
    {
      metadata: meta(name, undefined, { 'mlps-level': level }),
      role_ref: { api_group: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
      subject: [{ kind: 'Group', name: `tenant-${name}`, api_group: 'rbac.authorization.k8s.io' }],
    },
  ]);
  return { kubernetes_cluster_role_binding_v1: Object.fromEntries(bindings) };
}

describe('a finding cites the clause of its level', () => {
  it('MLPS-006: level 2 → 7.1.4.2 d, level 3 → 8.1.4.2 d, level 4 → 9.1.4.2 d', () => {
    const fs = check(MLPS_006, { 'div-8': adminGrants({ two: '2', three: '3', four: '4' }) });
    const byName = new Map(fs.map((f) => [f.address, f]));
    const two = byName.get('kubernetes_cluster_role_binding_v1.two');
    const three = byName.get('kubernetes_cluster_role_binding_v1.three');
    const four = byName.get('kubernetes_cluster_role_binding_v1.four');
    expect(two).toMatchObject({ level: 2, clause: 'GB/T 22239-2019 7.1.4.2 d 访问控制 (access control)' });
    expect(three).toMatchObject({ level: 3, clause: 'GB/T 22239-2019 8.1.4.2 d 访问控制 (access control)' });
    expect(four).toMatchObject({ level: 4, clause: 'GB/T 22239-2019 9.1.4.2 d 访问控制 (access control)' });
    expect(three?.controls?.map((c) => c.testItems)).toEqual([['L3-CES1-08']]);
    // No level-3 number leaks into a level-2 or level-4 finding.
    expect(two?.clause).not.toContain('8.1.');
    expect(four?.clause).not.toContain('8.1.');
  });

  it('a model finding on a system cites the system’s filed level (MLPS-012: 7.1.4.8 a at level 2, 8.1.4.9 a at level 3)', () => {
    // Level 2 backup is 7.1.4.8: level 2 has no 数据保密性, the numbers shift.
    expect(citation(MLPS_012, 2).clause).toBe('GB/T 22239-2019 7.1.4.8 a 数据备份恢复 (data backup and recovery)');
    expect(citation(MLPS_012, 3).clause).toBe('GB/T 22239-2019 8.1.4.9 a 数据备份恢复 (data backup and recovery)');
    expect(citation(MLPS_012, 4).clause).toBe('GB/T 22239-2019 9.1.4.9 a 数据备份恢复 (data backup and recovery)');
    const env = miniEnv();
    const level2 = env.inventory.systems.find((s) => s.mlps?.level === 2)!;
    expect(judgedLevel({ system: level2.id, message: { zh: '', en: '' } }, env)).toBe(2);
    expect(judgedLevel({ center: 'div-8', message: { zh: '', en: '' } }, env)).toBe(3);
    expect(judgedLevel({ message: { zh: '', en: '' } }, env)).toBeUndefined();
  });

  it('a level the rule does not apply to, or an unknown level, cites the summary clause', () => {
    expect(citation(MLPS_015, 3)).toEqual({ clause: MLPS_015.clause });
    expect(citation(MLPS_015, undefined)).toEqual({ clause: MLPS_015.clause });
    expect(citation(MLPS_015, 4)).toMatchObject({ level: 4, clause: 'GB/T 22239-2019 9.1.4.9 d 数据备份恢复 (data backup and recovery)' });
  });
});

describe('MLPS-007, MLPS-008, MLPS-010 as RULES.md gives them', () => {
  it('MLPS-008 cites 8.1.4.8 b (storage confidentiality) and says level 2 has no such control', () => {
    expect(MLPS_008.clause).toBe('GB/T 22239-2019 8.1.4.8 b');
    expect(citation(MLPS_008, 3).clause).toBe('GB/T 22239-2019 8.1.4.8 b 数据保密性 (data confidentiality)');
    expect(citation(MLPS_008, 3).controls?.[0].testItems).toEqual(['L3-CES1-28']);
    expect(citation(MLPS_008, 2)).toEqual({ clause: 'GB/T 22239-2019 第二级无对应控制点 (no level-2 control)', level: 2, controls: [] });
    const fs = check(MLPS_008, { 'div-8': { kubernetes_secret_v1: { db: { metadata: meta('db', 'ns', { 'mlps-level': '4' }), data: { password: 'hunter2' } } } } });
    expect(fs.map((f) => [f.level, f.clause])).toEqual([[4, 'GB/T 22239-2019 9.1.4.8 b 数据保密性 (data confidentiality)']]);
  });

  it('MLPS-010 cites the law art. 23(3) at every level (2025 amendment), 8.1.5.4 d from level 3, never art. 21 or 180 days', () => {
    for (const level of [2, 3, 4] as const) {
      const c = citation(MLPS_010, level).clause;
      expect(c, `level ${level}`).toContain('网络安全法 (2025 修正) 第二十三条第（三）项');
      expect(c).not.toMatch(/第二十一条|§21|180/);
    }
    expect(citation(MLPS_010, 2).clause).toBe('GB/T 22239-2019 第二级无对应控制点 (no level-2 control); 网络安全法 (2025 修正) 第二十三条第（三）项 (Cybersecurity Law as amended 2025, art. 23(3))');
    expect(citation(MLPS_010, 3).clause).toBe('GB/T 22239-2019 8.1.5.4 d 集中管控 (centralized management and control); 网络安全法 (2025 修正) 第二十三条第（三）项 (Cybersecurity Law as amended 2025, art. 23(3))');
    // A center's shipping ConfigMap is judged at the center's level (div-8: 3; corps-primary: 4).
    const shipping = (days: string): TfResources => ({
      kubernetes_config_map_v1: { audit: { metadata: meta('audit', 'btyun-ops', { 'audit-shipping': 'true' }), data: { endpoint: 'https://audit.xjbt.gov.cn', 'retention-days': days } } },
    });
    const fs = check(MLPS_010, { 'div-8': shipping('180'), 'corps-primary': shipping('184') });
    expect(fs.map((f) => [f.stack, f.level, f.clause.split(';')[0]])).toEqual([['div-8', 3, 'GB/T 22239-2019 8.1.5.4 d 集中管控 (centralized management and control)']]);
  });

  it('MLPS-010 keeps the legal floor: a policy of 180 days takes no effect without an approval', () => {
    const env = withEnv(miniEnv(), (e) => ({ policy: { ...e.policy, auditLogRetentionDays: 180 } }));
    const shipping: TfResources = {
      kubernetes_config_map_v1: { audit: { metadata: meta('audit', 'btyun-ops', { 'audit-shipping': 'true' }), data: { endpoint: 'https://audit.xjbt.gov.cn', 'retention-days': '180' } } },
    };
    const fs = check(MLPS_010, { 'div-8': shipping }, env);
    expect(fs.map((f) => f.message)).toEqual([expect.stringContaining('at least 184 required')]);
  });

  it('MLPS-007 cites the management-centre clauses and the management clauses (三权分立) of the judged level', () => {
    expect(citation(MLPS_007, 3).clause).toBe(
      'GB/T 22239-2019 8.1.5.1 a 系统管理 (system management); 8.1.5.2 a 审计管理 (audit management); 8.1.5.3 a 安全管理 (security management); 8.1.7.1 c 岗位设置 (posts); 8.1.7.2 b 人员配备 (staffing)',
    );
    expect(citation(MLPS_007, 4).controls?.map((c) => `${c.clause} ${c.item}`)).toEqual(['9.1.5.1 a', '9.1.5.2 a', '9.1.5.3 a', '9.1.7.1 c', '9.1.7.2 b']);
    const env = withEnv(miniEnv(), (e) => ({
      topology: { ...e.topology, centers: e.topology.centers.map((c) => (c.id === 'div-8' ? { ...c, adminGroups: { system: 'g', audit: 'g', security: 's' } } : c)) },
    }));
    const fs = check(MLPS_007, undefined, env);
    expect(fs.map((f) => [f.center, f.level, f.clause.startsWith('GB/T 22239-2019 8.1.5.1 a')])).toEqual([['div-8', 3, true]]);
  });
});

describe('every MLPS rule carries controls for each of its levels', () => {
  for (const rule of MLPS_PACK.rules) {
    it(`${rule.id}`, () => {
      expect(rule.controls, rule.id).toBeDefined();
      expect(Object.keys(rule.controls ?? {}).map(Number).sort()).toEqual([...rule.levels].sort());
      for (const level of rule.levels) {
        const c = citation(rule, level);
        expect(c.level).toBe(level);
        // The chapter of the level: 6 + level - 1 (level 2 → 7.x, level 3 → 8.x, level 4 → 9.x).
        for (const control of c.controls ?? []) expect(control.clause.startsWith(`${level + 5}.`), `${rule.id} level ${level}: ${control.clause}`).toBe(true);
      }
    });
  }
});
