/**
 * Text output for people: grouped by center/stack and system, colours only on a terminal; the fix
 * of each rule printed once (by rule), not per finding. `compact`: one line per finding; `quiet`:
 * the blocking findings and the summary only. Baselined findings (`--baseline`) stay visible, marked.
 */
import { blockingFindings } from '../../engine/run';
import type { CheckResult, Finding, Severity } from '../../engine/types';
import { printable } from '../../core/printable';
import { findingSeverityLabel, groupFindings, MODEL_GROUP_TITLE, printableFinding, severityLabel, verdict, whereOf } from './labels';
import { testItemsOf } from './mlps-citation';

export interface TextOptions {
  color: boolean;
  /** One line per finding. */
  compact?: boolean;
  /** The blocking findings and the summary only. */
  quiet?: boolean;
  /** Baseline entries that matched no finding (`--baseline`): said after the findings. */
  unmatchedBaseline?: readonly string[];
}

const COLORS: Record<Severity | 'dim' | 'bold' | 'ok', string> = {
  critical: '\x1b[1;31m',
  high: '\x1b[31m',
  medium: '\x1b[33m',
  low: '\x1b[36m',
  info: '\x1b[37m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  ok: '\x1b[32m',
};
const RESET = '\x1b[0m';

function painter(color: boolean): (c: keyof typeof COLORS, s: string) => string {
  return (c, s) => (color ? `${COLORS[c]}${s}${RESET}` : s);
}

function findingLines(f: Finding, paint: ReturnType<typeof painter>): string[] {
  const tag = `[${findingSeverityLabel(f, true)}]`;
  const head = `${f.suppressed ? paint('dim', '[suppressed 已豁免] ') : ''}${f.baselined === true && !f.suppressed ? paint('dim', '[baselined 基线] ') : ''}${paint(f.severity, tag)} ${paint('bold', f.ruleId)} ${f.titleZh} / ${f.title}`;
  const lines = [`    ${head}`, `        ${f.messageZh}`, `        ${f.message}`, `        clause 条款: ${f.clause}`];
  if (f.level !== undefined) {
    const tests = testItemsOf(f.controls);
    lines.push(`        level 等级: ${f.level}${tests.length > 0 ? `; test items 测评单元: ${tests.join(', ')}` : ''}`);
  }
  const where = whereOf(f);
  if (where !== '') lines.push(`        where 位置: ${where}`);
  if (f.constructPath !== undefined) lines.push(`        construct 构造: ${f.constructPath}`);
  if (f.suppression) lines.push(paint('dim', `        suppressed 豁免: ${f.suppression.reason} (approved by 审批人 ${f.suppression.approvedBy}, expires 到期 ${f.suppression.expires})`));
  return lines;
}

/**
 * One line per rule (and severity) that has findings, most severe first: the overview a reviewer reads before
 * (or instead of) scrolling through hundreds of findings.
 */
function byRuleLines(findings: readonly Finding[], paint: ReturnType<typeof painter>): string[] {
  const rows = new Map<string, { f: Finding; open: number; suppressed: number }>();
  for (const f of findings) {
    // Keyed by severity too: a rule may raise its severity per finding (K8S-016 at level 4).
    const key = `${f.severity} ${f.ruleId}`;
    const row = rows.get(key) ?? { f, open: 0, suppressed: 0 };
    rows.set(key, row);
    if (f.suppressed) row.suppressed++;
    else row.open++;
  }
  // Findings arrive sorted by severity then rule, so insertion order is already the order we want.
  return [...rows.values()].map(({ f, open, suppressed }) => {
    const tag = paint(f.severity, `[${findingSeverityLabel(f, true)}]`);
    const counts = `${open} open 待整改${suppressed > 0 ? `, ${suppressed} suppressed 已豁免` : ''}`;
    return `  ${tag} ${f.ruleId} ×${open + suppressed} (${counts}) ${f.titleZh} / ${f.title}`;
  });
}

/** Each rule's fix once (not once per finding), in the order of the findings. */
function fixLines(findings: readonly Finding[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of findings) {
    if (seen.has(f.ruleId)) continue;
    seen.add(f.ruleId);
    out.push(`  ${f.ruleId}: ${f.remediationZh} / ${f.remediation}`);
  }
  return out;
}

/** `[HIGH 高危] K8S-001 environments/…/inventory.yaml:12 corps-primary/… — message (system)` */
function compactLine(f: Finding, paint: ReturnType<typeof painter>): string {
  const mark = f.suppressed ? '[suppressed 已豁免] ' : f.baselined === true ? '[baselined 基线] ' : '';
  const where = whereOf(f);
  return `${paint('dim', mark)}${paint(f.severity, `[${findingSeverityLabel(f, true)}]`)} ${f.ruleId} ${where === '' ? 'environment 环境' : where} — ${f.message} / ${f.messageZh}${f.system !== undefined ? ` (${f.system})` : ''}`;
}

export function renderText(result: CheckResult, opts: TextOptions = { color: false }): string {
  const paint = painter(opts.color);
  const out: string[] = [`btyun check — environment 环境 ${result.environment}, as of 检查日期 ${result.asOf}`, ''];
  const shown = opts.quiet === true ? blockingFindings(result) : result.findings;
  if (opts.compact === true) {
    for (const f of shown.map(printableFinding)) out.push(compactLine(f, paint));
    if (shown.length > 0) out.push('');
  }
  for (const g of opts.compact === true ? [] : groupFindings(shown.map(printableFinding))) {
    out.push(paint('bold', g.group === '' ? `== ${MODEL_GROUP_TITLE} ==` : `== 中心/栈 Center/stack: ${g.group} ==`));
    for (const s of g.systems) {
      out.push(`  -- 系统 System: ${s.system === '' ? '(none 无)' : s.system} --`);
      for (const f of s.findings) out.push(...findingLines(f, paint));
    }
    out.push('');
  }
  if (result.findings.length === 0) out.push('No findings. 未发现问题。', '');
  else if (opts.quiet !== true && opts.compact !== true) {
    out.push('fix 整改 (once per rule 每条规则一次):', ...fixLines(result.findings.map(printableFinding)), '');
    out.push('By rule 按规则:', ...byRuleLines(result.findings.map(printableFinding), paint), '');
  }
  for (const u of opts.unmatchedBaseline ?? []) out.push(paint('dim', `baseline 基线: entry matches no finding 未匹配任何问题 — ${printable(u)}`));
  if ((opts.unmatchedBaseline ?? []).length > 0) out.push('');
  const s = result.summary;
  const counts = (['critical', 'high', 'medium', 'low', 'info'] as const).map((k) => `${s[k]} ${severityLabel(k)}`).join(', ');
  const blocking = blockingFindings(result).length;
  const baselined = result.findings.filter((f) => f.baselined === true && !f.suppressed).length;
  const line = `Summary 汇总: ${counts}; ${s.suppressed} suppressed 已豁免;${baselined > 0 ? ` ${baselined} baselined 基线 (not blocking 不阻断);` : ''} ${s.resources} resources 资源; ${s.rulesEvaluated} rules 规则. ${verdict(result, blocking)}`;
  out.push(blocking > 0 ? paint('critical', line) : paint('ok', line));
  return out.join('\n') + '\n';
}
