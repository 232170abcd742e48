/**
 * Pod templates of workload resources, for every pod-template kind and both `_v1` and
 * unversioned types (the kind is already canonical, see Resource.kind).
 */
import type { Resource } from './types';
import { block, blocks, dig, type Obj } from './values';

/** Canonical kinds that carry a pod spec, with the block path from the resource body to it. */
export const POD_TEMPLATE_PATHS: Readonly<Record<string, readonly string[]>> = {
  pod: ['spec'],
  deployment: ['spec', 'template', 'spec'],
  stateful_set: ['spec', 'template', 'spec'],
  daemon_set: ['spec', 'template', 'spec'],
  daemonset: ['spec', 'template', 'spec'],
  replica_set: ['spec', 'template', 'spec'],
  job: ['spec', 'template', 'spec'],
  replication_controller: ['spec', 'template', 'spec'],
  cron_job: ['spec', 'job_template', 'spec', 'template', 'spec'],
};

export const POD_TEMPLATE_KINDS: readonly string[] = Object.keys(POD_TEMPLATE_PATHS);

/**
 * Per resource (frozen, its attrs never mutated by a rule): the pod spec, or null for none. The 31
 * pod rules each ask for it, per workload: one lookup instead of following the path each time.
 */
const podSpecs = new WeakMap<Resource, Obj | null>();

/** The pod spec of a workload resource, or undefined. */
export function podSpec(r: Resource): Obj | undefined {
  const hit = podSpecs.get(r);
  if (hit !== undefined) return hit ?? undefined;
  const path = Object.prototype.hasOwnProperty.call(POD_TEMPLATE_PATHS, r.kind) ? POD_TEMPLATE_PATHS[r.kind] : undefined;
  let cur: Obj | undefined = path === undefined ? undefined : r.attrs;
  for (let i = 0; path !== undefined && i < path.length && cur !== undefined; i++) cur = block(cur, path[i]);
  podSpecs.set(r, cur ?? null);
  return cur;
}

/** The pod template metadata (labels of the pods), where the kind has a template. */
export function podTemplateMetadata(r: Resource): Obj | undefined {
  const path = POD_TEMPLATE_PATHS[r.kind];
  if (!path) return undefined;
  return r.kind === 'pod' ? dig(r.attrs, 'metadata') : dig(r.attrs, ...path.slice(0, -1), 'metadata');
}

export interface ContainerRef {
  container: Obj;
  /** `container` or `init_container` */
  type: 'container' | 'init_container';
  name: string;
  index: number;
}

/** Per pod spec (a normalized value no rule mutates): the 31 container rules each ask for the same list. */
const containersOf = new WeakMap<Obj, readonly ContainerRef[]>();

/** Every container and init container of a pod spec. */
export function containers(spec: Obj | undefined): readonly ContainerRef[] {
  if (!spec) return [];
  const hit = containersOf.get(spec);
  if (hit !== undefined) return hit;
  const out: ContainerRef[] = [];
  for (const type of ['init_container', 'container'] as const) {
    blocks(spec, type).forEach((c, index) => {
      const name = typeof c.name === 'string' ? c.name : `${type}[${index}]`;
      out.push(Object.freeze({ container: c, type, name, index }));
    });
  }
  Object.freeze(out);
  containersOf.set(spec, out);
  return out;
}
