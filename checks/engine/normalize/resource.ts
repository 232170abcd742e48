/**
 * Builds one normalized Resource from a Terraform resource body, whatever the input format.
 */
import { LABELS } from '../../core/labels';
import { readTemplate } from '../../core/terraform-template';
import type { MlpsLevel } from '../../core/types';
import type { Resource, Value } from '../types';
import { block, strMap, str } from '../values';

/** `kubernetes_deployment_v1` / `kubernetes_deployment` → `deployment`; other providers unchanged. */
export function canonicalKind(type: string): string {
  if (!type.startsWith('kubernetes_')) return type;
  return type.slice('kubernetes_'.length).replace(/_v\d+(beta\d+|alpha\d+)?$/, '');
}

/**
 * Deep-copies a JSON value into the normalized form: strings holding a template (`${…}`, `%{…}`)
 * become Unresolved, escaped ones (`$${`, `%%{`) the literal text Terraform deploys,
 * keys `//` (cdktf metadata) are dropped, and everything is frozen. Nothing is evaluated.
 */
export function normalizeValue(v: unknown, depth = 0): Value {
  if (depth > 64) return { $unresolved: '<nesting too deep>' };
  if (typeof v === 'string') {
    const read = readTemplate(v);
    return read.kind === 'template' ? Object.freeze({ $unresolved: v }) : read.value;
  }
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return v;
  if (Array.isArray(v)) return Object.freeze(v.map((x) => normalizeValue(x, depth + 1))) as Value[];
  if (typeof v === 'object') {
    const out: Record<string, Value> = Object.create(null);
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (k === '//' || x === undefined) continue;
      out[k] = normalizeValue(x, depth + 1);
    }
    return Object.freeze(out);
  }
  return null;
}

function parseLevel(s: string | undefined): MlpsLevel | undefined {
  return s === '1' || s === '2' || s === '3' || s === '4' ? (Number(s) as MlpsLevel) : undefined;
}

export interface ResourceSource {
  type: string;
  name: string;
  body: unknown;
  stack: string;
  file: string;
  line?: number;
  /** Module path prefix for plan child modules, e.g. `module.web.` */
  modulePrefix?: string;
  constructPath?: string;
}

export function makeResource(src: ResourceSource): Resource {
  const attrs = normalizeValue(src.body ?? {}) as Resource['attrs'];
  const attrsObj = (typeof attrs === 'object' && attrs !== null && !Array.isArray(attrs) ? attrs : {}) as Resource['attrs'];
  const meta = block(attrsObj, 'metadata');
  const labels = Object.freeze(strMap(meta?.labels));
  const annotations = Object.freeze(strMap(meta?.annotations));
  const r: Resource = {
    type: src.type,
    kind: canonicalKind(src.type),
    name: src.name,
    address: `${src.modulePrefix ?? ''}${src.type}.${src.name}`,
    stack: src.stack,
    file: src.file,
    ...(src.line !== undefined ? { line: src.line } : {}),
    ...(src.constructPath !== undefined ? { constructPath: src.constructPath } : {}),
    attrs: attrsObj,
    metadata: Object.freeze({
      ...(str(meta, 'name') !== undefined ? { name: str(meta, 'name') } : {}),
      ...(str(meta, 'namespace') !== undefined ? { namespace: str(meta, 'namespace') } : {}),
      labels,
      annotations,
    }),
    system: labels[LABELS.system],
    department: labels[LABELS.department],
    center: labels[LABELS.center],
    zone: labels[LABELS.zone],
    role: labels[LABELS.role],
    level: parseLevel(labels[LABELS.mlpsLevel]),
  };
  return Object.freeze(r);
}
