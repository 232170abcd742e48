/**
 * Kubernetes label selectors as Terraform writes them (`match_labels`, `match_expressions`):
 * emptiness (selects everything) and matching against pod template labels.
 */
import { blocks, isObj, isUnresolved, str, strList, strMap, type Obj } from '../../../checks/engine/values';
import type { Value } from '../../../checks/engine/types';

function matchLabelsValue(sel: Obj): Value | undefined {
  return sel.match_labels;
}

/** Whether `match_labels` holds anything we cannot read (an unresolved map or value). */
function hasUnresolvedLabels(sel: Obj): boolean {
  const v = matchLabelsValue(sel);
  if (isUnresolved(v)) return true;
  const m = Array.isArray(v) ? v[0] : v;
  return isObj(m) && Object.values(m).some((x) => typeof x !== 'string');
}

/** An absent or empty selector selects every pod (or namespace); an unreadable one is not empty. */
export function isEmptySelector(sel: Obj | undefined): boolean {
  if (sel === undefined) return true;
  if (hasUnresolvedLabels(sel)) return false;
  return Object.keys(strMap(matchLabelsValue(sel))).length === 0 && blocks(sel, 'match_expressions').length === 0;
}

/** Whether a selector matches a set of labels; unreadable parts never match. */
export function selectorMatches(sel: Obj | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (sel === undefined) return true;
  if (hasUnresolvedLabels(sel)) return false;
  for (const [k, v] of Object.entries(strMap(matchLabelsValue(sel)))) if (labels[k] !== v) return false;
  for (const e of blocks(sel, 'match_expressions')) {
    const key = str(e, 'key');
    const op = str(e, 'operator');
    if (key === undefined || op === undefined) return false;
    const values = strList(e, 'values');
    const present = Object.prototype.hasOwnProperty.call(labels, key);
    if (op === 'In' && !(present && values.includes(labels[key]))) return false;
    if (op === 'NotIn' && present && values.includes(labels[key])) return false;
    if (op === 'Exists' && !present) return false;
    if (op === 'DoesNotExist' && present) return false;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op)) return false;
  }
  return true;
}
