/** Small builders for engine tests: fake rules and inline resources. */
import { normalizeTerraformJson } from '../../checks/engine/normalize/terraform-json';
import type { RawFinding, Resource, Rule, RuleContext, Severity } from '../../checks/engine/types';
import type { PackId } from '../../checks/core/types';

export function fakeRule(id: string, check: (ctx: RuleContext) => RawFinding[], severity: Severity = 'high', pack?: PackId): Rule {
  return {
    id,
    pack: pack ?? (id.split('-')[0].toLowerCase() as PackId),
    severity,
    title: { zh: `标题 ${id}`, en: `Title ${id}` },
    clause: 'GB/T 22239-2019 8.1.4.4',
    levels: [1, 2, 3, 4],
    remediation: { zh: '整改', en: 'Fix it.' },
    inputs: ['configuration'],
    check,
  };
}

/** One finding per resource of the given kind. */
export function perResource(id: string, kind: string, severity: Severity = 'high'): Rule {
  return fakeRule(id, (ctx) => ctx.resources.byKind(kind).map((r) => ({ resource: r, message: { zh: `问题 ${r.name}`, en: `problem in ${r.name}` } })), severity);
}

export function resources(stack: string, byType: Record<string, Record<string, unknown>>): Resource[] {
  return normalizeTerraformJson({ resource: byType }, stack, `cdktf.out/stacks/${stack}/cdk.tf.json`);
}

export function labelled(system: string | undefined, level?: string): Record<string, unknown> {
  const labels: Record<string, string> = {};
  if (system) labels['xjbt.gov.cn/system'] = system;
  if (level) labels['xjbt.gov.cn/mlps-level'] = level;
  return { metadata: { name: 'x', namespace: system ?? 'default', labels } };
}
