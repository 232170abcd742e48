/**
 * Container resource limits and requests. In provider v2+ `limits`/`requests` are map attributes
 * (`limits = { cpu = "500m" }`); older configurations and plans write them as blocks, i.e. an
 * object or a list of one object. Both are read here.
 */
import { block, isObj, isUnresolved, type Obj } from '../../../checks/engine/values';
import type { Value } from '../../../checks/engine/types';
import { MISSING, type Reading } from '../../sdk/readings';

export type ResourceSection = 'limits' | 'requests';
export type ResourceName = 'cpu' | 'memory';

function section(v: Value | undefined): Obj | undefined {
  if (Array.isArray(v)) return v.find(isObj);
  return isObj(v) ? v : undefined;
}

/**
 * The quantity `resources.<section>.<name>` of a container. An unresolved value for the key is a
 * set value (reported as literal text); an unresolved whole map or block is `unresolved`.
 */
export function quantity(container: Obj, sectionName: ResourceSection, name: ResourceName): Reading<string> {
  const raw = container.resources;
  if (isUnresolved(raw)) return { kind: 'unresolved', expr: raw.$unresolved };
  const resources = block(container, 'resources');
  const sectionRaw = resources?.[sectionName];
  if (isUnresolved(sectionRaw)) return { kind: 'unresolved', expr: sectionRaw.$unresolved };
  const v = section(sectionRaw)?.[name];
  if (v === undefined || v === null) return MISSING;
  if (isUnresolved(v)) return { kind: 'literal', value: v.$unresolved };
  if (typeof v === 'string' && v.trim() !== '') return { kind: 'literal', value: v };
  if (typeof v === 'number') return { kind: 'literal', value: String(v) };
  return MISSING;
}
