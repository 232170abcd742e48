/** Shared vocabulary of the reporters: severity names, where-strings, grouping, escaping. */
import type { CheckResult, Finding, Severity } from '../../engine/types';
import { printable, printableInPage } from '../../core/printable';

export const SEVERITY_ZH: Record<Severity, string> = { critical: '严重', high: '高危', medium: '中危', low: '低危', info: '提示' };

/** `critical 严重` */
export function severityLabel(s: Severity): string {
  return `${s} ${SEVERITY_ZH[s]}`;
}

/**
 * A finding's severity, with the rule's default beside it when they differ (an override, or a
 * per-finding severity): `info 提示, default 默认 critical 严重`. `upper`: the severities in capitals,
 * as the text report's tags are.
 */
export function findingSeverityLabel(f: Pick<Finding, 'severity' | 'defaultSeverity'>, upper = false): string {
  const label = (s: Severity): string => (upper ? severityLabel(s).toUpperCase() : severityLabel(s));
  return f.defaultSeverity === undefined ? label(f.severity) : `${label(f.severity)}, default 默认 ${label(f.defaultSeverity)}`;
}

/**
 * Where a finding is: `file:line:col`, plus the address or JSON pointer. A finding on synthesized
 * output starts with the environment YAML line that produced it (what a reviewer opens).
 */
export function whereOf(f: Finding): string {
  const parts: string[] = [];
  if (f.origin !== undefined) parts.push(`${f.origin.file}:${f.origin.line}`, `${f.origin.path} ←`);
  if (f.file !== undefined) {
    let loc = f.file;
    if (f.line !== undefined) loc += `:${f.line}`;
    if (f.line !== undefined && f.column !== undefined) loc += `:${f.column}`;
    parts.push(loc);
  }
  if (f.address !== undefined) parts.push(f.stack !== undefined ? `${f.stack}/${f.address}` : f.address);
  else if (f.path !== undefined) parts.push(f.path);
  return parts.join(' ');
}

/** The first level of grouping: the stack (= center) of a resource finding, else its center, else the model. */
export function groupOf(f: Finding): string {
  return f.stack ?? f.center ?? '';
}

export const MODEL_GROUP_TITLE = '环境模型 Environment model';

/** Appends to the list under `key` in place (copying the list each time would be quadratic). */
export function appendTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Findings grouped by center/stack, then system, both in sorted order (findings keep their order). */
export function groupFindings(findings: readonly Finding[]): { group: string; systems: { system: string; findings: Finding[] }[] }[] {
  const groups = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    const g = groupOf(f);
    const bySystem = groups.get(g) ?? new Map<string, Finding[]>();
    groups.set(g, bySystem);
    appendTo(bySystem, f.system ?? '', f);
  }
  const byKey = <T>(a: [string, T], b: [string, T]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  return [...groups.entries()].sort(byKey).map(([group, bySystem]) => ({
    group,
    systems: [...bySystem.entries()].sort(byKey).map(([system, fs]) => ({ system, findings: fs })),
  }));
}

/** `PASS` / `FAIL` with the count of blocking findings. */
export function verdict(result: Pick<CheckResult, 'findings' | 'failOn'>, blocking: number): string {
  return blocking > 0 ? `FAIL 不通过 (${blocking} at or above ${result.failOn})` : `PASS 通过 (nothing at or above ${result.failOn})`;
}

export function escapeHtml(s: string): string {
  // Control, bidi and zero-width characters shown as \uXXXX (checks/core/printable.ts).
  return printableInPage(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Markdown table cell / inline text: no pipes, no newlines, no HTML, no control characters. */
export function escapeMarkdown(s: string): string {
  return printable(s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r?\n/g, ' ').replace(/([*_`[\]])/g, '\\$1'));
}

export function escapeXml(s: string): string {
  // XML 1.0 forbids most control characters, even escaped.
  return escapeHtml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd'));
}

/** Levels as `2, 3, 4`. */
export function levelsText(levels: readonly number[]): string {
  return levels.length === 4 ? '1–4 (all 全部)' : levels.join(', ');
}

/**
 * The finding with every string made printable: a resource or container name from a hostile file
 * may hold ANSI escapes or line breaks, which must not rewrite a reviewer's terminal or forge
 * lines in text and Markdown output. (JSON, SARIF and JUnit escape them on their own.)
 */
export function printableFinding(f: Finding): Finding {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(f)) out[k] = typeof v === 'string' ? printable(v) : v;
  if (f.suppression) out.suppression = { reason: printable(f.suppression.reason), approvedBy: printable(f.suppression.approvedBy), expires: printable(f.suppression.expires) };
  return out as unknown as Finding;
}
