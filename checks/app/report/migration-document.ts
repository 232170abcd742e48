/**
 * The migration report as one plain, JSON-ready document (fixed key order, no undefined): built
 * once from the planning model and the MIG findings; the text, markdown and JSON renderers all
 * print it, so every format shows the same numbers.
 */
import type { Finding, Severity } from '../../engine/types';
import type { SystemLocation, SystemClass, WaveKind } from '../../core/types';
import type { Amount, CenterUsage, MigrationView, PlannedMove, SystemStatus } from '../../plan/types';
import { findingJson } from './json';

export interface LocationDoc {
  kind: string;
  center?: string;
  site?: string;
  division?: string;
}

export interface CenterCapacityDoc {
  center: string;
  name: string;
  role: string;
  cpu: Amount;
  memoryGiB: Amount;
  storageGiB: Amount;
}

export interface MoveDoc {
  system: string;
  name: string;
  from: LocationDoc;
  to: string;
  done: boolean;
  doneOn?: string;
  late: boolean;
}

export interface WaveDoc {
  id: string;
  name: string;
  kind: WaveKind;
  start?: string;
  deadline: string;
  planDeadline: string;
  /** The deadline the wave is held to (its systems'); absent for a wave of re-homings only. */
  dueBy?: string;
  overdue: boolean;
  moves: MoveDoc[];
  capacity: CenterCapacityDoc[];
}

export interface LateDoc {
  wave: string;
  deadline: string;
  systems: string[];
}

export type LeftReason = 'no-move' | 'pending' | 'late';

export interface LeftDoc {
  system: string;
  name: string;
  location: LocationDoc;
  reason: LeftReason;
  wave?: string;
}

export interface RetiredOrReplacedDoc {
  system: string;
  name: string;
  class: SystemClass;
  location: LocationDoc;
  platform?: string;
  deadline?: string;
}

export interface MigrationReport {
  tool: { name: string; version: string };
  environment: string;
  asOf: string;
  failOn: Severity;
  /** Fraction of each center's capacity kept free (policy.headroom). */
  headroom: number;
  summary: {
    waves: number;
    moves: number;
    done: number;
    late: number;
    left: number;
    retiredOrReplaced: number;
    findings: Record<Severity, number>;
    suppressed: number;
    blocking: number;
    pass: boolean;
  };
  baseline: CenterCapacityDoc[];
  waves: WaveDoc[];
  late: LateDoc[];
  left: LeftDoc[];
  retiredOrReplaced: RetiredOrReplacedDoc[];
  findings: Record<string, unknown>[];
}

function locationDoc(l: SystemLocation): LocationDoc {
  const out: LocationDoc = { kind: l.kind };
  if (l.center !== undefined) out.center = l.center;
  if (l.site !== undefined) out.site = l.site;
  if (l.division !== undefined) out.division = l.division;
  return out;
}

const amountDoc = (a: Amount): Amount => ({ committed: a.committed, capacity: a.capacity, limit: a.limit, left: a.left, percent: a.percent, over: a.over });

function capacityDoc(u: CenterUsage): CenterCapacityDoc {
  return { center: u.center, name: u.name, role: u.role, cpu: amountDoc(u.cpu), memoryGiB: amountDoc(u.memoryGiB), storageGiB: amountDoc(u.storageGiB) };
}

function moveDoc(m: PlannedMove): MoveDoc {
  return { system: m.system, name: m.systemName, from: locationDoc(m.from), to: m.to, done: m.done, ...(m.doneOn !== undefined ? { doneOn: m.doneOn } : {}), late: m.late };
}

/** Systems not (yet) moved: no move although one is needed, or a move not done. */
function leftDoc(s: SystemStatus): LeftDoc | undefined {
  const open = s.moves.find((m) => !m.done);
  if (s.moves.length === 0) {
    return s.disposition === 'move' ? { system: s.id, name: s.name, location: locationDoc(s.location), reason: 'no-move' } : undefined;
  }
  if (!open) return undefined;
  const reason: LeftReason = s.moves.some((m) => m.late) ? 'late' : 'pending';
  return { system: s.id, name: s.name, location: locationDoc(s.location), reason, wave: open.wave };
}

function retiredOrReplacedDoc(s: SystemStatus): RetiredOrReplacedDoc | undefined {
  if ((s.disposition !== 'retire' && s.disposition !== 'replace') || s.class === undefined) return undefined;
  const out: RetiredOrReplacedDoc = { system: s.id, name: s.name, class: s.class, location: locationDoc(s.location) };
  if (s.disposition === 'replace') {
    if (s.replacement?.platform !== undefined) out.platform = s.replacement.platform;
    if (s.replacement?.deadline !== undefined) out.deadline = s.replacement.deadline;
  }
  return out;
}

const byId = <T extends { system: string }>(a: T, b: T): number => (a.system < b.system ? -1 : a.system > b.system ? 1 : 0);

export interface ReportInput {
  tool: { name: string; version: string };
  environment: string;
  failOn: Severity;
  view: MigrationView;
  findings: readonly Finding[];
  blocking: number;
}

export function migrationReport(input: ReportInput): MigrationReport {
  const { view } = input;
  const waves = view.waves.map(
    (w): WaveDoc => ({
      id: w.id,
      name: w.name,
      kind: w.kind,
      ...(w.start !== undefined ? { start: w.start } : {}),
      deadline: w.deadline,
      planDeadline: w.planDeadline,
      ...(w.dueBy !== undefined ? { dueBy: w.dueBy } : {}),
      overdue: w.overdue,
      moves: w.moves.map(moveDoc),
      capacity: w.capacity.map(capacityDoc),
    }),
  );
  const late: LateDoc[] = view.waves.filter((w) => w.overdue).map((w) => ({ wave: w.id, deadline: w.deadline, systems: w.moves.filter((m) => m.late).map((m) => m.system) }));
  const left = view.systems.map(leftDoc).filter((x): x is LeftDoc => x !== undefined).sort(byId);
  const retiredOrReplaced = view.systems.map(retiredOrReplacedDoc).filter((x): x is RetiredOrReplacedDoc => x !== undefined).sort(byId);
  const counts: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  let suppressed = 0;
  for (const f of input.findings) {
    if (f.suppressed) suppressed++;
    else counts[f.severity]++;
  }
  const moves = view.waves.flatMap((w) => w.moves);
  return {
    tool: { name: input.tool.name, version: input.tool.version },
    environment: input.environment,
    asOf: view.asOf,
    failOn: input.failOn,
    headroom: view.headroom,
    summary: {
      waves: view.waves.length,
      moves: moves.length,
      done: moves.filter((m) => m.done).length,
      late: moves.filter((m) => m.late).length,
      left: left.length,
      retiredOrReplaced: retiredOrReplaced.length,
      findings: counts,
      suppressed,
      blocking: input.blocking,
      pass: input.blocking === 0,
    },
    baseline: view.baseline.map(capacityDoc),
    waves,
    late,
    left,
    retiredOrReplaced,
    findings: input.findings.map(findingJson),
  };
}
