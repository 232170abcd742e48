/**
 * Builds one normalized Resource from a Terraform resource body, whatever the input format.
 */
import { LABELS } from '../../core/labels';
import type { MlpsLevel } from '../../core/types';
import { rememberSecrets, secretKindSecrets, secretVisitor } from '../secrets';
import type { Resource } from '../types';
import { block, strMap, str } from '../values';
import { normalizeInPlace, normalizeValue } from './value';

export { normalizeValue };

/** `kubernetes_deployment_v1` / `kubernetes_deployment` → `deployment`; other providers unchanged. */
export function canonicalKind(type: string): string {
  if (!type.startsWith('kubernetes_')) return type;
  return type.slice('kubernetes_'.length).replace(/_v\d+(beta\d+|alpha\d+)?$/, '');
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
  /**
   * The body is the reader's own JSON parse output, referenced nowhere else: normalized in place
   * (no copy). Otherwise — a value the caller keeps, or one whose parts may be shared — copied.
   */
  inPlace?: boolean;
}

/** One collector for all resources (a resource is made in one synchronous call; most hold no secret). */
const secrets = new Set<string>();
const collectSecrets = secretVisitor(secrets);

/**
 * The resource of a body. The secrets in it (what the output masker needs, secrets.ts) are
 * collected by the same walk that normalizes it.
 */
export function makeResource(src: ResourceSource): Resource {
  secrets.clear();
  const attrs = src.inPlace === true ? normalizeInPlace(src.body ?? {}, collectSecrets) : normalizeValue(src.body ?? {}, collectSecrets);
  const attrsObj = (typeof attrs === 'object' && attrs !== null && !Array.isArray(attrs) ? attrs : {}) as Resource['attrs'];
  const kind = canonicalKind(src.type);
  secretKindSecrets({ kind, attrs: attrsObj }, secrets);
  rememberSecrets(attrsObj, secrets);
  const meta = block(attrsObj, 'metadata');
  const labels = Object.freeze(strMap(meta?.labels));
  const annotations = Object.freeze(strMap(meta?.annotations));
  const r: Resource = {
    type: src.type,
    kind,
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
