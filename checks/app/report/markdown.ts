/**
 * Markdown output of `btyun check`, for one pull-request comment (never over 65,536 characters):
 * the summary first (with a folded count per rule), then the blocking findings (open, at or above
 * fail-on) per severity, then the findings below fail-on folded in `<details>`, the suppressed and
 * baselined ones folded. What does not fit is counted, never cut mid-row.
 */
import { blockingFindings } from '../../engine/run';
import { SEVERITIES, severityRank, type CheckResult, type Finding } from '../../engine/types';
import { escapeMarkdown as md, findingSeverityLabel, severityLabel, verdict, whereOf } from './labels';
import { fitToLimit, MarkdownBudget, PR_COMMENT_LIMIT } from './markdown-budget';
import { findingClauseText } from './mlps-citation';

const HEADER = ['| rule 规则 | message 说明 | clause 条款 | where 位置 | system 系统 | status 状态 |', '|---|---|---|---|---|---|'];

function status(f: Finding): string {
  if (f.suppressed) return `suppressed 已豁免: ${md(f.suppression?.reason ?? '')}`;
  if (f.baselined === true) return 'baselined 基线';
  return 'open 待整改';
}

function findingRow(f: Finding): string {
  const rule = f.defaultSeverity === undefined ? md(f.ruleId) : `${md(f.ruleId)}<br>default 默认 ${severityLabel(f.defaultSeverity)}`;
  return `| ${rule} | ${md(f.messageZh)}<br>${md(f.message)} | ${md(findingClauseText(f))} | ${md(whereOf(f)) || '—'} | ${md(f.system ?? '—')} | ${status(f)} |`;
}

const LEFT_OUT = (n: number): string => `… ${n} more not shown here (comment size limit); \`btyun check --format sarif\` or \`json\` lists every finding. 另有 ${n} 条未列出。`;

function byRuleRows(findings: readonly Finding[]): string[] {
  const rows = new Map<string, { f: Finding; open: number; other: number }>();
  for (const f of findings) {
    const key = `${f.severity} ${f.ruleId}`;
    const row = rows.get(key) ?? { f, open: 0, other: 0 };
    rows.set(key, row);
    if (f.suppressed || f.baselined === true) row.other++;
    else row.open++;
  }
  return [...rows.values()].map(({ f, open, other }) => `| ${md(f.ruleId)} | ${findingSeverityLabel(f)} | ${open} | ${other} | ${md(f.titleZh)} / ${md(f.title)} |`);
}

export function renderMarkdown(result: CheckResult, limit = PR_COMMENT_LIMIT): string {
  return fitToLimit((budget) => render(result, budget), limit);
}

function render(result: CheckResult, limit: number): string {
  const s = result.summary;
  const blocking = blockingFindings(result);
  const floor = severityRank(result.failOn);
  const baselined = result.findings.filter((f) => f.baselined === true && !f.suppressed).length;
  const b = new MarkdownBudget(limit);
  b.push(
    `# btyun check — ${md(result.environment)}`,
    '',
    `As of 检查日期: ${result.asOf} · fail-on: ${result.failOn} · ${verdict(result, blocking.length)}`,
    '',
    '| severity 等级 | open 待整改 |',
    '|---|---:|',
    ...SEVERITIES.map((k) => `| ${severityLabel(k)} | ${s[k]} |`),
    `| suppressed 已豁免 | ${s.suppressed} |`,
    ...(baselined > 0 ? [`| baselined 基线 (not blocking 不阻断) | ${baselined} |`] : []),
    '',
    `Resources 资源: ${s.resources} · rules evaluated 规则: ${s.rulesEvaluated} · blocking 阻断: ${blocking.length}`,
  );
  if (result.findings.length === 0) {
    b.push('', 'No findings. 未发现问题。');
    return b.text();
  }
  b.details('By rule 按规则', (d) =>
    d.table(['| rule 规则 | severity 等级 | open 待整改 | suppressed/baselined 豁免/基线 | title 标题 |', '|---|---|---:|---:|---|'], byRuleRows(result.findings), LEFT_OUT),
  );
  const isBlocking = new Set(blocking);
  const folded: Finding[] = [];
  for (const sev of SEVERITIES) {
    const fs = result.findings.filter((f) => f.severity === sev);
    if (fs.length === 0) continue;
    b.push('', `## ${severityLabel(sev)} (${fs.length})`, '');
    if (severityRank(sev) >= floor) {
      const open = fs.filter((f) => isBlocking.has(f));
      const rest = fs.filter((f) => !isBlocking.has(f));
      folded.push(...rest);
      if (open.length > 0) b.table(HEADER, open.map(findingRow), LEFT_OUT);
      if (rest.length > 0) b.push('', `${rest.length} suppressed or baselined 已豁免/基线: folded below 见下方折叠.`);
    } else {
      b.details(`${fs.length} below fail-on 低于阻断级别 (${md(result.failOn)})`, (d) => d.table(HEADER, fs.map(findingRow), LEFT_OUT));
    }
  }
  if (folded.length > 0) b.details(`${folded.length} suppressed or baselined 已豁免/基线`, (d) => d.table(HEADER, folded.map(findingRow), LEFT_OUT));
  return b.text();
}
