/**
 * K8S-027 images come from an approved registry: policy.approvedRegistries plus the corps
 * registry of the topology (host or host/path prefixes, lib/registries.ts). An image without a
 * registry host is from docker.io and therefore not approved. "Must" rule: an unresolved image is
 * approved when its literal head already starts with an approved prefix, a finding when its
 * literal head names another registry host, and otherwise cannot be verified → reported.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, readStr } from '../sdk';
import { isRegistryHost, literalHead, parseImage } from './lib/image';
import { approvedPrefixes, underPrefix } from './lib/registries';
import { unverifiable } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { TRUSTED_VERIFICATION } from './lib/controls';

export const K8S_027 = defineResourceRule({
  id: 'K8S-027',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '镜像来自批准的兵团镜像仓库', en: 'Images come from the approved corps registry' },
  clause: 'GB/T 22239-2019 8.1.4.6',
  levels: ALL_LEVELS,
  controls: TRUSTED_VERIFICATION,
  remediation: {
    zh: '将镜像推送到兵团镜像仓库（policy.approvedRegistries）并从那里引用。',
    en: 'Push the image to the corps registry (policy.approvedRegistries) and reference it from there.',
  },
  inputs: ['configuration', 'model'],
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref, ctx }) => {
    const image = readStr(ref.container, 'image');
    if (image.kind === 'missing') return undefined; // no image: K8S-015 reports it
    const prefixes = approvedPrefixes(ctx);
    const shownPrefixes = prefixes.join(', ') || '（无 none）';
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
  }),
});
