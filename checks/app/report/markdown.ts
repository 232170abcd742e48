/** Markdown output (pull-request comments): a summary table, then the findings per severity. */
import { blockingFindings } from '../../engine/run';
import { SEVERITIES, type CheckResult, type Finding } from '../../engine/types';
import { escapeMarkdown as md, severityLabel, verdict, whereOf } from './labels';

function findingRow(f: Finding): string {
  const status = f.suppressed ? `suppressed 已豁免: ${md(f.suppression?.reason ?? '')}` : 'open 待整改';
  const rule = f.defaultSeverity === undefined ? md(f.ruleId) : `${md(f.ruleId)}<br>default 默认 ${severityLabel(f.defaultSeverity)}`;
  return `| ${rule} | ${md(f.titleZh)} / ${md(f.title)} | ${md(f.messageZh)}<br>${md(f.message)} | ${md(f.clause)} | ${md(whereOf(f)) || '—'} | ${md(f.system ?? '—')} | ${status} |`;
}

export function renderMarkdown(result: CheckResult): string {
  const s = result.summary;
  const blocking = blockingFindings(result).length;
  const out = [
    `# btyun check — ${md(result.environment)}`,
    '',
    `As of 检查日期: ${result.asOf} · fail-on: ${result.failOn} · ${verdict(result, blocking)}`,
    '',
    '| severity 等级 | open 待整改 |',
    '|---|---:|',
    ...SEVERITIES.map((k) => `| ${severityLabel(k)} | ${s[k]} |`),
    `| suppressed 已豁免 | ${s.suppressed} |`,
    '',
    `Resources 资源: ${s.resources} · rules evaluated 规则: ${s.rulesEvaluated}`,
  ];
  for (const sev of SEVERITIES) {
    const fs = result.findings.filter((f) => f.severity === sev);
    if (fs.length === 0) continue;
    out.push('', `## ${severityLabel(sev)} (${fs.length})`, '', '| rule 规则 | title 标题 | message 说明 | clause 条款 | where 位置 | system 系统 | status 状态 |', '|---|---|---|---|---|---|---|');
    for (const f of fs) out.push(findingRow(f));
  }
  if (result.findings.length === 0) out.push('', 'No findings. 未发现问题。');
  return out.join('\n') + '\n';
}
