/**
 * 4. Capacity per center after each wave (the plan's ledger, checks/plan/): for every center, CPU,
 * memory and storage committed as bars — before the first wave, then after each — with the limit
 * the headroom leaves marked; a bar over its limit is the only red.
 */
import type { Amount, CenterUsage, MigrationView } from '../../../plan/types';
import { bi, h, table, type Section } from './elements';
import { fmt } from './svg';

const KINDS = [
  { key: 'cpu', zh: 'CPU', en: 'cores' },
  { key: 'memoryGiB', zh: '内存', en: 'GiB' },
  { key: 'storageGiB', zh: '存储', en: 'GiB' },
] as const;

function bar(a: Amount, limitPct: number, label: string): string {
  const width = Math.min(100, a.percent);
  const tip = `${label}: ${a.committed} / ${a.limit} (${a.percent}%)`;
  return `<div class="bar${a.over ? ' over' : ''}" title="${h(tip)}"><i style="width:${fmt(width)}%"></i><b style="left:${fmt(limitPct)}%"></b></div>`;
}

function cell(u: CenterUsage, limitPct: number): string {
  const bars = KINDS.map((k) => bar(u[k.key], limitPct, `${k.zh} ${k.en}`)).join('');
  const over = KINDS.some((k) => u[k.key].over);
  const pct = KINDS.map((k) => fmt(u[k.key].percent)).join(' / ');
  return `<td><div class="bars">${bars}</div><span class="pct${over ? ' over' : ''}">${h(pct)} %${over ? ' 超限 over' : ''}</span></td>`;
}

export function capacitySection(view: MigrationView): Section {
  const limitPct = (1 - view.headroom) * 100;
  const snapshots = [{ label: bi('开始前', 'before'), usage: view.baseline }, ...view.waves.map((w) => ({ label: `<code>${h(w.id)}</code>`, usage: w.capacity }))];
  const rows = view.baseline.map((c, i) => `<tr><td>${h(c.name)}<br><code class="en">${h(c.center)}</code></td>${snapshots.map((s) => cell(s.usage[i], limitPct)).join('')}</tr>`);
  return {
    id: 'capacity',
    title: '容量 Capacity per center after each wave',
    body: `<p class="legend">每格三条：CPU / 内存 memory / 存储 storage，占容量的百分比；竖线为预留 ${fmt(view.headroom * 100)}% 余量后的上限。 Each cell: CPU, memory, storage committed as a share of capacity; the tick is the limit after ${fmt(view.headroom * 100)}% headroom.</p>
${table(['中心 Center', ...snapshots.map((s) => s.label)], rows, 'capacity')}`,
  };
}
