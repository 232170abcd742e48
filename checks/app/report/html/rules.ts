/**
 * 9. Result per rule (逐条结果): every rule that ran, with its clause, levels, how much it judged and
 * its outcome. Severity is coloured only on a rule with open findings; compliant rows are muted;
 * the remediation is in the rule's findings block, once.
 */
import type { CheckResult } from '../../../engine/types';
import { levelsText, severityLabel } from '../labels';
import { anchor, h, table, type Section } from './elements';

export function rulesSection(result: CheckResult): Section {
  const open = new Map<string, number>();
  const suppressed = new Map<string, number>();
  for (const f of result.findings) {
    const m = f.suppressed ? suppressed : open;
    m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  }
  const rows = result.rules.map((r) => {
    const o = open.get(r.id) ?? 0;
    const sup = suppressed.get(r.id) ?? 0;
    const outcome =
      o > 0
        ? `<td class="fail"><a href="#${anchor('r', r.id)}" class="bad">不符合 non-compliant (${o})</a></td>`
        : sup > 0
          ? `<td class="muted"><a href="#${anchor('r', r.id)}">已豁免 suppressed (${sup})</a></td>`
          : '<td class="pass">符合 compliant</td>';
    const severity = o > 0 ? `<span class="sev ${r.severity}">${h(severityLabel(r.severity))}</span>` : h(severityLabel(r.severity));
    return `<tr class="${o > 0 ? 'open' : 'muted'}"><td><code>${h(r.id)}</code></td><td>${h(r.title.zh)} <span class="en">${h(r.title.en)}</span></td><td>${h(r.clause)}</td><td>${h(levelsText(r.levels))}</td><td>${severity}</td><td class="num">${result.evaluated[r.id] ?? 0}</td>${outcome}</tr>`;
  });
  return {
    id: 'rules',
    title: '逐条结果 Result per rule',
    body: table(['规则 Rule', '标题 Title', '条款 Clause', '级别 Levels', '等级 Severity', '检查数 Judged', '结果 Result'], rows, 'rules'),
  };
}
