/**
 * CFG-003 outside resources: in a configuration synthesized by cdktf (a document carrying cdktf's
 * `//` metadata), the provider, backend and every other top-level block hold no template either —
 * the provider's `config_context` is where a kubeContext from the model lands, and Terraform
 * evaluates it there. Each template found is recorded (field path, never its text). Resources are
 * judged by the rule itself, on the normalized resources.
 */
import { isPlainReference, readTemplate } from '../core/terraform-template';
import type { ConfigurationProblem } from './types';

function walk(v: unknown, at: string, out: string[], depth: number): void {
  if (depth > 64) return;
  if (typeof v === 'string') {
    if (readTemplate(v).kind === 'template' && !isPlainReference(v)) out.push(at);
  } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`, out, depth + 1));
  else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) if (k !== '//') walk(x, `${at}.${k}`, out, depth + 1);
  }
}

/** Whether a Terraform JSON document was written by cdktf (its top-level `//` metadata). */
export function isCdktfOutput(doc: unknown): boolean {
  return typeof doc === 'object' && doc !== null && typeof (doc as Record<string, unknown>)['//'] === 'object';
}

export function templatesOutsideResources(doc: unknown, stack: string, file: string): ConfigurationProblem[] {
  if (!isCdktfOutput(doc)) return [];
  const fields: string[] = [];
  for (const [k, v] of Object.entries(doc as Record<string, unknown>)) if (k !== '//' && k !== 'resource') walk(v, k, fields, 0);
  return fields.map((field) => ({
    rule: 'CFG-003',
    file,
    stack,
    message: {
      zh: `${field} 含有 Terraform 模板（函数、运算或指令），不是任何构造写出的；部署时 Terraform 会对其求值`,
      en: `${field} holds a Terraform template (a function, an operation or a directive) that no construct wrote; Terraform would evaluate it at deploy time`,
    },
  }));
}
