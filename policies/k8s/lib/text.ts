/**
 * Bilingual message building for the K8S pack: every message names the resource address and,
 * for container findings, the container and whether it is an init container.
 */
import type { ContainerRef, LocalizedText, RawFinding, Resource, Severity } from '../../sdk';

/** What a judge says is wrong, phrased to follow the subject ("容器 app（init）…" / "container 'app' … "). */
export interface Problem {
  readonly zh: string;
  readonly en: string;
  /** Severity override for this finding (K8S-016 at level 4). */
  readonly severity?: Severity;
}

export function containerSubject(ref: ContainerRef): LocalizedText {
  return ref.type === 'init_container'
    ? { zh: `容器 ${ref.name}（init）`, en: `container '${ref.name}' (init container)` }
    : { zh: `容器 ${ref.name}`, en: `container '${ref.name}'` };
}

export function resourceFinding(resource: Resource, problem: Problem, subject?: LocalizedText): RawFinding {
  const zh = subject ? `${subject.zh} ${problem.zh}` : problem.zh;
  const en = subject ? `${subject.en} ${problem.en}` : problem.en;
  return {
    resource,
    message: { zh: `${resource.address}：${zh}`, en: `${resource.address}: ${en}` },
    ...(problem.severity ? { severity: problem.severity } : {}),
  };
}

/** The problem for a "must be X" attribute whose value is an unresolved expression. */
export function unverifiable(attribute: string, expr: string, ofContainer = true): Problem {
  return {
    zh: `${ofContainer ? '的 ' : ''}${attribute} 无法验证（值未解析 unresolved：${expr}）`,
    en: `cannot be verified: ${attribute} is unresolved (${expr})`,
  };
}

/** `a, b, c` for lists in messages; sorted for deterministic output. */
export function listText(items: readonly string[]): string {
  return [...items].sort().join(', ');
}
