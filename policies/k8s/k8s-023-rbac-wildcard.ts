/**
 * K8S-023 no wildcard in Role/ClusterRole rules: `*` in verbs, resources (also as a prefix, e.g. `*` followed by `/scale`) or
 * api_groups. "Must not" rule: unresolved items pass.
 */
import { ALL_LEVELS, blocks, defineResourceRule, readList } from '../sdk';
import { resourceFinding } from './lib/text';
import { LEAST_PRIVILEGE } from './lib/controls';

const FIELDS = ['api_groups', 'resources', 'verbs'] as const;

export const K8S_023 = defineResourceRule({
  id: 'K8S-023',
  pack: 'k8s',
  severity: 'high',
  title: { zh: 'Role/ClusterRole 不使用通配符（*）', en: 'No wildcard (*) in Role/ClusterRole verbs, resources or API groups' },
  clause: 'GB/T 22239-2019 8.1.4.2 d',
  levels: ALL_LEVELS,
  controls: LEAST_PRIVILEGE,
  remediation: {
    zh: '在 rule 的 api_groups、resources、verbs 中逐项列出所需内容，不用 *（最小权限）。',
    en: 'List the needed api_groups, resources and verbs explicitly in each rule instead of * (least privilege).',
  },
  kinds: ['role', 'cluster_role'],
  judge: (resource) =>
    blocks(resource.attrs, 'rule').flatMap((rule, index) => {
      const wild = FIELDS.filter((f) => readList(rule, f).literals.some((x) => x.includes('*')));
      if (wild.length === 0) return [];
      const fields = wild.join(', ');
      return [
        resourceFinding(resource, {
          zh: `第 ${index + 1} 条 rule 的 ${fields} 含通配符 *`,
          en: `rule #${index + 1} has a wildcard * in ${fields}`,
        }),
      ];
    }),
});
