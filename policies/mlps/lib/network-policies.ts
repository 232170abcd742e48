/**
 * NetworkPolicy reading: default-deny shape and allow-all peers, as the kubernetes provider
 * writes them (`spec.pod_selector`, `spec.policy_types`, `spec.ingress[].from[]`, `spec.egress[].to[]`).
 */
import { blocks, dig, has, isEmptySelector, str, strList, type Obj, type Resource } from '../../sdk';

export type Direction = 'Ingress' | 'Egress';

const RULE_BLOCK: Record<Direction, string> = { Ingress: 'ingress', Egress: 'egress' };
const PEER_BLOCK: Record<Direction, string> = { Ingress: 'from', Egress: 'to' };

export function policySpec(np: Resource): Obj | undefined {
  return dig(np.attrs, 'spec');
}

/** Rules of a direction: `ingress` / `egress` blocks. */
export function directionRules(np: Resource, d: Direction): Obj[] {
  return blocks(policySpec(np), RULE_BLOCK[d]);
}

export function peers(rule: Obj, d: Direction): Obj[] {
  return blocks(rule, PEER_BLOCK[d]);
}

/** A policy that selects every pod, lists the direction in policy_types and admits nothing in it. */
export function deniesAll(np: Resource, d: Direction): boolean {
  const spec = policySpec(np);
  if (spec === undefined) return false;
  if (has(spec, 'pod_selector') && !isEmptySelector(dig(spec, 'pod_selector'))) return false;
  if (!strList(spec, 'policy_types').includes(d)) return false;
  return directionRules(np, d).length === 0;
}

/** A peer without pod selector, namespace selector or ip block: it admits everything. */
export function isEmptyPeer(peer: Obj): boolean {
  return !has(peer, 'pod_selector') && !has(peer, 'namespace_selector') && !has(peer, 'ip_block');
}

const ANY_ADDRESS = new Set(['0.0.0.0/0', '::/0']);

/** The literal CIDR of a peer's ip_block when it is the whole address space. */
export function anyAddressCidr(peer: Obj): string | undefined {
  const cidr = str(dig(peer, 'ip_block'), 'cidr');
  return cidr !== undefined && ANY_ADDRESS.has(cidr.trim()) ? cidr.trim() : undefined;
}
