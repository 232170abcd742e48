import { describe, expect, it } from 'vitest';
import { MLPS_004 } from '../../../policies/mlps/mlps-004-redundant-workloads';
import { MLPS_006 } from '../../../policies/mlps/mlps-006-no-admin-grants';
import { MLPS_007 } from '../../../policies/mlps/mlps-007-separation-of-duties';
import { meta, miniEnv, run, texts, withEnv } from './support';

const SYS = 'hrss-social-insurance';

function deployment(opts: { replicas?: unknown; spread?: 'tsc' | 'anti' | 'none'; role?: string; labels?: Record<string, string> }) {
  const spec: Record<string, unknown> = {};
  // A constraint or term counts only if its label selector selects the workload's own pods (Kubernetes).
  if (opts.spread === 'tsc') spec.topology_spread_constraint = [{ topology_key: 'kubernetes.io/hostname', max_skew: 1, when_unsatisfiable: 'DoNotSchedule', label_selector: { match_labels: { app: 'web' } } }];
  if (opts.spread === 'anti') {
    spec.affinity = { pod_anti_affinity: { preferred_during_scheduling_ignored_during_execution: [{ weight: 100, pod_affinity_term: { topology_key: 'kubernetes.io/hostname', label_selector: { match_labels: { app: 'web' } } } }] } };
  }
  spec.container = [{ name: 'app', image: 'x' }];
  return {
    metadata: meta('web', SYS, { system: SYS, ...(opts.role ? { role: opts.role } : {}), ...(opts.labels ?? {}) }),
    spec: {
      ...(opts.replicas !== undefined ? { replicas: opts.replicas } : {}),
      selector: { match_labels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec },
    },
  };
}

function pdb(selector: Record<string, unknown>, ns = SYS) {
  return { metadata: meta('pdb', ns, { system: SYS }), spec: { min_available: 1, selector } };
}

describe('MLPS-004 redundant workloads', () => {
  it('passes 2 replicas spread by hostname with a matching PDB (match_labels or match_expressions)', () => {
    expect(run(MLPS_004, { p: { kubernetes_deployment_v1: { w: deployment({ replicas: 2, spread: 'tsc' }) }, kubernetes_pod_disruption_budget_v1: { b: pdb({ match_labels: { app: 'web' } }) } } })).toEqual([]);
    const expr = pdb({ match_expressions: [{ key: 'tier', operator: 'In', values: ['front'] }] });
    expect(run(MLPS_004, { p: { kubernetes_deployment: { w: deployment({ replicas: '3', spread: 'anti' }) }, kubernetes_pod_disruption_budget: { b: expr } } })).toEqual([]);
  });
  it('reports each missing element in one finding', () => {
    const fs = run(MLPS_004, { p: { kubernetes_deployment_v1: { w: deployment({ spread: 'none' }) }, kubernetes_pod_disruption_budget_v1: { b: pdb({ match_labels: { app: 'other' } }) } } });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('1 replica;');
    expect(fs[0].message.en).toContain('not spread across nodes');
    expect(fs[0].message.en).toContain('no matching PodDisruptionBudget');
  });
  it('does not take a PDB from another namespace', () => {
    const fs = run(MLPS_004, { p: { kubernetes_deployment_v1: { w: deployment({ replicas: 2, spread: 'tsc' }) }, kubernetes_pod_disruption_budget_v1: { b: pdb({ match_labels: { app: 'web' } }, 'other') } } });
    expect(fs[0].message.en).toMatch(/lacks redundancy: no matching PodDisruptionBudget$/);
  });
  it('skips DR instances and level-2 workloads; an unresolved replica count cannot be verified', () => {
    expect(run(MLPS_004, { p: { kubernetes_deployment_v1: { w: deployment({ role: 'dr' }) } } })).toEqual([]);
    expect(run(MLPS_004, { p: { kubernetes_deployment_v1: { w: deployment({ labels: { 'mlps-level': '2' } }) } } })).toEqual([]);
    const fs = run(MLPS_004, { p: { kubernetes_stateful_set_v1: { w: deployment({ replicas: '${var.n}', spread: 'tsc' }) } } });
    expect(fs[0].message.en.endsWith('lacks redundancy: replicas is the expression ${var.n} and cannot be verified; no matching PodDisruptionBudget')).toBe(true);
  });
});

function binding(roleRef: Record<string, unknown>, subjects: { kind: string; name: string }[], labels: Record<string, string> = {}, ns?: string) {
  return { metadata: meta('b', ns, labels), role_ref: { api_group: 'rbac.authorization.k8s.io', ...roleRef }, subject: subjects.map((s) => ({ api_group: 'rbac.authorization.k8s.io', ...s })) };
}

