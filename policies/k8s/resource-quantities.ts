/**
 * K8S-011..014 CPU/memory limits and requests set, on every container and init container.
 * "Is set" rules: a key with an unresolved value is set (passes); a whole unresolved
 * `limits`/`requests` map (or `resources`) cannot be verified and is reported.
 */
import type { Rule, Severity } from '../../checks/engine/types';
import { ALL_LEVELS, defineRule } from '../sdk/define';
import { quantity, type ResourceName, type ResourceSection } from './lib/resources';
import { unverifiable } from './lib/text';
import { checkContainers } from './lib/workloads';

const LEVELS = ALL_LEVELS;

const SECTION_TEXT: Record<ResourceSection, { zh: string; en: string }> = {
  limits: { zh: '上限', en: 'limit' },
  requests: { zh: '请求量', en: 'request' },
};
const NAME_TEXT: Record<ResourceName, { zh: string; en: string }> = {
  cpu: { zh: ' CPU ', en: 'CPU' }, // spaced: Latin within Chinese text
  memory: { zh: '内存', en: 'memory' },
};

function quantityRule(id: string, severity: Severity, section: ResourceSection, name: ResourceName): Rule {
  const attr = `resources.${section}.${name}`;
  const what = { zh: `${NAME_TEXT[name].zh}${SECTION_TEXT[section].zh}`, en: `${NAME_TEXT[name].en} ${SECTION_TEXT[section].en}` };
  return defineRule({
    id,
    pack: 'k8s',
    severity,
    title: { zh: `设置${what.zh}（${attr}）`, en: `${what.en[0].toUpperCase()}${what.en.slice(1)} set` },
    // Resource control: one workload must not starve the others at peak (业务高峰).
    clause: 'GB/T 22239-2019 8.1.2.1 a',
    levels: LEVELS,
    remediation: {
      zh: `为每个容器（含 init 容器）设置 ${attr}。`,
      en: `Set ${attr} on every container and init container.`,
    },
    inputs: ['configuration'],
    check: (ctx) =>
      checkContainers(ctx, LEVELS, ({ ref }) => {
        const q = quantity(ref.container, section, name);
        if (q.kind === 'literal') return undefined;
        if (q.kind === 'unresolved') return unverifiable(attr, q.expr);
        return { zh: `未设置${what.zh}（${attr}）`, en: `has no ${what.en} (${attr})` };
      }),
  });
}

export const K8S_011 = quantityRule('K8S-011', 'medium', 'limits', 'cpu');
export const K8S_012 = quantityRule('K8S-012', 'medium', 'limits', 'memory');
export const K8S_013 = quantityRule('K8S-013', 'low', 'requests', 'cpu');
export const K8S_014 = quantityRule('K8S-014', 'low', 'requests', 'memory');
