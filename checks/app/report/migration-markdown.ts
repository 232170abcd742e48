/**
 * Markdown output of `btyun migration`, for one pull-request comment (never over 65,536
 * characters): the verdict and counts first, the MIG findings (blocking ones first), what is late,
 * then the waves with their moves and capacity folded in `<details>`, what is left and what is
 * retired or replaced; what does not fit is counted.
 */
import { severityRank, type Finding } from '../../engine/types';
import { escapeMarkdown as md, findingSeverityLabel, whereOf } from './labels';
import { fitToLimit, MarkdownBudget, PR_COMMENT_LIMIT } from './markdown-budget';
import type { CenterCapacityDoc, MigrationReport } from './migration-document';
import { amountCell, anyOver, CAPACITY_COLUMNS, headroomLine, LEFT_REASON, locationText, systemText, waveKindText, waveDeadlineNote } from './migration-format';

function capacityHeader(): string[] {
  return [`| 中心 center | ${CAPACITY_COLUMNS.map((c) => c.title).join(' | ')} |`, `|---|${CAPACITY_COLUMNS.map(() => '---:').join('|')}|`];
}

function capacityRows(rows: readonly CenterCapacityDoc[]): string[] {
  return rows.map((c) => `| ${md(c.center)}${anyOver(c) ? ' ⚠️' : ''} | ${CAPACITY_COLUMNS.map((col) => md(amountCell(c[col.key]))).join(' | ')} |`);
}

const LEFT_OUT = (n: number): string => `- … ${n} more not shown (comment size limit; \`--format json\` has all) 另有 ${n} 项未列出`;

export function renderMigrationMarkdown(r: MigrationReport, extra?: (b: MarkdownBudget) => void, limit = PR_COMMENT_LIMIT): string {
  return fitToLimit((budget) => render(r, extra, budget), limit);
}

function render(r: MigrationReport, extra: ((b: MarkdownBudget) => void) | undefined, limit: number): string {
  const s = r.summary;
  const b = new MarkdownBudget(limit);
  b.push(`## 迁移计划 Migration plan — ${md(r.environment)}`, '');
  b.push(s.pass ? `**PASS 通过** — no MIG finding at or above \`${r.failOn}\`.` : `**FAIL 不通过** — ${s.blocking} MIG finding(s) at or above \`${r.failOn}\`.`);
  b.push('');
  b.push(`截至 as of ${r.asOf}: ${s.waves} waves 批次, ${s.moves} moves 迁移 (${s.done} done 已完成, ${s.late} late 逾期), ${s.left} left 未迁移, ${s.retiredOrReplaced} retired/replaced 淘汰/替代.`);
  b.push('', `_${md(headroomLine(r))}_`, '');

  // What a PR changes (`--base`), right after the summary.
  if (extra) extra(b);

  b.push(`### MIG 检查结果 Findings (${r.findings.length})`, '');
  if (r.findings.length === 0) b.push('(none 无)');
  else {
    const floor = severityRank(r.failOn);
    const fs = (r.findings as unknown as Finding[]).slice();
    const blocking = (f: Finding): boolean => !f.suppressed && f.baselined !== true && severityRank(f.severity) >= floor;
    fs.sort((x, y) => Number(blocking(y)) - Number(blocking(x)));
    const rows = fs.map((f) => {
      const tag = f.suppressed ? ' (suppressed 已豁免)' : '';
      return `| ${findingSeverityLabel(f)}${tag} | ${f.ruleId} | ${md(whereOf(f))} | ${md(f.message)}<br>${md(f.messageZh)} |`;
    });
    b.table(['| 级别 severity | 规则 rule | 位置 where | 说明 message |', '|---|---|---|---|'], rows, (n) => LEFT_OUT(n).slice(2));
  }
  b.push('');

  b.push(`### 逾期 Late (as of ${r.asOf})`, '');
  if (r.late.length === 0) b.push('(none 无)');
  b.list(
    r.late.map((l) => `- **${md(l.wave)}** (deadline 期限 ${l.deadline}): ${l.systems.map(md).join(', ')}`),
    LEFT_OUT,
  );
  b.push('');

  b.push('### 批次 Waves', '');
  if (r.waves.length === 0) b.push('(none 无)', '');
  r.waves.forEach((w, i) => {
    const flag = w.overdue ? ' — **逾期 OVERDUE**' : '';
    b.push(`#### ${i + 1}. ${md(w.id)} ${md(w.name)}${flag}`, '');
    const done = w.moves.filter((m) => m.done).length;
    const late = w.moves.filter((m) => !m.done && m.late).length;
    b.push(`${md(waveKindText(w.kind))}; deadline 期限 ${w.deadline} ${waveDeadlineNote(w)}${w.start !== undefined ? `; start 开始 ${w.start}` : ''}; ${w.moves.length} moves 迁移 (${done} done 已完成, ${late} late 逾期)`);
    b.details(`各中心容量 Capacity after ${md(w.id)}`, (d) => d.table(capacityHeader(), capacityRows(w.capacity), (n) => LEFT_OUT(n).slice(2)));
    b.push('');
  });

  b.details('已上云基线 Baseline (before the first wave)', (d) => d.table(capacityHeader(), capacityRows(r.baseline), (n) => LEFT_OUT(n).slice(2)));
  b.push('');

  b.push(`### 未迁移 Left (${r.left.length})`, '');
  if (r.left.length === 0) b.push('(none 无)');
  b.list(
    r.left.map((l) => `- ${md(systemText(l.system, l.name))}: ${md(locationText(l.location))} — ${LEFT_REASON[l.reason]}${l.wave !== undefined ? ` (${md(l.wave)})` : ''}`),
    LEFT_OUT,
  );
  b.push('');

  b.push(`### 淘汰/替代 Retired or replaced instead of moved (${r.retiredOrReplaced.length})`, '');
  if (r.retiredOrReplaced.length === 0) b.push('(none 无)');
  b.list(
    r.retiredOrReplaced.map((x) => {
      const what = x.class === 'retire' ? '淘汰 retired' : `替代 replaced by ${md(x.platform ?? '?')}${x.deadline !== undefined ? ` by ${x.deadline}` : ''}`;
      return `- ${md(systemText(x.system, x.name))}: ${md(locationText(x.location))} — ${what}`;
    }),
    LEFT_OUT,
  );

  b.push('### 迁移 Moves per wave', '');
  r.waves.forEach((w) => {
    if (w.moves.length > 0) {
      b.details(`${md(w.id)}: ${w.moves.length} moves 迁移`, (d) =>
        d.table(
          ['| 系统 system | 从 from | 到 to | 状态 status |', '|---|---|---|---|'],
          w.moves.map((m) => {
            const state = m.done ? `✅ 已完成 done${m.doneOn !== undefined ? ` ${m.doneOn}` : ''}` : m.late ? '❌ 逾期 late' : '⏳ 未完成 pending';
            return `| ${md(systemText(m.system, m.name))} | ${md(locationText(m.from))} | ${md(m.to)} | ${state} |`;
          }),
          (n) => LEFT_OUT(n).slice(2),
        ),
      );
    }
  });
  b.push('');
  return b.text();
}
