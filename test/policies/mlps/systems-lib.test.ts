/**
 * Where systems are deployed (policies/mlps/lib/systems.ts), worked out once per resource index:
 * primary resources leave out DR instances and off-site replicas, systems come sorted, and each
 * index (each run) gets its own answer.
 */
import { describe, expect, it } from 'vitest';
import { buildResourceIndex } from '../../../checks/engine/resource-index';
import type { Resource, RuleContext } from '../../../checks/engine/types';
import { deployedSystems, primaryResources } from '../../../policies/mlps/lib/systems';
import { CONVENTION_LABELS } from '../../../checks/core/conventions';
import { resources } from '../../engine/helpers';

const labelled = (labels: Record<string, string>) => ({ metadata: { name: 'x', labels } });
const ctxOf = (rs: Resource[]) => ({ resources: buildResourceIndex(rs) }) as unknown as RuleContext;

describe('deployment of systems', () => {
  const rs = resources('s', {
    kubernetes_deployment_v1: {
      b: labelled({ 'xjbt.gov.cn/system': 'sys-b' }),
      a: labelled({ 'xjbt.gov.cn/system': 'sys-a' }),
      a_dr: labelled({ 'xjbt.gov.cn/system': 'sys-a', 'xjbt.gov.cn/role': 'dr' }),
      only_dr: labelled({ 'xjbt.gov.cn/system': 'sys-c', 'xjbt.gov.cn/role': 'dr' }),
    },
    kubernetes_persistent_volume_claim_v1: {
      a_data: labelled({ 'xjbt.gov.cn/system': 'sys-a' }),
      a_replica: labelled({ 'xjbt.gov.cn/system': 'sys-a', [CONVENTION_LABELS.backup]: 'replica' }),
    },
    kubernetes_config_map_v1: { none: labelled({}) },
  });

  it('lists systems with primary resources, sorted, and their primary resources in configuration order', () => {
    const ctx = ctxOf(rs);
    expect(deployedSystems(ctx)).toEqual(['sys-a', 'sys-b']);
    expect(primaryResources(ctx, 'sys-a').map((r) => r.address)).toEqual(['kubernetes_deployment_v1.a', 'kubernetes_persistent_volume_claim_v1.a_data']);
    expect(primaryResources(ctx, 'sys-c')).toEqual([]);
    expect(primaryResources(ctx, 'sys-a')).toBe(primaryResources(ctx, 'sys-a'));
  });

  it('answers each resource index on its own', () => {
    const first = ctxOf(rs);
    const other = ctxOf(rs.filter((r) => r.system !== 'sys-b'));
    expect(deployedSystems(first)).toEqual(['sys-a', 'sys-b']);
    expect(deployedSystems(other)).toEqual(['sys-a']);
    expect(primaryResources(other, 'sys-b')).toEqual([]);
  });
});
