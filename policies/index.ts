/**
 * The rule catalogue: every pack, in catalogue order (the order of RULES.md). Ids are a contract
 * (docs/contract/RULES.md). Everything that names packs — `--packs`, `btyun rules`, the schema's
 * enum (checked by a test), docs/rules.md — derives from this list.
 */
import type { Rule } from '../checks/engine/types';
import type { Pack } from './sdk/define';
import { TOPO_PACK } from './topo';
import { NET_PACK } from './net';
import { INV_PACK } from './inv';
import { MIG_PACK } from './mig';
import { MLPS_PACK } from './mlps';
import { K8S_PACK } from './k8s';
import { CFG_PACK } from './cfg';
import { EXC_PACK } from './exc';

export const PACKS: readonly Pack[] = [TOPO_PACK, NET_PACK, INV_PACK, MIG_PACK, MLPS_PACK, K8S_PACK, CFG_PACK, EXC_PACK];

export const ALL_RULES: readonly Rule[] = PACKS.flatMap((p) => p.rules);

export const PACK_IDS: readonly string[] = PACKS.map((p) => p.id);

/** `TOPO-001`, `K8S-027`, …: the shape of an id of one of the packs. */
export const RULE_ID_PATTERN = new RegExp(`^(${PACKS.map((p) => p.prefix).join('|')})-\\d{3}$`);

export function packById(id: string): Pack | undefined {
  return PACKS.find((p) => p.id === id);
}

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
