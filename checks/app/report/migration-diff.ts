/**
 * `btyun migration --base PATH`: what a change (a pull request) does to the migration plan,
 * compared with another environment (its base): systems added or removed, moved (their current
 * location changed), re-planned (their moves — wave or target center — changed), and the change of
 * committed capacity per center after each wave (and in the baseline before the first wave).
 */
import type { Environment } from '../../core/types';
import { escapeMarkdown as md } from './labels';
import type { MarkdownBudget } from './markdown-budget';
import type { CenterCapacityDoc, LocationDoc, MigrationReport } from './migration-document';
import { locationText } from './migration-format';

export interface PlannedDoc {
  wave: string;
  to: string;
}

export interface CapacityChangeDoc {
  /** A wave id, or `(baseline)` before the first wave. */
  wave: string;
  center: string;
  cpu: number;
  memoryGiB: number;
  storageGiB: number;
}

export interface MigrationDiff {
  base: string;
  added: string[];
  removed: string[];
  moved: { system: string; from: LocationDoc; to: LocationDoc }[];
  replanned: { system: string; before: PlannedDoc[]; after: PlannedDoc[] }[];
  capacity: CapacityChangeDoc[];
}

export const BASELINE_WAVE = '(baseline)';

function locations(env: Environment): Map<string, LocationDoc> {
  const out = new Map<string, LocationDoc>();
  for (const s of env.inventory.systems) {
    const l: LocationDoc = { kind: s.location.kind };
    if (s.location.center !== undefined) l.center = s.location.center;
    if (s.location.site !== undefined) l.site = s.location.site;
    if (s.location.division !== undefined) l.division = s.location.division;
    out.set(s.id, l);
  }
  return out;
}

