/**
 * Rule selection: `--packs P,…` (default: the policy's packs) and `--rules ID,…`.
 * Both given → the union. An unknown pack or rule id is a UsageError (exit 2).
 */
import { UsageError } from '../core/errors';
import type { PackId, Rule } from './types';

export interface RuleSelection {
  /** Explicit `--packs`; undefined = the policy's packs (unless `rules` is given). */
  packs?: readonly string[];
  rules?: readonly string[];
  /** The policy's packs (policy.packs). */
  defaultPacks: readonly PackId[];
}

export function selectRules(catalogue: readonly Rule[], sel: RuleSelection): Rule[] {
  const known = [...new Set(catalogue.map((r) => r.pack))];
  const unknownPacks = (sel.packs ?? []).filter((p) => !known.includes(p));
  if (unknownPacks.length > 0) throw new UsageError(`unknown pack ${unknownPacks.join(', ')} (known: ${known.join(', ')})`);
  const byId = new Map(catalogue.map((r) => [r.id, r]));
  const unknownRules = (sel.rules ?? []).filter((id) => !byId.has(id.toUpperCase()));
  if (unknownRules.length > 0) throw new UsageError(`unknown rule ${unknownRules.join(', ')} (see \`btyun rules\`)`);
  const packs = new Set<string>(sel.packs ?? (sel.rules === undefined ? sel.defaultPacks : []));
  const ids = new Set((sel.rules ?? []).map((id) => id.toUpperCase()));
  // Catalogue order, each rule once.
  const selected = catalogue.filter((r) => packs.has(r.pack) || ids.has(r.id));
  // An empty selection would pass vacuously: a CI job with an empty --packs must not go green.
  if (selected.length === 0) throw new UsageError('no rule selected (check --packs / --rules and the policy packs)');
  return selected;
}
