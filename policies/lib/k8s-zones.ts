/**
 * Zones of Kubernetes resources and label-selector matching, for the NET rules that judge
 * exposure and traffic between zones from the `xjbt.gov.cn/zone` labels.
 */
import type { Resource, ResourceIndex } from '../../checks/engine/types';
import { blocks, strList, strMap, type Obj } from '../../checks/engine/values';

/** The zone a resource lives in: its own zone label, else the zone label of its namespace. */
export function effectiveZone(index: ResourceIndex, r: Resource): string | undefined {
  if (r.zone !== undefined) return r.zone;
  const ns = r.kind === 'namespace' ? r.metadata.name : r.metadata.namespace;
  if (ns === undefined) return undefined;
  return index.namespace(r.stack, ns)?.zone;
}

/** The `match_labels` of a label selector (literal values only). */
export function matchLabels(selector: Obj | undefined): Record<string, string> {
  return selector ? strMap(selector.match_labels) : {};
}

/**
 * Whether a Kubernetes label selector matches a label set. An empty selector matches everything,
 * as in Kubernetes. Unknown operators match nothing (we cannot prove a match).
 */
export function selectorMatches(selector: Obj | undefined, labels: Readonly<Record<string, string>>): boolean {
  if (!selector) return true;
  for (const [k, v] of Object.entries(matchLabels(selector))) if (labels[k] !== v) return false;
  for (const expr of blocks(selector, 'match_expressions')) {
    const key = typeof expr.key === 'string' ? expr.key : undefined;
    const op = typeof expr.operator === 'string' ? expr.operator : undefined;
    if (key === undefined || op === undefined) return false;
    const values = strList(expr, 'values');
    const present = Object.prototype.hasOwnProperty.call(labels, key);
    const ok =
      op === 'In' ? present && values.includes(labels[key]) :
      op === 'NotIn' ? !present || !values.includes(labels[key]) :
      op === 'Exists' ? present :
      op === 'DoesNotExist' ? !present :
      false;
    if (!ok) return false;
  }
  return true;
}

/** Whether a selector block is present but selects by nothing (matches all). */
export function isEmptySelector(selector: Obj): boolean {
  return Object.keys(matchLabels(selector)).length === 0 && blocks(selector, 'match_expressions').length === 0;
}
