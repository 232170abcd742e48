/**
 * Approved image registries (K8S-027): policy.approvedRegistries plus the corps registry of the
 * topology, as host or host/path prefixes.
 */
import type { RuleContext } from '../../sdk';

/** Approved prefixes, normalized: no scheme, no trailing slash, lower-case host. */
export function approvedPrefixes(ctx: RuleContext): string[] {
  const raw: unknown[] = [...(ctx.env.policy.approvedRegistries ?? []), ctx.env.topology.registry];
  const out = new Set<string>();
  for (const entry of raw) {
    if (typeof entry !== 'string') continue;
    const bare = entry.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/+$/, '');
    if (bare === '') continue;
    const slash = bare.indexOf('/');
    out.add(slash < 0 ? bare.toLowerCase() : bare.slice(0, slash).toLowerCase() + bare.slice(slash));
  }
  return [...out].sort();
}

/** `registry.x/hrss/web` is under `registry.x/hrss` and `registry.x`, not under `registry.x/hr`. */
export function underPrefix(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}/`);
}
