/**
 * Container image references (docker reference grammar): `[registry/]path[:tag][@digest]`.
 * The first path component is a registry host only when it contains `.` or `:` or is `localhost`;
 * otherwise the image comes from Docker Hub (`docker.io`).
 */
export interface ImageRef {
  /** Registry host, lower-cased; `docker.io` when none is written. */
  readonly registry: string;
  /** Repository path without registry, tag or digest. */
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;
}

export const DOCKER_HUB = 'docker.io';

/** `sha256:<64 hex>` (or another algorithm with a hex value), as after `@`. */
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-f]{32,}$/i;

export function isRegistryHost(component: string): boolean {
  return component.includes('.') || component.includes(':') || component === 'localhost';
}

export function parseImage(image: string): ImageRef {
  const at = image.indexOf('@');
  const digest = at >= 0 ? image.slice(at + 1) : undefined;
  const name = at >= 0 ? image.slice(0, at) : image;
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  const tag = colon > slash ? name.slice(colon + 1) : undefined;
  const path = colon > slash ? name.slice(0, colon) : name;
  const first = path.split('/')[0];
  const hasRegistry = path.includes('/') && isRegistryHost(first);
  return {
    registry: hasRegistry ? first.toLowerCase() : DOCKER_HUB,
    repository: hasRegistry ? path.slice(first.length + 1) : path,
    ...(tag !== undefined && tag !== '' ? { tag } : {}),
    ...(digest !== undefined && digest !== '' ? { digest } : {}),
  };
}

export function hasValidDigest(ref: ImageRef): boolean {
  return ref.digest !== undefined && DIGEST.test(ref.digest);
}

/** Literal text before the first `${` of an unresolved image (its registry may be known). */
export function literalHead(expr: string): string {
  const i = expr.indexOf('${');
  return i >= 0 ? expr.slice(0, i) : expr;
}

/** Literal text after the last `}` of an unresolved image (its name, tag or digest may be known). */
export function literalTail(expr: string): string {
  const i = expr.lastIndexOf('}');
  return i >= 0 ? expr.slice(i + 1) : expr;
}

/**
 * What can be proven about the tag/digest of a partly unresolved image from its literal tail:
 * `/app:1.2` → tag `1.2`; `/app` → no tag; `@sha256:…` → digest; `:1.2` alone is unknown
 * (the colon might belong to a registry port inside the expression).
 */
export function tailImage(expr: string): ImageRef | undefined {
  const tail = literalTail(expr);
  const at = tail.indexOf('@');
  if (at >= 0) return { registry: '', repository: '', digest: tail.slice(at + 1) };
  if (!tail.includes('/')) return undefined;
  const last = tail.slice(tail.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon >= 0 ? { registry: '', repository: last.slice(0, colon), tag: last.slice(colon + 1) } : { registry: '', repository: last };
}
