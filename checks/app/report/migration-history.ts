/**
 * `btyun migration --base PATH`, read the other way round: what became of every system of the base
 * (e.g. environments/baseline-2017, the 2017 self-check) in this environment — kept and moved onto
 * 兵团云 (with the waves), already on the cloud, replaced by a named platform, retired, kept on
 * 政务内网 (classified), still waiting — or vanished without a record. History, not deletion: a
 * system of the predecessor that this environment does not mention is shown as `missing`.
 */
import { compareCodePoints } from '../../core/order';
import type { Environment, InfoSystem } from '../../core/types';
import { escapeMarkdown as md } from './labels';
import type { MarkdownBudget } from './markdown-budget';
import type { LocationDoc, MigrationReport } from './migration-document';
import { locationText, systemText } from './migration-format';

export type Fate = 'moved' | 'on-cloud' | 'replaced' | 'to-be-replaced' | 'retired' | 'classified' | 'waiting' | 'unclassified' | 'missing';

/** In the order a reader wants them: what was done, what is switched off, what is open. */
export const FATES: readonly Fate[] = ['moved', 'on-cloud', 'replaced', 'to-be-replaced', 'retired', 'classified', 'waiting', 'unclassified', 'missing'];

export const FATE_TEXT: Readonly<Record<Fate, string>> = {
  moved: '迁移上云 kept and moved',
  'on-cloud': '已在云上 kept, already on the cloud',
  replaced: '已替代 replaced',
  'to-be-replaced': '待替代 to be replaced',
  retired: '已淘汰 retired',
  classified: '涉密，留在政务内网 classified, stays on the intranet',
  waiting: '待迁移 kept, not moved yet',
  unclassified: '未分类 not classified',
  missing: '无记录 missing (vanished without a record)',
};

export interface HistoryMove {
  wave: string;
  to: string;
  done: boolean;
}

export interface HistoryEntry {
  system: string;
  name: string;
  fate: Fate;
  /** Where the base had it. */
  before: LocationDoc;
  /** Where this environment has it (absent when missing). */
  now?: LocationDoc;
  /** Its moves in this environment, in plan order. */
  moves: HistoryMove[];
  /** replaced / to be replaced: the unified platform and the deadline. */
  replacement?: { platform?: string; deadline?: string };
}

export interface MigrationHistory {
  /** Systems of the base. */
  total: number;
  counts: Partial<Record<Fate, number>>;
  entries: HistoryEntry[];
}

function locationDoc(s: InfoSystem): LocationDoc {
  const l: LocationDoc = { kind: s.location.kind };
  if (s.location.center !== undefined) l.center = s.location.center;
  if (s.location.site !== undefined) l.site = s.location.site;
  if (s.location.division !== undefined) l.division = s.location.division;
  return l;
}

function fateOf(s: InfoSystem, moves: readonly HistoryMove[], asOf: string): Fate {
  if (s.class === 'retire') return 'retired';
  if (s.class === 'replace') return s.replacement?.deadline !== undefined && s.replacement.deadline < asOf ? 'replaced' : 'to-be-replaced';
  if (s.classified === true) return 'classified';
  if (s.class === undefined) return 'unclassified';
  if (moves.some((m) => m.done) && s.location.kind === 'cloud') return 'moved';
  return s.location.kind === 'cloud' && moves.length === 0 ? 'on-cloud' : 'waiting';
}

export function migrationHistory(head: { env: Environment; report: MigrationReport }, base: { env: Environment }): MigrationHistory {
  const now = new Map(head.env.inventory.systems.map((s) => [s.id, s]));
  const moves = new Map<string, HistoryMove[]>();
  for (const w of head.report.waves) for (const m of w.moves) moves.set(m.system, [...(moves.get(m.system) ?? []), { wave: w.id, to: m.to, done: m.done }]);
  const entries = [...base.env.inventory.systems]
    .sort((a, b) => compareCodePoints(a.id, b.id))
    .map((b): HistoryEntry => {
      const h = now.get(b.id);
      const before = locationDoc(b);
      if (h === undefined) return { system: b.id, name: b.name ?? b.id, fate: 'missing', before, moves: [] };
      const ms = moves.get(b.id) ?? [];
      const fate = fateOf(h, ms, head.report.asOf);
      return {
        system: b.id,
        name: h.name ?? b.name ?? b.id,
        fate,
        before,
        now: locationDoc(h),
        moves: ms,
        ...(h.replacement !== undefined && h.class === 'replace' ? { replacement: { ...h.replacement } } : {}),
      };
    });
  const counts: Partial<Record<Fate, number>> = {};
  for (const f of FATES) {
    const n = entries.filter((e) => e.fate === f).length;
    if (n > 0) counts[f] = n;
  }
  return { total: entries.length, counts, entries };
}

function countsText(h: MigrationHistory): string {
  return FATES.filter((f) => h.counts[f] !== undefined).map((f) => `${h.counts[f]} ${FATE_TEXT[f]}`).join(', ');
}

/** `wave-3 → div-1 (done)`; a replacement names its platform and date. */
function detail(e: HistoryEntry): string {
  const parts: string[] = [];
  if (e.moves.length > 0) parts.push(e.moves.map((m) => `${m.wave} → ${m.to}${m.done ? ' ✓' : ''}`).join(', '));
  if (e.replacement !== undefined) parts.push(`by 由 ${e.replacement.platform ?? '?'} ${e.replacement.deadline ?? ''}`.trimEnd());
  // A switched-off system's location is where it last ran, not where it runs: not shown as "now".
  const running = e.fate !== 'retired' && e.fate !== 'replaced';
  if (running && e.now !== undefined && JSON.stringify(e.now) !== JSON.stringify(e.before)) parts.push(`now 现在 ${locationText(e.now)}`);
  return parts.join('; ');
}

export function migrationHistoryText(h: MigrationHistory, base: string): string {
  const out = [`去向 What became of the ${h.total} systems of ${base}: ${countsText(h)}`];
  for (const e of h.entries) {
    const d = detail(e);
    out.push(`  ${FATE_TEXT[e.fate]}: ${systemText(e.system, e.name)} — was 原在 ${locationText(e.before)}${d === '' ? '' : `; ${d}`}`);
  }
  return out.join('\n') + '\n';
}

export function migrationHistoryMarkdown(h: MigrationHistory, base: string, b: MarkdownBudget): void {
  b.push(`### 去向 What became of the systems of \`${md(base)}\``, '', `${h.total} systems: ${countsText(h)}`, '');
  b.details(`${h.entries.length} systems 系统`, (x) =>
    x.table(
      ['| system 系统 | fate 去向 | was 原在 | since 此后 |', '|---|---|---|---|'],
      h.entries.map((e) => `| ${md(systemText(e.system, e.name))} | ${md(FATE_TEXT[e.fate])} | ${md(locationText(e.before))} | ${md(detail(e))} |`),
      (n) => `… ${n} more not shown (comment size limit; \`--format json\` has all) 另有 ${n} 项未列出`,
    ),
  );
  b.push('');
}
