/**
 * The reviewers' report (`btyun report`): one self-contained HTML file — inline CSS, no scripts,
 * no external assets — with the summary, the result per rule, the findings per center and system,
 * and the rule catalogue as an appendix. Every piece of content is escaped.
 */
import { blockingFindings } from '../../engine/run';
import { SEVERITIES, type CheckResult, type Finding } from '../../engine/types';
import { packTitle } from './catalogue';
import { escapeHtml as h, groupFindings, levelsText, MODEL_GROUP_TITLE, SEVERITY_ZH, severityLabel, verdict, whereOf } from './labels';

const CSS = `
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1f24;line-height:1.45}
h1{font-size:1.6rem}h2{border-bottom:2px solid #d0d7de;padding-bottom:.2rem;margin-top:2.2rem}h3{margin-top:1.4rem;color:#444}
table{border-collapse:collapse;width:100%;margin:.6rem 0}th,td{border:1px solid #d0d7de;padding:.35rem .5rem;text-align:left;vertical-align:top;font-size:.92rem}
th{background:#f6f8fa}.num{text-align:right}.sev{font-weight:600;white-space:nowrap}
.critical{color:#fff;background:#a40e26}.high{color:#fff;background:#d1242f}.medium{background:#f7d35f}.low{background:#b6e3ff}.info{background:#eaeef2}
.suppressed{opacity:.6}.verdict{font-weight:700;font-size:1.1rem}.fail{color:#a40e26}.pass{color:#1a7f37}
code{font-family:ui-monospace,monospace;font-size:.88em}.muted{color:#57606a}
`;

function findingRow(f: Finding): string {
  const status = f.suppressed
    ? `已豁免 suppressed: ${h(f.suppression?.reason ?? '')}<br><span class="muted">${h(f.suppression?.approvedBy ?? '')}, 至 until ${h(f.suppression?.expires ?? '')}</span>`
    : '待整改 open';
  const severity = f.defaultSeverity === undefined ? h(severityLabel(f.severity)) : `${h(severityLabel(f.severity))}<br><span class="muted">default 默认 ${h(severityLabel(f.defaultSeverity))}</span>`;
  return `<tr class="${f.suppressed ? 'suppressed' : ''}"><td class="sev ${f.severity}">${severity}</td><td><code>${h(f.ruleId)}</code><br>${h(f.titleZh)}<br>${h(f.title)}</td><td>${h(f.messageZh)}<br>${h(f.message)}</td><td>${h(f.clause)}</td><td><code>${h(whereOf(f) || '—')}</code></td><td>${h(f.remediationZh)}<br>${h(f.remediation)}</td><td>${status}</td></tr>`;
}

/**
 * 逐条结果: every evaluated rule with its clause and outcome, the table an MLPS assessor (测评师)
 * or the audit bureau reads first — 符合 compliant, 不符合 with the open count, or all suppressed.
 */
function ruleResultRows(result: CheckResult): string[] {
  const open = new Map<string, number>();
  const suppressed = new Map<string, number>();
  for (const f of result.findings) {
    const m = f.suppressed ? suppressed : open;
    m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  }
  return result.rules.map((r) => {
    const o = open.get(r.id) ?? 0;
    const sup = suppressed.get(r.id) ?? 0;
    const outcome = o > 0 ? `<td class="fail">不符合 non-compliant (${o})</td>` : sup > 0 ? '<td class="muted">已豁免 suppressed</td>' : '<td class="pass">符合 compliant</td>';
    return `<tr><td><code>${h(r.id)}</code></td><td>${h(r.title.zh)}<br>${h(r.title.en)}</td><td>${h(r.clause)}</td><td class="sev ${r.severity}">${h(severityLabel(r.severity))}</td>${outcome}<td class="num">${o}</td><td class="num">${sup}</td></tr>`;
  });
}

const FINDING_HEAD = '<tr><th>等级 Severity</th><th>规则 Rule</th><th>说明 Message</th><th>条款 Clause</th><th>位置 Where</th><th>整改 Remediation</th><th>状态 Status</th></tr>';

export function renderHtml(result: CheckResult): string {
  const s = result.summary;
  const blocking = blockingFindings(result).length;
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(`兵团云合规报告 btyun compliance report — ${result.environment}`)}</title>`,
    `<style>${CSS}</style></head><body>`,
    `<h1>兵团云合规检查报告 Compliance report — ${h(result.environment)}</h1>`,
    `<p class="muted">检查日期 As of ${h(result.asOf)} · btyun ${h(result.tool.version)} · fail-on ${h(result.failOn)} · 依据 新兵办发〔2017〕187号, GB/T 22239-2019</p>`,
    `<p class="verdict ${blocking > 0 ? 'fail' : 'pass'}">${h(verdict(result, blocking))}</p>`,
    '<h2>汇总 Summary</h2>',
    '<table><tr><th>等级 Severity</th><th class="num">待整改 Open</th></tr>',
    ...SEVERITIES.map((k) => `<tr><td class="sev ${k}">${h(severityLabel(k))}</td><td class="num">${s[k]}</td></tr>`),
    `<tr><td>已豁免 Suppressed</td><td class="num">${s.suppressed}</td></tr>`,
    `<tr><td>资源 Resources</td><td class="num">${s.resources}</td></tr>`,
    `<tr><td>规则 Rules evaluated</td><td class="num">${s.rulesEvaluated}</td></tr></table>`,
    '<h2>逐条结果 Result per rule</h2>',
    '<table><tr><th>规则 Rule</th><th>标题 Title</th><th>条款 Clause</th><th>等级 Severity</th><th>结果 Result</th><th class="num">待整改 Open</th><th class="num">已豁免 Suppressed</th></tr>',
    ...ruleResultRows(result),
    '</table>',
    '<h2>问题 Findings</h2>',
  ];
  if (result.findings.length === 0) parts.push('<p>未发现问题。 No findings.</p>');
  for (const g of groupFindings(result.findings)) {
    parts.push(`<h3>${g.group === '' ? h(MODEL_GROUP_TITLE) : `中心/栈 Center/stack: ${h(g.group)}`}</h3>`);
    for (const sys of g.systems) {
      parts.push(`<h4>系统 System: ${sys.system === '' ? '（无 none）' : `<code>${h(sys.system)}</code>`}</h4>`);
      parts.push(`<table>${FINDING_HEAD}${sys.findings.map(findingRow).join('')}</table>`);
    }
  }
  parts.push('<h2>附录：规则目录 Appendix: rule catalogue</h2>');
  const packs: string[] = [];
  for (const r of result.rules) if (!packs.includes(r.pack)) packs.push(r.pack);
  for (const pack of packs) {
    parts.push(`<h3>${h(pack.toUpperCase())} — ${h(packTitle(pack))}</h3>`);
    parts.push('<table><tr><th>规则 Rule</th><th>等级 Severity</th><th>标题 Title</th><th>条款 Clause</th><th>级别 Levels</th><th>整改 Remediation</th></tr>');
    for (const r of result.rules.filter((x) => x.pack === pack)) {
      parts.push(
        `<tr><td><code>${h(r.id)}</code></td><td class="sev ${r.severity}">${h(`${r.severity} ${SEVERITY_ZH[r.severity]}`)}</td><td>${h(r.title.zh)}<br>${h(r.title.en)}</td><td>${h(r.clause)}</td><td>${h(levelsText(r.levels))}</td><td>${h(r.remediation.zh)}<br>${h(r.remediation.en)}</td></tr>`,
      );
    }
    parts.push('</table>');
  }
  parts.push('</body></html>', '');
  return parts.join('\n');
}
