/**
 * K8S-015 image tag fixed: not `latest`, not missing. A digest pins the image too.
 * "Must" rule: a partly unresolved image is judged on its literal tail (`${var.registry}/app:1.2`
 * has a literal tag); when the tag is inside the expression it cannot be verified → reported.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, readStr } from '../sdk';
import { parseImage, tailImage, type ImageRef } from './lib/image';
import { unverifiable, type Problem } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { TRUSTED_VERIFICATION } from './lib/controls';

function judgeRef(ref: ImageRef, shown: string): Problem | undefined {
  if (ref.digest !== undefined) return undefined;
  if (ref.tag === undefined) return { zh: `的镜像 ${shown} 未指定标签（默认 latest）`, en: `uses image ${shown} without a tag (defaults to latest)` };
  if (ref.tag.toLowerCase() === 'latest') return { zh: `的镜像 ${shown} 使用 latest 标签`, en: `uses image ${shown} with the tag latest` };
  return undefined;
}

export const K8S_015 = defineResourceRule({
  id: 'K8S-015',
  pack: 'k8s',
  severity: 'medium',
  title: { zh: '镜像标签固定（非 latest、非缺省）', en: 'Image tag fixed (not latest, not missing)' },
  clause: 'GB/T 22239-2019 8.1.4.6',
  levels: ALL_LEVELS,
  controls: TRUSTED_VERIFICATION,
  remediation: {
    zh: '使用固定版本标签（如 registry.xjbt.gov.cn/app:1.4.2）或摘要（@sha256:…）。',
    en: 'Use a fixed version tag (e.g. registry.xjbt.gov.cn/app:1.4.2) or a digest (@sha256:…).',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref }) => {
    const image = readStr(ref.container, 'image');
    if (image.kind === 'missing') return { zh: '未指定镜像（image）', en: 'has no image' };
    if (image.kind === 'literal') return judgeRef(parseImage(image.value), image.value);
    const tail = tailImage(image.expr);
    return tail ? judgeRef(tail, image.expr) : unverifiable('image', image.expr);
  }),
});