function plans(r: MigrationReport): Map<string, PlannedDoc[]> {
  const out = new Map<string, PlannedDoc[]>();
  for (const w of r.waves) for (const m of w.moves) out.set(m.system, [...(out.get(m.system) ?? []), { wave: w.id, to: m.to }]);
  return out;
}

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
const sorted = (xs: Iterable<string>): string[] => [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function capacityChanges(wave: string, head: readonly CenterCapacityDoc[], base: readonly CenterCapacityDoc[]): CapacityChangeDoc[] {
  const before = new Map(base.map((c) => [c.center, c]));
  const centers = sorted(new Set([...head.map((c) => c.center), ...base.map((c) => c.center)]));
  const after = new Map(head.map((c) => [c.center, c]));
  const out: CapacityChangeDoc[] = [];
  for (const center of centers) {
    const a = after.get(center);
    const b = before.get(center);
    const d = (k: 'cpu' | 'memoryGiB' | 'storageGiB'): number => round3((a?.[k].committed ?? 0) - (b?.[k].committed ?? 0));
    const change = { wave, center, cpu: d('cpu'), memoryGiB: d('memoryGiB'), storageGiB: d('storageGiB') };
    if (change.cpu !== 0 || change.memoryGiB !== 0 || change.storageGiB !== 0) out.push(change);
  }
  return out;
}

export function migrationDiff(head: { env: Environment; report: MigrationReport }, base: { env: Environment; report: MigrationReport; ref: string }): MigrationDiff {
  const hl = locations(head.env);
  const bl = locations(base.env);
  const added = sorted([...hl.keys()].filter((id) => !bl.has(id)));
  const removed = sorted([...bl.keys()].filter((id) => !hl.has(id)));
  const moved: MigrationDiff['moved'] = [];
  for (const id of sorted(hl.keys())) {
    const from = bl.get(id);
    const to = hl.get(id)!;
    if (from !== undefined && JSON.stringify(from) !== JSON.stringify(to)) moved.push({ system: id, from, to });
  }
  const hp = plans(head.report);
  const bp = plans(base.report);
  const replanned: MigrationDiff['replanned'] = [];
  for (const id of sorted(new Set([...hp.keys(), ...bp.keys()]))) {
    if (!hl.has(id) || !bl.has(id)) continue; // added or removed: said above
    const before = bp.get(id) ?? [];
    const after = hp.get(id) ?? [];
    if (JSON.stringify(before) !== JSON.stringify(after)) replanned.push({ system: id, before, after });
  }
  const capacity = capacityChanges(BASELINE_WAVE, head.report.baseline, base.report.baseline);
  const baseWaves = new Map(base.report.waves.map((w) => [w.id, w]));
  const waveIds = [...head.report.waves.map((w) => w.id), ...base.report.waves.map((w) => w.id).filter((id) => !head.report.waves.some((w) => w.id === id))];
  for (const id of waveIds) {
    const h = head.report.waves.find((w) => w.id === id);
    capacity.push(...capacityChanges(id, h?.capacity ?? [], baseWaves.get(id)?.capacity ?? []));
  }
  return { base: base.ref, added, removed, moved, replanned, capacity };
}

const plannedText = (p: readonly PlannedDoc[]): string => (p.length === 0 ? 'no move 无迁移' : p.map((x) => `${x.wave} → ${x.to}`).join(', '));
const signed = (n: number): string => (n > 0 ? `+${n}` : `${n}`);

function counts(d: MigrationDiff): string {
  return `${d.added.length} added 新增, ${d.removed.length} removed 删除, ${d.moved.length} moved 位置变更, ${d.replanned.length} re-planned 计划变更, ${d.capacity.length} capacity changes 容量变化`;
}

export function migrationDiffText(d: MigrationDiff): string {
  const out = [`对比 Compared with ${d.base}: ${counts(d)}`];
  if (d.added.length > 0) out.push(`  added 新增: ${d.added.join(', ')}`);
  if (d.removed.length > 0) out.push(`  removed 删除: ${d.removed.join(', ')}`);
  for (const m of d.moved) out.push(`  moved 位置变更 ${m.system}: ${locationText(m.from)} → ${locationText(m.to)}`);
  for (const r of d.replanned) out.push(`  re-planned 计划变更 ${r.system}: ${plannedText(r.before)} ⇒ ${plannedText(r.after)}`);
  for (const c of d.capacity) out.push(`  capacity 容量 ${c.wave} ${c.center}: CPU ${signed(c.cpu)}, memory ${signed(c.memoryGiB)} GiB, storage ${signed(c.storageGiB)} GiB`);
  return out.join('\n') + '\n';
}

const LEFT_OUT = (n: number): string => `… ${n} more not shown (comment size limit; \`--format json\` has all) 另有 ${n} 项未列出`;

export function migrationDiffMarkdown(d: MigrationDiff, b: MarkdownBudget): void {
  b.push(`### 变更 Changes vs \`${md(d.base)}\``, '', counts(d), '');
  if (d.capacity.length > 0) {
    b.table(
      ['| wave 批次 | center 中心 | CPU 核 | memory 内存 GiB | storage 存储 GiB |', '|---|---|---:|---:|---:|'],
      d.capacity.map((c) => `| ${md(c.wave)} | ${md(c.center)} | ${signed(c.cpu)} | ${signed(c.memoryGiB)} | ${signed(c.storageGiB)} |`),
      LEFT_OUT,
    );
    b.push('');
  }
  const items = [
    ...(d.added.length > 0 ? [`- added 新增 (${d.added.length}): ${d.added.map(md).join(', ')}`] : []),
    ...(d.removed.length > 0 ? [`- removed 删除 (${d.removed.length}): ${d.removed.map(md).join(', ')}`] : []),
    ...d.moved.map((m) => `- moved 位置变更 **${md(m.system)}**: ${md(locationText(m.from))} → ${md(locationText(m.to))}`),
    ...d.replanned.map((r) => `- re-planned 计划变更 **${md(r.system)}**: ${md(plannedText(r.before))} ⇒ ${md(plannedText(r.after))}`),
  ];
  if (items.length > 0) b.details(`${items.length} system changes 系统变更`, (x) => x.list(items, (n) => `- ${LEFT_OUT(n)}`));
  b.push('');
}
