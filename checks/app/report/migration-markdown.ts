/** Markdown output of `btyun migration`, for a pull-request comment. */
import type { Finding } from '../../engine/types';
import { escapeMarkdown as md, findingSeverityLabel, whereOf } from './labels';
import type { CenterCapacityDoc, MigrationReport } from './migration-document';
import { amountCell, anyOver, CAPACITY_COLUMNS, headroomLine, LEFT_REASON, locationText, systemText, waveKindText } from './migration-format';

function capacityTable(rows: readonly CenterCapacityDoc[]): string[] {
  const out = [`| 中心 center | ${CAPACITY_COLUMNS.map((c) => c.title).join(' | ')} |`, `|---|${CAPACITY_COLUMNS.map(() => '---:').join('|')}|`];
  for (const c of rows) {
    const mark = anyOver(c) ? ' ⚠️' : '';
    out.push(`| ${md(c.center)}${mark} | ${CAPACITY_COLUMNS.map((col) => md(amountCell(c[col.key]))).join(' | ')} |`);
  }
  return out;
}

export function renderMigrationMarkdown(r: MigrationReport): string {
  const s = r.summary;
  const out: string[] = [];
  out.push(`## 迁移计划 Migration plan — ${md(r.environment)}`, '');
  out.push(s.pass ? `**PASS 通过** — no MIG finding at or above \`${r.failOn}\`.` : `**FAIL 不通过** — ${s.blocking} MIG finding(s) at or above \`${r.failOn}\`.`);
  out.push('');
  out.push(`截至 as of ${r.asOf}: ${s.waves} waves 批次, ${s.moves} moves 迁移 (${s.done} done 已完成, ${s.late} late 逾期), ${s.left} left 未迁移, ${s.retiredOrReplaced} retired/replaced 淘汰/替代.`);
  out.push('', `_${md(headroomLine(r))}_`, '');

  out.push('### 已上云基线 Baseline (before the first wave)', '', ...capacityTable(r.baseline), '');

  out.push('### 批次 Waves', '');
  if (r.waves.length === 0) out.push('(none 无)', '');
  r.waves.forEach((w, i) => {
    const flag = w.overdue ? ' — **逾期 OVERDUE**' : '';
    out.push(`#### ${i + 1}. ${md(w.id)} ${md(w.name)}${flag}`, '');
    out.push(`${md(waveKindText(w.kind))}; deadline 期限 ${w.deadline} (plan 方案 ${w.planDeadline})${w.start !== undefined ? `; start 开始 ${w.start}` : ''}`, '');
    if (w.moves.length > 0) {
      out.push('| 系统 system | 从 from | 到 to | 状态 status |', '|---|---|---|---|');
      for (const m of w.moves) {
        const state = m.done ? `✅ 已完成 done${m.doneOn !== undefined ? ` ${m.doneOn}` : ''}` : m.late ? '❌ 逾期 late' : '⏳ 未完成 pending';
        out.push(`| ${md(systemText(m.system, m.name))} | ${md(locationText(m.from))} | ${md(m.to)} | ${state} |`);
      }
      out.push('');
    }
    out.push(`各中心容量 Capacity after ${md(w.id)}:`, '', ...capacityTable(w.capacity), '');
  });

  out.push(`### 逾期 Late (as of ${r.asOf})`, '');
  if (r.late.length === 0) out.push('(none 无)');
  for (const l of r.late) out.push(`- **${md(l.wave)}** (deadline 期限 ${l.deadline}): ${l.systems.map(md).join(', ')}`);
  out.push('');

  out.push('### 未迁移 Left', '');
  if (r.left.length === 0) out.push('(none 无)');
  for (const l of r.left) out.push(`- ${md(systemText(l.system, l.name))}: ${md(locationText(l.location))} — ${LEFT_REASON[l.reason]}${l.wave !== undefined ? ` (${md(l.wave)})` : ''}`);
  out.push('');

  out.push('### 淘汰/替代 Retired or replaced instead of moved', '');
  if (r.retiredOrReplaced.length === 0) out.push('(none 无)');
  for (const x of r.retiredOrReplaced) {
    const what = x.class === 'retire' ? '淘汰 retired' : `替代 replaced by ${md(x.platform ?? '?')}${x.deadline !== undefined ? ` by ${x.deadline}` : ''}`;
    out.push(`- ${md(systemText(x.system, x.name))}: ${md(locationText(x.location))} — ${what}`);
  }
  out.push('');

  out.push(`### MIG 检查结果 Findings (${r.findings.length})`, '');
  if (r.findings.length === 0) out.push('(none 无)');
  else {
    out.push('| 级别 severity | 规则 rule | 位置 where | 说明 message |', '|---|---|---|---|');
    for (const raw of r.findings) {
      const f = raw as unknown as Finding;
      const tag = f.suppressed ? ' (suppressed 已豁免)' : '';
      out.push(`| ${findingSeverityLabel(f)}${tag} | ${f.ruleId} | ${md(whereOf(f))} | ${md(f.message)}<br>${md(f.messageZh)} |`);
    }
  }
  return out.join('\n') + '\n';
}
