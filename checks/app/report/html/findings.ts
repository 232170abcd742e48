/**
 * 3. Findings, worst first: one block per rule — its title, clause and remediation said once —
 * listing where it fires, with a table of contents linking to every block. Blocks are ordered by
 * their worst open severity (a rule whose findings are all suppressed comes after the open ones),
 * then rule id.
 */
import { compareCodePoints } from '../../../core/order';
import { SEVERITIES, severityRank, type CheckResult, type Finding, type Rule, type Severity } from '../../../engine/types';
import { appendTo, findingSeverityLabel, severityLabel, whereOf } from '../labels';
import { anchor, h, table, type Section } from './elements';

interface RuleGroup {
  readonly ruleId: string;
  readonly findings: Finding[];
  readonly open: number;
  /** Rank of the worst open finding, -1 when every finding is suppressed. */
  readonly worst: number;
}

export function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const byRule = new Map<string, Finding[]>();
  for (const f of findings) appendTo(byRule, f.ruleId, f);
  return [...byRule.entries()]
    .map(([ruleId, fs]) => {
      const open = fs.filter((f) => !f.suppressed);
      return { ruleId, findings: fs, open: open.length, worst: Math.max(-1, ...open.map((f) => severityRank(f.severity))) };
    })
    .sort((a, b) => b.worst - a.worst || compareCodePoints(a.ruleId, b.ruleId));
}

/** The severity of a group's worst open finding (info when all are suppressed); severityRank's inverse. */
const worstSeverity = (g: RuleGroup): Severity => (g.worst >= 0 ? SEVERITIES[4 - g.worst] : 'info');

function status(f: Finding): string {
  if (f.suppressed) return `已豁免 suppressed: ${h(f.suppression?.reason ?? '')} <span class="en">(${h(f.suppression?.approvedBy ?? '')}, 至 until ${h(f.suppression?.expires ?? '')})</span>`;
  return f.baselined === true ? '<span class="warn">待整改（基线）open, baselined</span>' : '<span class="bad">待整改 open</span>';
}

function findingRow(f: Finding, systemLink: (id: string) => string): string {
  const system = f.system === undefined ? '—' : systemLink(f.system);
  return `<tr class="${f.suppressed ? 'muted' : 'open'}"><td><span class="sev ${f.suppressed ? 'info' : f.severity}">${h(findingSeverityLabel(f))}</span></td><td class="sys">${system}</td><td>${h(f.messageZh)}<br><span class="en">${h(f.message)}</span></td><td><code>${h(whereOf(f) || '—')}</code><br><span class="en">${h(f.clause)}</span></td><td class="nowrap">${status(f)}</td></tr>`;
}

function ruleBlock(g: RuleGroup, rule: Rule | undefined, systemLink: (id: string) => string): string {
  const f0 = g.findings[0];
  const sev = worstSeverity(g);
  const head = `<h3><span class="sev ${sev}">${h(severityLabel(sev))}</span> <code>${h(g.ruleId)}</code> ${h(f0.titleZh)} <span class="en">${h(f0.title)}</span></h3>`;
  const meta = `<p class="legend">条款 Clause: ${h(rule?.clause ?? f0.clause)} · 待整改 open ${g.open} · 已豁免 suppressed ${g.findings.length - g.open}</p>`;
  const fix = `<p class="fix">整改 Remediation: ${h(f0.remediationZh)}<br><span class="en">${h(f0.remediation)}</span></p>`;
  const rows = g.findings.map((f) => findingRow(f, systemLink));
  return `<div class="rule ${sev}${g.open === 0 ? ' muted' : ''}" id="${anchor('r', g.ruleId)}">${head}${meta}${fix}${table(['等级 Severity', '系统 System', '说明 Message', '位置 Where · 条款 Clause', '状态 Status'], rows)}</div>`;
}

export function findingsSection(result: CheckResult, systemLink: (id: string) => string): Section {
  if (result.findings.length === 0) return { id: 'findings', title: '问题 Findings', body: '<p>未发现问题。 No findings.</p>' };
  const groups = groupByRule(result.findings);
  const rules = new Map(result.rules.map((r) => [r.id, r]));
  const toc = groups.map((g) => {
    const sev = worstSeverity(g);
    return `<li><a href="#${anchor('r', g.ruleId)}"><code>${h(g.ruleId)}</code> ${h(g.findings[0].titleZh)}</a> — <span class="${g.open > 0 ? `sev ${sev}` : 'muted'}">${g.open > 0 ? `${h(severityLabel(sev))} ×${g.open}` : `已豁免 suppressed ×${g.findings.length}`}</span></li>`;
  });
  return {
    id: 'findings',
    title: '问题 Findings',
    body: `<p class="legend">按严重程度排序，每条规则的整改建议只写一次。 Worst first; each rule's remediation is given once.</p>
<nav aria-label="问题目录 findings contents"><ol class="toc">${toc.join('\n')}</ol></nav>
${groups.map((g) => ruleBlock(g, rules.get(g.ruleId), systemLink)).join('\n')}`,
  };
}
