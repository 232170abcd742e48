/**
 * Container resource limits and requests. In provider v2+ `limits`/`requests` are map attributes
 * (`limits = { cpu = "500m" }`); older configurations and plans write them as blocks, i.e. an
 * object or a list of one object. Both are read here.
 */
import { block, isObj, isUnresolved, MISSING, type Obj, type Reading, type ResourceRuleSpec, type Value } from '../../sdk';
import { unverifiable } from './text';
import { judgeContainers } from './workloads';

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

const SECTION_TEXT: Record<ResourceSection, { zh: string; en: string }> = {
  limits: { zh: '上限', en: 'limit' },
  requests: { zh: '请求量', en: 'request' },
};
const NAME_TEXT: Record<ResourceName, { zh: string; en: string }> = {
  cpu: { zh: ' CPU ', en: 'CPU' }, // spaced: Latin within Chinese text
  memory: { zh: '内存', en: 'memory' },
};

/**
 * K8S-011..014, "is set" rules on every container and init container: a key with an unresolved
 * value is set (passes); a whole unresolved `limits`/`requests` map (or `resources`) cannot be
 * verified and is reported.
 */
export function judgeQuantity(section: ResourceSection, name: ResourceName): ResourceRuleSpec['judge'] {
  const attr = `resources.${section}.${name}`;
  const what = { zh: `${NAME_TEXT[name].zh}${SECTION_TEXT[section].zh}`, en: `${NAME_TEXT[name].en} ${SECTION_TEXT[section].en}` };
  return judgeContainers(({ ref }) => {
    const q = quantity(ref.container, section, name);
    if (q.kind === 'literal') return undefined;
    if (q.kind === 'unresolved') return unverifiable(attr, q.expr);
    return { zh: `未设置${what.zh}（${attr}）`, en: `has no ${what.en} (${attr})` };
  });
}
