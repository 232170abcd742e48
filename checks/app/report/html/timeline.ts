/**
 * 6. The migration waves as a timeline (SVG): one bar per wave from its start to its deadline, the
 * plan's deadline for that kind of move ticked, the check date as a line; moves done / planned on
 * each bar. A wave with a late move is the only red.
 */
import type { MigrationView } from '../../../plan/types';
import { WAVE_KIND } from '../../../plan/labels';
import { h, table, type Section } from './elements';
import { fmt, rect, text } from './svg';

const W = 1000;
const LEFT = 200;
const ROW = 34;

const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function timelineSection(view: MigrationView): Section {
  if (view.waves.length === 0) return { id: 'timeline', title: '迁移批次 Migration waves', body: '<p>无迁移批次。 No migration waves.</p>' };
  const planned = view.waves.flatMap((w) => [w.start ?? w.deadline, w.deadline, w.planDeadline]).map(day);
  // A check date long after the plan would squeeze the waves to the left: it is then an arrow at the edge.
  const asOf = day(view.asOf);
  const asOfInside = asOf >= Math.min(...planned) - 180 && asOf <= Math.max(...planned) + 180;
  const all = asOfInside ? [...planned, asOf] : planned;
  const lo = Math.min(...all) - 10;
  const hi = Math.max(...all) + 10;
  const x = (iso: string): number => LEFT + ((day(iso) - lo) / (hi - lo)) * (W - LEFT - 20);
  const height = 50 + view.waves.length * ROW + 20;
  const out: string[] = [];
  // Month ticks, labelled every month up to a year and a half, else every quarter.
  const step = hi - lo > 548 ? 3 : 1;
  const first = new Date(lo * 86_400_000);
  let n = 0;
  for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); m.getTime() / 86_400_000 <= hi; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1)), n++) {
    const iso = m.toISOString().slice(0, 10);
    out.push(`<line x1="${fmt(x(iso))}" y1="30" x2="${fmt(x(iso))}" y2="${height - 14}" class="tick"/>`);
    if (n % step === 0) out.push(text(x(iso), 24, iso.slice(0, 7), 'axis'));
  }
  view.waves.forEach((w, i) => {
    const y = 44 + i * ROW;
    const done = w.moves.filter((m) => m.done).length;
    const x0 = x(w.start ?? w.deadline);
    const x1 = Math.max(x(w.deadline), x0 + 4);
    out.push(text(LEFT - 10, y + 15, `${w.id} · ${WAVE_KIND[w.kind].zh}`, 'label', 'end'));
    out.push(rect(x0, y + 2, x1 - x0, 18, w.overdue ? 'wave late' : 'wave'));
    // The count beside the bar: after it, or before it when the bar ends near the right edge.
    const roomAfter = x1 + 170 < W;
    out.push(text(roomAfter ? x1 + 6 : x0 - 6, y + 15, `${done}/${w.moves.length} 完成 done${w.overdue ? ' · 逾期 late' : ''}`, w.overdue ? 'late-label' : 'label', roomAfter ? 'start' : 'end'));
    out.push(`<line x1="${fmt(x(w.planDeadline))}" y1="${y}" x2="${fmt(x(w.planDeadline))}" y2="${y + 24}" class="plan"/>`);
  });
  if (asOfInside) out.push(`<line x1="${fmt(x(view.asOf))}" y1="30" x2="${fmt(x(view.asOf))}" y2="${height - 14}" class="asof"/>`, text(x(view.asOf), height - 2, `检查日期 as of ${view.asOf}`, 'axis'));
  else out.push(text(W - 10, height - 2, `检查日期 as of ${view.asOf} ${asOf > hi ? '→' : '←'}`, 'axis', 'end'));
  const css = `.tl text{font-size:12px;fill:#424a53}.tl .axis{font-size:11px;fill:#6e7781}.tl .tick{stroke:#eaeef2}.tl .wave{fill:#afb8c1}.tl .late{fill:#cf222e}.tl .late-label{fill:#a40e26;font-weight:600}.tl .plan{stroke:#1f2328;stroke-width:2}.tl .asof{stroke:#0b5cad;stroke-dasharray:4 3}`;
  const svg = `<svg class="tl" viewBox="0 0 ${W} ${height}" role="img" aria-label="迁移时间线 migration timeline"><style>${css}</style>${out.join('')}</svg>`;
  const rows = view.waves.map((w) => {
    const done = w.moves.filter((m) => m.done).length;
    return `<tr class="${w.overdue ? 'open' : 'muted'}"><td><code>${h(w.id)}</code></td><td>${h(w.name)}</td><td>${h(WAVE_KIND[w.kind].zh)} <span class="en">${h(WAVE_KIND[w.kind].en)}</span></td><td>${h(w.start ?? '—')}</td><td>${h(w.deadline)}</td><td>${h(w.planDeadline)}</td><td class="num">${done}/${w.moves.length}</td><td>${w.overdue ? '<span class="bad">逾期 late</span>' : '按期 on time'}</td></tr>`;
  });
  return {
    id: 'timeline',
    title: '迁移批次 Migration waves',
    body: `<p class="legend">条：批次起止；黑色竖线：方案截止日期；蓝色虚线：检查日期。 Bars: wave start to deadline; black tick: the plan's deadline; dashed line: the check date.</p>
<figure>${svg}</figure>
${table(['批次 Wave', '名称 Name', '类型 Kind', '开始 Start', '截止 Deadline', '方案截止 Plan deadline', '完成 Done', '状态 Status'], rows)}`,
  };
}
