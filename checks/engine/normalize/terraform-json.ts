/**
 * Terraform JSON configuration (cdktf's `cdk.tf.json`, or any `*.tf.json`) → resources.
 * Shape: `{ resource: { TYPE: { NAME: body } } }`; `resource` and a type's entry may also be
 * lists (Terraform JSON allows both), and a body may be a list of one body.
 * A part of that shape with the wrong type (`"resource": "oops"`, a body that is a string) is bad
 * input, reported with its JSON path: it is never skipped, since a skipped resource is a resource
 * nobody checked.
 */
import { InputError, type InputProblem } from '../../core/errors';
import { childPointer } from '../../core/pointer';
import { printableProblem } from '../../core/printable';
import type { Resource } from '../types';
import { scanJsonKeys, type JsonKeyLines } from './json-keys';
import { makeResource } from './resource';
import { isJsonObject as isMap } from '../../core/json';

function constructPathOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const meta = (body as Record<string, unknown>)['//'];
  const path = (meta as { metadata?: { path?: unknown } } | undefined)?.metadata?.path;
  return typeof path === 'string' ? path : undefined;
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a map' : `a ${typeof v}`;
}

/** How a configuration file was read (read/terraform-files.ts): its key lines, and whether its document is the reader's own. */
export interface TerraformJsonSource {
  readonly lines: JsonKeyLines;
  /** The document is the reader's own parse output, referenced nowhere else: normalized in place (normalize/value.ts). */
  readonly inPlace: boolean;
}

/**
 * The resources of a Terraform JSON document. `source`: the file's text (scanned for the lines of
 * the resources), or what the file reader already knows; absent, no lines. The document is copied
 * unless `source` says it may be normalized in place.
 */
export function normalizeTerraformJson(doc: unknown, stack: string, file: string, source?: string | TerraformJsonSource): Resource[] {
  const out: Resource[] = [];
  if (typeof doc !== 'object' || doc === null) return out;
  const resources = (doc as Record<string, unknown>).resource;
  if (resources === undefined || resources === null) return out;
  const lines = typeof source === 'string' ? scanJsonKeys(source).lines : source?.lines;
  const inPlace = typeof source === 'object' && source.inPlace;
  const problems: InputProblem[] = [];
  const bad = (pointer: string, keys: string[], message: string): void => {
    const line = lines?.line('resource', ...keys) ?? lines?.line('resource', ...keys.slice(0, 1)) ?? lines?.line('resource');
    problems.push({ file, ...(line !== undefined ? { line } : {}), path: pointer, message });
  };
  const groups: [unknown, string][] = Array.isArray(resources) ? resources.map((g, i) => [g, childPointer('/resource', i)]) : [[resources, '/resource']];
  for (const [group, groupPointer] of groups) {
    if (!isMap(group)) {
      bad(groupPointer, [], `must be a map of resource types (got ${kindOf(group)})`);
      continue;
    }
    for (const [type, byName] of Object.entries(group)) {
      const typePointer = childPointer(groupPointer, type);
      const named: [unknown, string][] = Array.isArray(byName) ? byName.map((x, i) => [x, childPointer(typePointer, i)]) : [[byName, typePointer]];
      for (const [names, namesPointer] of named) {
        if (!isMap(names)) {
          bad(namesPointer, [type], `resource type '${type}' must map resource names to bodies (got ${kindOf(names)})`);
          continue;
        }
        // for…in over own keys (the order of Object.entries): no pair array per resource.
        for (const name in names) {
          if (!Object.prototype.hasOwnProperty.call(names, name)) continue;
          const rawBody = names[name];
          if (Array.isArray(rawBody) && rawBody.length !== 1) {
            bad(childPointer(namesPointer, name), [type, name], `resource ${type}.${name} must have exactly one body (got a list of ${rawBody.length})`);
            continue;
          }
          const body = Array.isArray(rawBody) ? rawBody[0] : rawBody;
          if (!isMap(body)) {
            bad(childPointer(namesPointer, name), [type, name], `resource ${type}.${name} must be a map of arguments (got ${kindOf(body)})`);
            continue;
          }
          const line = lines?.line('resource', type, name);
          out.push(makeResource({ type, name, body, stack, file, line, constructPath: constructPathOf(body), inPlace }));
        }
      }
    }
  }
  // Keys from the input are echoed: control characters must not reach the terminal.
  if (problems.length > 0) throw new InputError(problems.map(printableProblem));
  return out;
}
