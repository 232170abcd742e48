/** Shared wording of the migration renderers (text and markdown). */
import { LOCATION_KIND, WAVE_KIND } from '../../plan/labels';
import type { Amount } from '../../plan/types';
import type { CenterCapacityDoc, LeftReason, LocationDoc, MigrationReport } from './migration-document';

export const CAPACITY_COLUMNS: readonly { key: 'cpu' | 'memoryGiB' | 'storageGiB'; title: string }[] = [
  { key: 'cpu', title: 'CPU 核 cores' },
  { key: 'memoryGiB', title: '内存 memory GiB' },
  { key: 'storageGiB', title: '存储 storage GiB' },
];

/** `52/100 (52.0%) left 28` or `92/100 (92.0%) OVER 超限 by 12`. */
export function amountCell(a: Amount): string {
  const head = `${a.committed}/${a.capacity} (${a.percent.toFixed(1)}%)`;
  return a.over ? `${head} OVER 超限 by ${round3(-a.left)}` : `${head} left 余 ${a.left}`;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

export function headroomLine(r: MigrationReport): string {
  const pct = round3(r.headroom * 100);
  return `上限 limit = 容量 capacity × (1 − ${pct}% 预留 headroom); cells: committed 已承诺/capacity 容量 (% of capacity), left 余量 below the limit`;
}

export function locationText(l: LocationDoc): string {
  const kind = LOCATION_KIND[l.kind as keyof typeof LOCATION_KIND];
  const where = l.kind === 'cloud' ? l.center : l.site ?? l.division;
  const label = kind ? `${kind.zh} ${l.kind}` : l.kind;
  return where === undefined ? label : `${label} ${where}`;
}

/** `(plan 方案 2018-06-30)`; a later deadline that applies to its systems, or none for re-homings, is said. */
export function waveDeadlineNote(w: { planDeadline: string; dueBy?: string }): string {
  if (w.dueBy === undefined) return '(re-homing only 仅再迁移: no plan deadline 无方案期限)';
  return w.dueBy === w.planDeadline ? `(plan 方案 ${w.planDeadline})` : `(applies 适用 ${w.dueBy}, approval + grace 审批后宽限期)`;
}

export function waveKindText(kind: keyof typeof WAVE_KIND): string {
  return `${WAVE_KIND[kind].zh} ${kind}`;
}

export const LEFT_REASON: Readonly<Record<LeftReason, string>> = {
  'no-move': '无迁移计划 no move planned',
  pending: '待迁移 pending',
  late: '逾期 late',
};

export function systemText(id: string, name: string): string {
  return name === id ? id : `${id} ${name}`;
}

export function anyOver(c: CenterCapacityDoc): boolean {
  return c.cpu.over || c.memoryGiB.over || c.storageGiB.over;
}

/** Terminal columns of a string: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

export function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}
