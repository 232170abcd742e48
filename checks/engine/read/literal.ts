/**
 * Whether a raw configuration value (JSON from a `.tf.json` or from hcl2json) is a literal: no
 * string in it is a Terraform template. "Template" is the normalizer's own definition
 * (normalizeValue), so the readers and the rules never disagree about what is known.
 */
import { normalizeValue } from '../normalize/resource';
import { isUnresolved } from '../values';
import type { Value } from '../types';
import { isJsonObject as isMap } from '../../core/json';

function hasUnresolved(v: Value): boolean {
  if (isUnresolved(v)) return true;
  if (Array.isArray(v)) return v.some(hasUnresolved);
  if (typeof v === 'object' && v !== null) return Object.values(v).some(hasUnresolved);
  return false;
}

export function isLiteral(raw: unknown): boolean {
  return !hasUnresolved(normalizeValue(raw));
}

/** A Terraform JSON block may be written as a body or a list of bodies (hcl2json always writes a list). */
export function bodiesOf(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.filter(isMap);
  return isMap(v) ? [v] : [];
}

export { isMap };
