/**
 * The rule catalogue: every pack, in catalogue order. Ids are a contract (RULES.md).
 */
import type { PackId, Rule } from '../checks/engine/types';
import { TOPO_RULES } from './topo';
import { NET_RULES } from './net';
import { INV_RULES } from './inv';
import { MIG_RULES } from './mig';
import { MLPS_RULES } from './mlps';
import { K8S_RULES } from './k8s';
import { CFG_RULES } from './cfg';
import { EXC_RULES } from './exc';

export const PACKS: Readonly<Record<PackId, readonly Rule[]>> = {
  topo: TOPO_RULES,
  net: NET_RULES,
  inv: INV_RULES,
  mig: MIG_RULES,
  mlps: MLPS_RULES,
  k8s: K8S_RULES,
  cfg: CFG_RULES,
  exc: EXC_RULES,
};

export const ALL_RULES: readonly Rule[] = Object.values(PACKS).flat();

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
