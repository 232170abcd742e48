/** Zones of Kubernetes resources, from the `xjbt.gov.cn/zone` labels (the NET rules on exposure and traffic). */
import { resourceNamespace } from '../../checks/engine/resource-index';
import type { Resource, ResourceIndex } from '../../checks/engine/types';

/** The zone a resource lives in: its own zone label, else the zone label of its namespace (`default` when it sets none). */
export function effectiveZone(index: ResourceIndex, r: Resource): string | undefined {
  if (r.zone !== undefined) return r.zone;
  const ns = resourceNamespace(r);
  if (ns === undefined) return undefined;
  return index.namespace(r.stack, ns)?.zone;
}