describe('MLPS-006 no admin grants to non-platform subjects', () => {
  it('passes cluster-admin for system: identities and the center system-admin group', () => {
    const b = binding({ kind: 'ClusterRole', name: 'cluster-admin' }, [{ kind: 'Group', name: 'corps-primary-sysadmins' }, { kind: 'Group', name: 'system:masters' }]);
    expect(run(MLPS_006, { 'corps-primary': { kubernetes_cluster_role_binding_v1: { b } } })).toEqual([]);
  });
  it("reports another center's group and department groups, naming only the offenders", () => {
    const b = binding({ kind: 'ClusterRole', name: 'cluster-admin' }, [{ kind: 'Group', name: 'corps-primary-sysadmins' }, { kind: 'Group', name: 'hrss-operators' }]);
    const fs = run(MLPS_006, { 'corps-dr-shihezi': { kubernetes_cluster_role_binding: { b } } });
    expect(fs).toHaveLength(1);
    expect(fs[0].message.en).toContain('Group corps-primary-sysadmins, Group hrss-operators');
  });
  it('follows a role_ref reference to a wildcard ClusterRole, and a Role in the same namespace', () => {
    const stacks = {
      'corps-primary': {
        kubernetes_cluster_role_v1: { star: { metadata: meta('star'), rule: [{ api_groups: [''], resources: ['*'], verbs: ['get'] }] } },
        kubernetes_role_v1: { nsstar: { metadata: meta('nsstar', SYS), rule: { api_groups: ['apps'], resources: ['deployments'], verbs: ['*'] } } },
        kubernetes_cluster_role_binding_v1: { b: binding({ kind: 'ClusterRole', name: '${kubernetes_cluster_role_v1.star.metadata[0].name}' }, [{ kind: 'User', name: 'alice' }]) },
        kubernetes_role_binding_v1: {
          rb: binding({ kind: 'Role', name: 'nsstar' }, [{ kind: 'Group', name: 'hrss-operators' }], {}, SYS),
          elsewhere: binding({ kind: 'Role', name: 'nsstar' }, [{ kind: 'Group', name: 'hrss-operators' }], {}, 'other'),
        },
      },
    };
    const fs = run(MLPS_006, stacks);
    expect(fs.map((f) => f.resource?.address).sort()).toEqual(['kubernetes_cluster_role_binding_v1.b', 'kubernetes_role_binding_v1.rb']);
  });
  it('passes a least-privilege role bound to a department group', () => {
    const stacks = {
      p: {
        kubernetes_role_v1: { r: { metadata: meta('r', SYS), rule: [{ api_groups: ['apps'], resources: ['deployments'], verbs: ['get', 'list'] }] } },
        kubernetes_role_binding_v1: { rb: binding({ kind: 'Role', name: 'r' }, [{ kind: 'Group', name: 'hrss-operators' }], {}, SYS) },
      },
    };
    expect(run(MLPS_006, stacks)).toEqual([]);
  });
});

function adminBinding(role: string, group: string) {
  return binding({ kind: 'ClusterRole', name: role === 'system' ? 'cluster-admin' : 'view' }, [{ kind: 'Group', name: group }], { 'admin-role': role });
}

describe('MLPS-007 separation of duties', () => {
  const good = {
      s: adminBinding('system', 'corps-primary-sysadmins'),
      a: adminBinding('audit', 'corps-primary-auditors'),
      x: adminBinding('security', 'corps-primary-secadmins'),
  };
  it('passes three bindings with three distinct groups', () => {
    expect(run(MLPS_007, { 'corps-primary': { kubernetes_cluster_role_binding_v1: good } })).toEqual([]);
  });
  it('reports a missing role and a subject holding two roles', () => {
    const fs = run(MLPS_007, { 'corps-primary': { kubernetes_cluster_role_binding_v1: { s: good.s, a: adminBinding('audit', 'corps-primary-sysadmins') } } });
    expect(fs).toHaveLength(2);
    expect(texts(fs)).toContain('security administrator role');
    expect(texts(fs)).toContain('Group/corps-primary-sysadmins (system+audit)');
    expect(fs.every((f) => f.center === 'corps-primary' && f.doc === 'topology')).toBe(true);
  });
  it('only judges stacks that are centers', () => {
    expect(run(MLPS_007, { scratch: { kubernetes_cluster_role_binding_v1: { s: good.s } } })).toEqual([]);
  });
  it('model part: reports a center whose admin groups are not distinct, also without configuration', () => {
    const env = withEnv(miniEnv(), (e) => ({
      topology: {
        ...e.topology,
        centers: e.topology.centers.map((c) => (c.id === 'div-8' ? { ...c, adminGroups: { system: 'ops', audit: 'ops', security: 'sec' } } : c)),
      },
    }));
    const fs = run(MLPS_007, undefined, env);
    expect(fs).toHaveLength(1);
    expect(fs[0].path).toBe('/centers/3/adminGroups');
  });
});
