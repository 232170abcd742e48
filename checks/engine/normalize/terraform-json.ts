/**
 * Terraform JSON configuration (cdktf's `cdk.tf.json`, or any `*.tf.json`) → resources.
 * Shape: `{ resource: { TYPE: { NAME: body } } }`; `resource` and a type's entry may also be
 * lists (Terraform JSON allows both), and a body may be a list of one body.
 */
import type { Resource } from '../types';
import { makeResource } from './resource';

function constructPathOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const meta = (body as Record<string, unknown>)['//'];
  const path = (meta as { metadata?: { path?: unknown } } | undefined)?.metadata?.path;
  return typeof path === 'string' ? path : undefined;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Best-effort 1-based line of a resource in the JSON text: the `"NAME":` key that follows the
 * `"TYPE":` key. Undefined when the text is not given or the keys are not found.
 */
export function jsonLineOf(text: string | undefined, type: string, name: string): number | undefined {
  if (text === undefined) return undefined;
  const typeAt = new RegExp(`"${escapeRegExp(type)}"\\s*:`).exec(text);
  if (!typeAt) return undefined;
  const rest = text.slice(typeAt.index);
  const nameAt = new RegExp(`"${escapeRegExp(name)}"\\s*:`).exec(rest);
  if (!nameAt) return undefined;
  const upto = typeAt.index + nameAt.index;
  let line = 1;
  for (let i = 0; i < upto; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function normalizeTerraformJson(doc: unknown, stack: string, file: string, text?: string): Resource[] {
  const out: Resource[] = [];
  if (typeof doc !== 'object' || doc === null) return out;
  const resources = (doc as Record<string, unknown>).resource;
  const groups = Array.isArray(resources) ? resources : [resources];
  for (const group of groups) {
    if (typeof group !== 'object' || group === null) continue;
    for (const [type, byName] of Object.entries(group as Record<string, unknown>)) {
      if (typeof byName !== 'object' || byName === null) continue;
      const entries = Array.isArray(byName)
        ? byName.flatMap((x) => (typeof x === 'object' && x !== null ? Object.entries(x as object) : []))
        : Object.entries(byName);
      for (const [name, rawBody] of entries) {
        const body = Array.isArray(rawBody) ? rawBody[0] : rawBody;
        out.push(
          makeResource({ type, name, body, stack, file, line: jsonLineOf(text, type, name), constructPath: constructPathOf(body) }),
        );
      }
    }
  }
  return out;
}
