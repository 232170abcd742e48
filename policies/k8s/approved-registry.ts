/**
 * K8S-027 images come from an approved registry: policy.approvedRegistries plus the corps
 * registry of the topology (host or host/path prefixes). An image without a registry host is from
 * docker.io and therefore not approved. "Must" rule: an unresolved image is approved when its
 * literal head already starts with an approved prefix, a finding when its literal head names
 * another registry host, and otherwise cannot be verified → reported.
 */
import type { RuleContext } from '../../checks/engine/types';
import { ALL_LEVELS, defineRule } from '../sdk/define';
import { isRegistryHost, literalHead, parseImage } from './lib/image';
import { readStr } from '../sdk/readings';
import { unverifiable } from './lib/text';
import { checkContainers } from './lib/workloads';

const LEVELS = ALL_LEVELS;

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

function underPrefix(name: string, prefix: string): boolean {
  return name === prefix || name.startsWith(`${prefix}/`);
}

export const K8S_027 = defineRule({
  id: 'K8S-027',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '镜像来自批准的兵团镜像仓库', en: 'Images come from the approved corps registry' },
  clause: 'GB/T 22239-2019 8.1.4.6',
  levels: LEVELS,
  remediation: {
    zh: '将镜像推送到兵团镜像仓库（policy.approvedRegistries）并从那里引用。',
    en: 'Push the image to the corps registry (policy.approvedRegistries) and reference it from there.',
  },
  inputs: ['configuration', 'model'],
  check: (ctx) => {
    const prefixes = approvedPrefixes(ctx);
    const shownPrefixes = prefixes.join(', ') || '（无 none）';
    return checkContainers(ctx, LEVELS, ({ ref }) => {
      const image = readStr(ref.container, 'image');
      if (image.kind === 'missing') return undefined; // no image: K8S-015 reports it
      if (image.kind === 'literal') {
        const parsed = parseImage(image.value);
        const name = `${parsed.registry}/${parsed.repository}`;
        if (prefixes.some((p) => underPrefix(name, p))) return undefined;
        return {
          zh: `的镜像 ${image.value} 来自 ${parsed.registry}，不在批准的镜像仓库（${shownPrefixes}）`,
          en: `uses image ${image.value} from ${parsed.registry}, not an approved registry (${shownPrefixes})`,
        };
      }
      const head = literalHead(image.expr);
      const [host, ...rest] = head.split('/');
      const headName = `${host.toLowerCase()}${rest.length ? '/' + rest.join('/') : ''}`;
      if (prefixes.some((p) => headName.startsWith(`${p}/`))) return undefined;
      const hostKnown = rest.length > 0 && isRegistryHost(host);
      if (hostKnown && !prefixes.some((p) => p.split('/')[0] === host.toLowerCase())) {
        return {
          zh: `的镜像 ${image.expr} 来自 ${host.toLowerCase()}，不在批准的镜像仓库（${shownPrefixes}）`,
          en: `uses image ${image.expr} from ${host.toLowerCase()}, not an approved registry (${shownPrefixes})`,
        };
      }
      return unverifiable('image', image.expr);
    });
  },
});
