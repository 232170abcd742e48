/**
 * 7. Per system: name, department, level, filing number (备案号), last assessment (测评) date, class,
 * location, its control-matrix summary and its findings (linked to the rule blocks). A row with
 * an open finding is the only one not muted.
 */
import type { Finding } from '../../../engine/types';
import { levelOf } from '../../../plan/placement';
import { describeLocation } from '../../../plan/labels';
import { countVerdicts, type ControlMatrix } from '../control-matrix';
import { appendTo } from '../labels';
import { anchor, h, table, type Section } from './elements';
import { verdictCounts } from './matrix';
import { CLASS_LABEL, UNCLASSIFIED } from './model-labels';
import type { ReportContext } from './context';

export const systemAnchor = (id: string): string => anchor('s', id);

function findingLinks(findings: readonly Finding[]): string {
  const byRule = new Map<string, { open: number; all: number }>();
  for (const f of findings) {
    const n = byRule.get(f.ruleId) ?? { open: 0, all: 0 };
    n.all++;
    if (!f.suppressed) n.open++;
    byRule.set(f.ruleId, n);
  }
  return [...byRule.entries()]
    .map(([id, n]) => `<a href="#${anchor('r', id)}" class="${n.open > 0 ? 'bad' : 'muted'}">${h(id)}${n.all > 1 ? ` ×${n.all}` : ''}</a>`)
    .join(' ');
}

export function systemsSection(ctx: ReportContext, findings: readonly Finding[], matrix: ControlMatrix): Section {
  const { env } = ctx;
  const departments = new Map(env.inventory.departments.map((d) => [d.id, d.name]));
  const bySystem = new Map<string, Finding[]>();
  for (const f of findings) if (f.system !== undefined) appendTo(bySystem, f.system, f);
  const rowsBySystem = new Map(matrix.systems.map((s) => [s.id, s.rows]));
  const rows = env.inventory.systems.map((s) => {
    const fs = bySystem.get(s.id) ?? [];
    const open = fs.some((f) => !f.suppressed);
    const cls = s.class !== undefined ? CLASS_LABEL[s.class] : UNCLASSIFIED;
    const where = describeLocation(s.location);
    const controls = verdictCounts(countVerdicts(rowsBySystem.get(s.id) ?? []));
    return `<tr id="${systemAnchor(s.id)}" class="${open ? 'open' : 'muted'}"><td>${h(s.name ?? '—')} <code class="en">${h(s.id)}</code></td><td>${h(departments.get(s.department) ?? s.department)}</td><td class="num">${levelOf(env, s)}</td><td class="nowrap"><code>${h(s.mlps?.filingNumber ?? '—')}</code></td><td class="nowrap">${h(s.mlps?.lastAssessment ?? '—')}</td><td>${h(cls.zh)}</td><td>${h(where.zh)}</td><td><a href="#${anchor('m', s.id)}">${controls}</a></td><td>${fs.length > 0 ? findingLinks(fs) : '—'}</td></tr>`;
  });
  return {
    id: 'systems',
    title: '系统 Systems',
    body: table(['系统 System', '部门 Department', '级别 Level', '备案号 Filing no.', '最近测评 Last assessment', '分类 Class', '位置 Location', '控制点 Controls', '问题 Findings'], rows, 'systems'),
  };
}
