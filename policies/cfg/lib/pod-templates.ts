/**
 * A pod-template resource (checks/engine/pods.ts, `kubernetes_x` and `kubernetes_x_v1`) without a
 * pod spec, or whose pod spec has no container: every container rule iterates over nothing and
 * passes. The provider would not accept it; the gate must not either (CFG-001).
 * Blocks of the wrong shape on the way are judged-values.ts's to report, and a `dynamic` block
 * left in place of the missing block is reported there too: neither is repeated here.
 */
import { block, fieldPath, isObj, POD_TEMPLATE_PATHS, type Obj, type PathStep, type Resource, type Value } from '../../sdk';
import type { Issue } from './judged-values';

function absent(v: Value | undefined): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

function hasDynamic(obj: Obj, name: string): boolean {
  return isObj(obj.dynamic) && obj.dynamic[name] !== undefined;
}

export function podTemplateIssues(r: Resource): Issue[] {
  const path = POD_TEMPLATE_PATHS[r.kind];
  if (!path) return [];
  let cur: Obj = r.attrs;
  const steps: PathStep[] = [];
  for (const name of path) {
    if (absent(cur[name])) {
      if (hasDynamic(cur, name)) return [];
      const at = fieldPath([...steps, { name }]);
      return [
        {
          rule: 'CFG-001',
          zh: `${r.address}：没有 Pod 规约（缺少 ${at}），其中的容器无法验证`,
          en: `${r.address}: has no pod spec (${at} is missing), so none of its containers can be verified`,
        },
      ];
    }
    const next = block(cur, name);
    if (!next) return []; // wrong shape: reported by judged-values.ts
    steps.push({ name });
    cur = next;
  }
  if (!absent(cur.container) || hasDynamic(cur, 'container')) return [];
  const at = fieldPath(steps);
  return [
    {
      rule: 'CFG-001',
      zh: `${r.address}：Pod 规约（${at}）中没有 container，工作负载无法验证`,
      en: `${r.address}: the pod spec (${at}) has no container, so the workload cannot be verified`,
    },
  ];
}
