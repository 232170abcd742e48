/**
 * K8S-016 image pinned by digest: low, required at level 4 (the finding is raised to high there).
 * 可信验证 of the judged level (6.1.4.5 / 7.1.4.6 / 8.1.4.6 / 9.1.4.6): a finding cites its own level only.
 * "Must" rule: a partly unresolved image is judged on its literal tail; when the end of the
 * reference is inside the expression it cannot be verified → reported.
 */
import { ALL_LEVELS, defineResourceRule, POD_TEMPLATE_KINDS, readStr, type MlpsLevel, type Severity } from '../sdk';
import { hasValidDigest, parseImage, tailImage } from './lib/image';
import { unverifiable, type Problem } from './lib/text';
import { judgeContainers } from './lib/workloads';
import { TRUSTED_VERIFICATION } from './lib/controls';

/** Level 4 requires digest pinning (可信验证 at level 4): the finding is high there. */
function severityAt(level: MlpsLevel): Severity | undefined {
  return level === 4 ? 'high' : undefined;
}

function withSeverity(p: Problem, level: MlpsLevel): Problem {
  const severity = severityAt(level);
  return severity ? { ...p, severity } : p;
}

export const K8S_016 = defineResourceRule({
  id: 'K8S-016',
  pack: 'k8s',
  severity: 'low',
  title: { zh: '镜像以摘要固定（四级系统必须）', en: 'Image pinned by digest (required at level 4)' },
  clause: 'GB/T 22239-2019 8.1.4.6',
  levels: ALL_LEVELS,
  controls: TRUSTED_VERIFICATION,
  remediation: {
    zh: '以摘要引用镜像，如 registry.xjbt.gov.cn/app:1.4.2@sha256:<摘要>。',
    en: 'Reference the image by digest, e.g. registry.xjbt.gov.cn/app:1.4.2@sha256:<digest>.',
  },
  kinds: POD_TEMPLATE_KINDS,
  judge: judgeContainers(({ ref, level }) => {
    const image = readStr(ref.container, 'image');
    if (image.kind === 'missing') return withSeverity({ zh: '未指定镜像（image）', en: 'has no image' }, level);
    const parsed = image.kind === 'literal' ? parseImage(image.value) : tailImage(image.expr);
    const shown = image.kind === 'literal' ? image.value : image.expr;
    if (parsed === undefined) return withSeverity(unverifiable('image', shown), level);
    if (hasValidDigest(parsed)) return undefined;
    return withSeverity(
      { zh: `的镜像 ${shown} 未以摘要（@sha256:…）固定`, en: `uses image ${shown} not pinned by digest (@sha256:…)` },
      level,
    );
  }),
});
