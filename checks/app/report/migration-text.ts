/** Text output of `btyun migration`, for people: waves, capacity, late, left, retired/replaced, findings. */
import type { Finding } from '../../engine/types';
import { printable } from '../../core/printable';
import { findingSeverityLabel, whereOf } from './labels';
import type { CenterCapacityDoc, MigrationReport } from './migration-document';
import { amountCell, CAPACITY_COLUMNS, displayWidth, headroomLine, LEFT_REASON, locationText, padDisplay, systemText, waveKindText, waveDeadlineNote } from './migration-format';

function capacityTable(rows: readonly CenterCapacityDoc[], indent: string): string[] {
  const cells = rows.map((c) => [c.center, ...CAPACITY_COLUMNS.map((col) => amountCell(c[col.key]))]);
  const header = ['center 中心', ...CAPACITY_COLUMNS.map((c) => c.title)];
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i]))));
  const line = (r: readonly string[]): string => (indent + r.map((x, i) => (i === r.length - 1 ? x : padDisplay(x, widths[i]))).join('  ')).trimEnd();
  return [line(header), ...cells.map(line)];
}

function findingLines(f: Record<string, unknown>): string[] {
  const finding = f as unknown as Finding;
  const tag = finding.suppressed ? ' (suppressed 已豁免)' : '';
  return [`  ${findingSeverityLabel(finding)} ${finding.ruleId}${tag}  ${whereOf(finding)}`, `    ${finding.message}`, `    ${finding.messageZh}`];
}

export function renderMigrationText(r: MigrationReport): string {
  const out: string[] = [];
  out.push(`迁移计划 Migration plan — ${r.environment}, 截至 as of ${r.asOf}`);
  out.push(headroomLine(r), '');

  out.push('已上云基线 Baseline (systems already on 兵团云, before the first wave)');
  out.push(...capacityTable(r.baseline, '  '), '');

  out.push(`批次 Waves (${r.waves.length}, in plan order: by deadline)`);
  if (r.waves.length === 0) out.push('  (none 无)');
  r.waves.forEach((w, i) => {
    const flag = w.overdue ? '  逾期 OVERDUE' : '';
    const start = w.start !== undefined ? `start 开始 ${w.start}, ` : '';
    out.push(`${i + 1}. ${w.id} ${w.name} [${waveKindText(w.kind)}] ${start}deadline 期限 ${w.deadline} ${waveDeadlineNote(w)}${flag}`);
    for (const m of w.moves) {
      const state = m.done ? `已完成 done${m.doneOn !== undefined ? ` ${m.doneOn}` : ''}` : m.late ? '逾期 late' : '未完成 pending';
      out.push(`   - ${systemText(m.system, m.name)}: ${locationText(m.from)} → ${m.to}  ${state}`);
    }
    out.push(`   各中心容量 Capacity after ${w.id}:`);
    out.push(...capacityTable(w.capacity, '     '));
  });
  out.push('');

  out.push(`逾期 Late (截至 as of ${r.asOf})`);
  if (r.late.length === 0) out.push('  (none 无)');
  for (const l of r.late) out.push(`  - ${l.wave} (deadline 期限 ${l.deadline}): ${l.systems.join(', ')}`);
  out.push('');

  out.push('未迁移 Left (systems not moved)');
  if (r.left.length === 0) out.push('  (none 无)');
  for (const l of r.left) out.push(`  - ${systemText(l.system, l.name)}: ${locationText(l.location)} — ${LEFT_REASON[l.reason]}${l.wave !== undefined ? ` (${l.wave})` : ''}`);
  out.push('');

  out.push('淘汰/替代 Retired or replaced instead of moved');
  if (r.retiredOrReplaced.length === 0) out.push('  (none 无)');
  for (const s of r.retiredOrReplaced) {
    const what = s.class === 'retire' ? '淘汰 retired' : `替代 replaced by ${s.platform ?? '?'}${s.deadline !== undefined ? ` by 期限 ${s.deadline}` : ''}`;
    out.push(`  - ${systemText(s.system, s.name)}: ${locationText(s.location)} — ${what}`);
  }
  out.push('');

  out.push(`MIG 检查结果 Findings (${r.findings.length})`);
  if (r.findings.length === 0) out.push('  (none 无)');
  for (const f of r.findings) out.push(...findingLines(f));
  out.push('');

  const s = r.summary;
  out.push(`${s.waves} waves 批次, ${s.moves} moves 迁移 (${s.done} done 已完成, ${s.late} late 逾期), ${s.left} left 未迁移, ${s.retiredOrReplaced} retired/replaced 淘汰/替代`);
  out.push(s.pass ? `PASS 通过 (no MIG finding at or above ${r.failOn})` : `FAIL 不通过 (${s.blocking} MIG finding(s) at or above ${r.failOn})`);
  // Wave, system and site names come from the model: shown printable (no escape sequence reaches the terminal).
  return out.map(printable).join('\n') + '\n';
}
