/** Helpers to synthesize one center stack and read the Terraform JSON in tests. */
import { Testing } from 'cdktf';
import type { Environment } from '../../checks/core/types';
import { CenterStack } from '../../stacks/constructs/center-stack';

export type Body = Record<string, any>;

export interface TfResource {
  type: string;
  name: string;
  body: Body;
}

export interface TfJson {
  provider?: Record<string, Body[]>;
  terraform?: Body;
  resource?: Record<string, Record<string, Body>>;
}

/** Synthesizes the stack of center `centerId` of `env` (only that stack is built). */
export function synthCenter(env: Environment, centerId: string, asOf = '2018-07-01'): TfJson {
  const app = Testing.app({ stackTraces: false });
  const center = env.topology.centers.find((c) => c.id === centerId);
  if (!center) throw new Error(`no center ${centerId}`);
  const stack = new CenterStack(app, centerId, { env, center, asOf });
  return JSON.parse(Testing.synth(stack)) as TfJson;
}

export function resources(tf: TfJson, type?: string): TfResource[] {
  const out: TfResource[] = [];
  for (const [t, byName] of Object.entries(tf.resource ?? {})) {
    if (type !== undefined && t !== type) continue;
    for (const [name, body] of Object.entries(byName)) out.push({ type: t, name, body });
  }
  return out;
}

export function meta(r: TfResource): Body {
  return (r.body.metadata ?? {}) as Body;
}

/** Resources of a system: in its namespace (or its namespace itself). */
export function ofNamespace(tf: TfJson, ns: string): TfResource[] {
  return resources(tf).filter((r) => meta(r).namespace === ns || (r.type === 'kubernetes_namespace_v1' && meta(r).name === ns));
}

/** Pod templates of workload resources, with the path to the pod spec. */
export const POD_TEMPLATE: Record<string, (b: Body) => Body | undefined> = {
  kubernetes_deployment_v1: (b) => b.spec?.template,
  kubernetes_stateful_set_v1: (b) => b.spec?.template,
  kubernetes_daemon_set_v1: (b) => b.spec?.template,
  kubernetes_cron_job_v1: (b) => b.spec?.job_template?.spec?.template,
};
