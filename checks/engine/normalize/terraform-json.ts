/**
 * Terraform JSON configuration (cdktf's `cdk.tf.json`, or any `*.tf.json`) → resources.
 * Shape: `{ resource: { TYPE: { NAME: body } } }`; a body may also be a list of one body.
 */
import type { Resource } from '../types';
import { makeResource } from './resource';

function constructPathOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const meta = (body as Record<string, unknown>)['//'];
  const path = (meta as { metadata?: { path?: unknown } } | undefined)?.metadata?.path;
  return typeof path === 'string' ? path : undefined;
}

export function normalizeTerraformJson(doc: unknown, stack: string, file: string): Resource[] {
  const out: Resource[] = [];
  if (typeof doc !== 'object' || doc === null) return out;
  const resources = (doc as Record<string, unknown>).resource;
  const groups = Array.isArray(resources) ? resources : [resources];
  for (const group of groups) {
    if (typeof group !== 'object' || group === null) continue;
    for (const [type, byName] of Object.entries(group as Record<string, unknown>)) {
      if (typeof byName !== 'object' || byName === null) continue;
      const entries = Array.isArray(byName) ? byName.flatMap((x) => Object.entries(x as object)) : Object.entries(byName);
      for (const [name, rawBody] of entries) {
        const body = Array.isArray(rawBody) ? rawBody[0] : rawBody;
        out.push(makeResource({ type, name, body, stack, file, constructPath: constructPathOf(body) }));
      }
    }
  }
  return out;
}
