/**
 * MLPS-018 — 云计算安全扩展要求 网络架构 b: isolation between cloud tenants (虚拟网络隔离).
 * Evidence: one system per namespace — no namespace of a stack holds resources labelled with two
 * different systems (including two namespace resources of the same name for different systems).
 * Counted: every namespace of a stack that holds resources of a system at levels 2+.
 */
import { countEvaluated, defineRule, fromLevel, mlpsControls, type RawFinding, type Resource } from '../sdk';
import { applies, deployedSystemLevel } from './lib/levels';
import { namespaceOf } from './lib/namespaces';
import { sortedUnique } from './lib/text';

const LEVELS = fromLevel(2);

export const MLPS_018 = defineRule({
  id: 'MLPS-018',
  pack: 'mlps',
  severity: 'high',
  title: { zh: '租户隔离：一个命名空间只属于一个系统', en: 'Tenant isolation: one system per namespace; no namespace shared by two systems' },
  clause: 'GB/T 22239-2019 8.2.2.1 b (cloud ext. 网络架构 b)',
  levels: LEVELS,
  controls: { 2: mlpsControls('7.2.2.1', 'b'), 3: mlpsControls('8.2.2.1', 'b'), 4: mlpsControls('9.2.2.1', 'b') },
  remediation: {
    zh: '每个系统使用自己的命名空间（名称为系统编号），不要把两个系统的资源放进同一命名空间。',
    en: "Give every system its own namespace (named after the system id); never put two systems' resources in one namespace.",
  },
  inputs: ['configuration'],
  check(ctx) {
    const groups = new Map<string, Resource[]>();
    for (const r of ctx.resources.all) {
      if (r.system === undefined || (r.kind !== 'namespace' && r.metadata.namespace === undefined)) continue;
      const key = `${r.stack}\u0000${namespaceOf(r)}`;
      const group = groups.get(key);
      if (group) group.push(r);
      else groups.set(key, [r]);
    }
    const out: RawFinding[] = [];
    for (const key of [...groups.keys()].sort()) {
      const rs = groups.get(key)!;
      const systems = sortedUnique(rs.map((r) => r.system as string));
      if (!systems.some((s) => applies(LEVELS, deployedSystemLevel(ctx, s)))) continue;
      countEvaluated(ctx, 1);
      if (systems.length < 2) continue;
      const [stack, ns] = key.split('\u0000');
      const anchor = rs.find((r) => r.kind === 'namespace') ?? rs[0];
      out.push({
        resource: anchor,
        message: {
          zh: `栈 ${stack} 的命名空间 ${ns} 同时承载多个系统：${systems.join(', ')}`,
          en: `Namespace ${ns} of stack ${stack} holds more than one system: ${systems.join(', ')}`,
        },
      });
    }
    return out;
  },
});
