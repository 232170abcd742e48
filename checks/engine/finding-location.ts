/**
 * Where a reviewer fixes a finding on synthesized output. A resource (or a configuration problem)
 * of a cdktf stack lives in a generated `stacks/<stack>/cdk.tf.json` that is not in the
 * repository; what produced it is a line of the environment's YAML: the system's inventory entry
 * (label `xjbt.gov.cn/system`), else the center's topology entry (stack id = center id), else the
 * zone's networks entry. `--tf` / `--plan` / `--manifests` findings keep their own source line.
 */
import type { DocumentName, Environment } from '../core/types';
import type { FindingOrigin, Resource } from './types';

/** A cdktf stack file (`stacks/<stack>/cdk.tf.json`, under any output folder). */
const SYNTHESIZED_FILE = /(^|\/)stacks\/[^/]+\/cdk\.tf\.json$/;

export function isSynthesized(resource: Resource | undefined, file: string | undefined): boolean {
  if (resource !== undefined) return resource.constructPath !== undefined;
  return file !== undefined && SYNTHESIZED_FILE.test(file);
}

function entry(env: Environment, doc: DocumentName, path: string): FindingOrigin | undefined {
  const at = env.locate(doc, path);
  return at === undefined ? undefined : { file: env.files[doc], line: at.line, column: at.column, doc, path };
}

/** The YAML entry that produced a synthesized resource or stack file, or undefined when not synthesized. */
export function originOf(
  env: Environment,
  resource: Resource | undefined,
  at: { file?: string; stack?: string; system?: string; center?: string },
): FindingOrigin | undefined {
  if (!isSynthesized(resource, at.file)) return undefined;
  const system = resource?.system ?? at.system;
  const si = system === undefined ? -1 : env.inventory.systems.findIndex((s) => s.id === system);
  if (si >= 0) {
    const o = entry(env, 'inventory', `/systems/${si}`);
    if (o) return o;
  }
  for (const id of [resource?.stack ?? at.stack, resource?.center ?? at.center]) {
    const ci = id === undefined ? -1 : env.topology.centers.findIndex((c) => c.id === id);
    if (ci >= 0) {
      const o = entry(env, 'topology', `/centers/${ci}`);
      if (o) return o;
    }
  }
  const zi = resource?.zone === undefined ? -1 : env.networks.zones.findIndex((z) => z.id === resource.zone);
  if (zi >= 0) {
    const o = entry(env, 'networks', `/zones/${zi}`);
    if (o) return o;
  }
  return entry(env, 'networks', '/zones') ?? entry(env, 'topology', '/centers');
}
