/**
 * Kubernetes label selectors as Terraform writes them (`match_labels`, `match_expressions`; a block
 * as an object or a list of one), with ONE treatment of what cannot be read.
 *
 * Unresolved values: a selector, or a label value or expression in it, that is a `${…}` expression
 * cannot be read, so the answer is "unknown" — never a guessed yes or no. Each rule then decides by
 * its direction, and says so where it calls:
 *  - a rule that must prove a selector selects something (a PodDisruptionBudget selects the
 *    workload's pods: MLPS-004) takes unknown as "not proven": `selectorMatches` (a proven match);
 *  - a rule that must rule out traffic or exposure (an allow rule to another zone: NET-005) takes
 *    unknown as "possibly": `selectorMayMatch`, and `selectsEverything` / `mayBeUnrestricted`.
 * An absent selector, and one with neither labels nor expressions, selects everything (Kubernetes).
 */
import type { Value } from '../../checks/engine/types';
import { blocks, isObj, isUnresolved, str, strList, strMap, type Obj } from '../../checks/engine/values';

/** `true` selects, `false` does not, `undefined` cannot be told (an unresolved part). */
export type Selects = boolean | undefined;

function labelsBlock(sel: Obj): Value | undefined {
  const v = sel.match_labels;
  return Array.isArray(v) ? v[0] : v;
}

/** Whether `match_labels` holds anything that cannot be read (an unresolved map or value). */
function hasUnresolvedLabels(sel: Obj): boolean {
  const m = labelsBlock(sel);
  if (isUnresolved(m)) return true;
  return isObj(m) && Object.values(m).some((x) => typeof x !== 'string');
}

/** The literal `match_labels` of a selector. */
export function matchLabels(sel: Obj | undefined): Record<string, string> {
  return sel ? strMap(sel.match_labels) : {};
}

function expressionSelects(e: Obj, labels: Readonly<Record<string, string>>): Selects {
  const key = str(e, 'key');
  const op = str(e, 'operator');
  if (key === undefined || op === undefined || isUnresolved(e.values)) return undefined;
  const values = strList(e, 'values');
  const present = Object.prototype.hasOwnProperty.call(labels, key);
  switch (op) {
    case 'In':
      return present && values.includes(labels[key]);
    case 'NotIn':
      return !present || !values.includes(labels[key]);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false; // not an operator Kubernetes knows: it selects nothing
  }
}

/** Whether a selector selects a set of labels: true, false, or unknown. */
export function selects(sel: Obj | undefined, labels: Readonly<Record<string, string>>): Selects {
  if (sel === undefined) return true;
  let unknown = hasUnresolvedLabels(sel);
  for (const [k, v] of Object.entries(matchLabels(sel))) if (labels[k] !== v) return false;
  for (const e of blocks(sel, 'match_expressions')) {
    const r = expressionSelects(e, labels);
    if (r === false) return false;
    if (r === undefined) unknown = true;
  }
  return unknown ? undefined : true;
}

/** A proven match: unknown counts as no. */
export function selectorMatches(sel: Obj | undefined, labels: Readonly<Record<string, string>>): boolean {
  return selects(sel, labels) === true;
}

/** A possible match: unknown counts as yes. */
export function selectorMayMatch(sel: Obj | undefined, labels: Readonly<Record<string, string>>): boolean {
  return selects(sel, labels) !== false;
}

/** A selector that provably selects everything (absent, or nothing to select by). Unknown is not. */
export function isEmptySelector(sel: Obj | undefined): boolean {
  if (sel === undefined) return true;
  if (hasUnresolvedLabels(sel)) return false;
  return Object.keys(matchLabels(sel)).length === 0 && blocks(sel, 'match_expressions').length === 0;
}

/** A selector that may select everything: no literal label or expression restricts it. */
export function mayBeUnrestricted(sel: Obj | undefined): boolean {
  return sel === undefined || (Object.keys(matchLabels(sel)).length === 0 && blocks(sel, 'match_expressions').length === 0);
}
