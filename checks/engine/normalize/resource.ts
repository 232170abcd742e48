/**
 * Builds one normalized Resource from a Terraform resource body, whatever the input format.
 */
import { LABELS } from '../../core/labels';
import type { MlpsLevel } from '../../core/types';
import { rememberSecrets, secretKindSecrets, secretVisitor } from '../secrets';
import type { Resource } from '../types';
import { block, strMap, str } from '../values';
import { rememberUnresolved } from '../template-free';
import { normalizeInPlace, normalizeValue, unresolvedCount } from './value';

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

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** One collector for all resources (a resource is made in one synchronous call; most hold no secret). */
const secrets = new Set<string>();
const collectSecrets = secretVisitor(secrets);

/**
 * The resource of a body. The secrets in it (what the output masker needs, secrets.ts) are
 * collected by the same walk that normalizes it.
 */
export function makeResource(src: ResourceSource): Resource {
  secrets.clear();
  const unresolvedBefore = unresolvedCount();
  const attrs = src.inPlace === true ? normalizeInPlace(src.body ?? {}, collectSecrets) : normalizeValue(src.body ?? {}, collectSecrets);
  const attrsObj = (typeof attrs === 'object' && attrs !== null && !Array.isArray(attrs) ? attrs : {}) as Resource['attrs'];
  if (unresolvedCount() !== unresolvedBefore) rememberUnresolved(attrsObj);
  const kind = canonicalKind(src.type);
  secretKindSecrets({ kind, attrs: attrsObj }, secrets);
  rememberSecrets(attrsObj, secrets);
  const meta = block(attrsObj, 'metadata');
  const labels = Object.freeze(strMap(meta?.labels));
  const annotations = Object.freeze(strMap(meta?.annotations));
  // Built key by key, in the order the spreads of optional keys used to give (the objects of
  // 63,682 resources: the temporary objects of those spreads cost 0.07 s, issue #18).
  const r: Mutable<Resource> = { type: src.type, kind, name: src.name, address: `${src.modulePrefix ?? ''}${src.type}.${src.name}`, stack: src.stack, file: src.file } as Mutable<Resource>;
  if (src.line !== undefined) r.line = src.line;
  if (src.constructPath !== undefined) r.constructPath = src.constructPath;
  r.attrs = attrsObj;
  const name = str(meta, 'name');
  const namespace = str(meta, 'namespace');
  const metadata: Mutable<Resource['metadata']> = {} as Mutable<Resource['metadata']>;
  if (name !== undefined) metadata.name = name;
  if (namespace !== undefined) metadata.namespace = namespace;
  metadata.labels = labels;
  metadata.annotations = annotations;
  r.metadata = Object.freeze(metadata);
  r.system = labels[LABELS.system];
  r.department = labels[LABELS.department];
  r.center = labels[LABELS.center];
  r.zone = labels[LABELS.zone];
  r.role = labels[LABELS.role];
  r.level = parseLevel(labels[LABELS.mlpsLevel]);
  return Object.freeze(r);
}
