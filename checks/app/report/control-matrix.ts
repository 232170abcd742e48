/**
 * The control matrix (单项测评 shape): for every system and every 等保 control that a rule of this
 * run gives evidence for at the system's level, a verdict — 符合 / 部分符合 / 不符合 / 不适用 — with
 * the rules and the resources or model entries that are the evidence. Pure: same input, same rows.
 *
 * Verdicts (docs/report.md says the same to the assessor). Per covering rule, its outcome for the
 * system: `fail` (an open finding on the system; a baselined finding is still open non-compliance),
 * `excepted` (only suppressed findings: an approved, dated exception), `pass` (the engine recorded
 * that the rule judged the system's resources or entries and found nothing), `not-judged` (recorded:
 * it judged nothing of the system), `unrecorded` (no finding, and the engine did not record what it
 * judged per system; a rule that judged nothing in the whole run is `not-judged`). Rules that did not
 * run (deselected, or no input for them) are left out. Then:
 *   不符合 non-compliant  — some rule failed and none passed;
 *   部分符合 partial       — some rule failed and another passed; or no open finding but an approved exception;
 *   符合 compliant         — some rule passed, none failed or is excepted;
 *   未判定 not determined  — the rules ran, found nothing, but per-system coverage is not recorded:
 *                           left to the assessor, never claimed as 符合;
 *   不适用 not applicable  — no covering rule judged anything of the system.
 * Controls that no rule covers are not listed: they are for the assessor's manual test (人工测评).
 */
import { compareCodePoints } from '../../core/order';
import { printable } from '../../core/printable';
import type { Environment, MlpsLevel } from '../../core/types';
import type { MlpsControl } from '../../engine/controls';
import type { CheckResult, EvaluatedBySystem, Finding, Rule } from '../../engine/types';
import { levelOf } from '../../plan/placement';
import { appendTo, whereOf } from './labels';

export type RuleOutcome = 'fail' | 'excepted' | 'pass' | 'not-judged' | 'unrecorded';
export type ControlVerdict = 'non-compliant' | 'partial' | 'compliant' | 'not-determined' | 'not-applicable';

/** Worst first: the order of the matrix's summary columns. */
export const CONTROL_VERDICTS: readonly ControlVerdict[] = ['non-compliant', 'partial', 'compliant', 'not-determined', 'not-applicable'];

export const VERDICT_LABEL: Record<ControlVerdict, { zh: string; en: string }> = {
  'non-compliant': { zh: '不符合', en: 'non-compliant' },
  partial: { zh: '部分符合', en: 'partially compliant' },
  compliant: { zh: '符合', en: 'compliant' },
  'not-determined': { zh: '未判定', en: 'not determined' },
  'not-applicable': { zh: '不适用', en: 'not applicable' },
};

export type { EvaluatedBySystem };

/** A control as the matrix shows it; `fromClause`: the rule has no per-level controls, its clause stands in. */
export interface MatrixControl extends MlpsControl {
  readonly fromClause: boolean;
}

export interface RuleEvidence {
  readonly ruleId: string;
  readonly outcome: RuleOutcome;
  /** Where: the findings' locations (fail, excepted) or what the rule judged (pass). */
  readonly evidence: readonly string[];
}

export interface MatrixRow {
  readonly system: string;
  readonly level: MlpsLevel;
  readonly control: MatrixControl;
  readonly verdict: ControlVerdict;
  readonly rules: readonly RuleEvidence[];
}

export interface ControlMatrix {
  readonly environment: string;
  readonly asOf: string;
  /** Whether the engine recorded per-system coverage for any rule (else 符合 cannot be shown). */
  readonly coverageRecorded: boolean;
  /** Systems in inventory order, each with its rows in control order. */
  readonly systems: readonly { readonly id: string; readonly name?: string; readonly level: MlpsLevel; readonly rows: readonly MatrixRow[] }[];
}

const MLPS_STANDARD = /22239/;

/** Rules that give 等保 evidence: per-level controls, or (until they have them) a GB/T 22239 clause. */
export function isMlpsEvidence(rule: Rule): boolean {
  return rule.controls !== undefined || MLPS_STANDARD.test(rule.clause);
}

/** The controls a rule gives evidence for at `level`; a rule without `controls` stands for its clause, marked. */
export function controlsAt(rule: Rule, level: MlpsLevel): readonly MatrixControl[] {
  if (!rule.levels.includes(level)) return [];
  if (rule.controls === undefined) return [{ clause: rule.clause, name: rule.title, testItems: [], verified: false, fromClause: true }];
  return (rule.controls[level] ?? []).map((c) => ({ ...c, fromClause: false }));
}

export function controlKey(c: Pick<MlpsControl, 'clause' | 'item'>): string {
  return c.item === undefined ? c.clause : `${c.clause} ${c.item})`;
}

/** Clause numbers in numeric order (8.1.4.10 after 8.1.4.9), then the item letter. */
export function compareControls(a: Pick<MlpsControl, 'clause' | 'item'>, b: Pick<MlpsControl, 'clause' | 'item'>): number {
  const x = a.clause.split(/[.\s]/);
  const y = b.clause.split(/[.\s]/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const nx = Number(x[i]);
    const ny = Number(y[i]);
    const d = Number.isInteger(nx) && Number.isInteger(ny) ? nx - ny : compareCodePoints(x[i], y[i]);
    if (d !== 0) return d;
  }
  return x.length - y.length || compareCodePoints(a.item ?? '', b.item ?? '');
}

function outcomeOf(rule: Rule, system: string, findings: readonly Finding[], result: CheckResult, recorded: EvaluatedBySystem | undefined): RuleEvidence {
  const open = findings.filter((f) => !f.suppressed);
  if (open.length > 0) return { ruleId: rule.id, outcome: 'fail', evidence: open.map(whereOf) };
  if (findings.length > 0) return { ruleId: rule.id, outcome: 'excepted', evidence: findings.map(whereOf) };
  // A rule that judged nothing in the whole run judged nothing of this system either.
  if (result.evaluated[rule.id] === 0) return { ruleId: rule.id, outcome: 'not-judged', evidence: [] };
  const perSystem = recorded !== undefined && Object.hasOwn(recorded, rule.id) ? recorded[rule.id] : undefined;
  if (perSystem === undefined) return { ruleId: rule.id, outcome: 'unrecorded', evidence: [] };
  const judged = Object.hasOwn(perSystem, system) ? perSystem[system] : [];
  return { ruleId: rule.id, outcome: judged.length > 0 ? 'pass' : 'not-judged', evidence: judged };
}

/** The verdict of one control from its rules' outcomes (the definitions above). */
export function verdictOf(outcomes: readonly RuleOutcome[]): ControlVerdict {
  const has = (o: RuleOutcome): boolean => outcomes.includes(o);
  if (has('fail')) return has('pass') ? 'partial' : 'non-compliant';
  if (has('excepted')) return 'partial';
  if (has('pass')) return 'compliant';
  if (has('unrecorded')) return 'not-determined';
  return 'not-applicable';
}

export function buildControlMatrix(result: CheckResult, env: Environment, recorded?: EvaluatedBySystem): ControlMatrix {
  const ran = result.rules.filter((r) => result.evaluated[r.id] !== undefined && isMlpsEvidence(r));
  const bySystemRule = new Map<string, Finding[]>();
  for (const f of result.findings) if (f.system !== undefined) appendTo(bySystemRule, `${f.ruleId}\u0000${f.system}`, f);
  const systems = env.inventory.systems.map((s) => {
    const level = levelOf(env, s);
    const byControl = new Map<string, { control: MatrixControl; rules: RuleEvidence[] }>();
    for (const rule of ran) {
      for (const control of controlsAt(rule, level)) {
        const key = controlKey(control);
        const entry = byControl.get(key) ?? { control, rules: [] };
        byControl.set(key, entry);
        entry.rules.push(outcomeOf(rule, s.id, bySystemRule.get(`${rule.id}\u0000${s.id}`) ?? [], result, recorded));
      }
    }
    const rows = [...byControl.values()]
      .sort((a, b) => compareControls(a.control, b.control))
      .map(({ control, rules }): MatrixRow => ({ system: s.id, level, control, rules, verdict: verdictOf(rules.map((r) => r.outcome)) }));
    return { id: s.id, ...(s.name !== undefined ? { name: s.name } : {}), level, rows };
  });
  return { environment: result.environment, asOf: result.asOf, coverageRecorded: recorded !== undefined && Object.keys(recorded).length > 0, systems };
}

/** How many rows of each verdict: the one-line summary per system and per control. */
export function countVerdicts(rows: readonly Pick<MatrixRow, 'verdict'>[]): Record<ControlVerdict, number> {
  const counts = Object.fromEntries(CONTROL_VERDICTS.map((v) => [v, 0])) as Record<ControlVerdict, number>;
  for (const r of rows) counts[r.verdict]++;
  return counts;
}

const OUTCOME_ZH: Record<RuleOutcome, string> = { fail: '不符合', excepted: '已豁免', pass: '符合', 'not-judged': '未涉及', unrecorded: '未记录' };

/** `MLPS-008 不符合 fail`: a rule and its outcome for one system. */
export function outcomeLabel(r: Pick<RuleEvidence, 'ruleId' | 'outcome'>): string {
  return `${r.ruleId} ${OUTCOME_ZH[r.outcome]} ${r.outcome}`;
}

/** The header of the flat table (CSV, XLSX): Chinese and English in each column name. */
export const MATRIX_COLUMNS: readonly string[] = [
  '系统 System',
  '系统名称 Name',
  '级别 Level',
  '控制点 Clause',
  '控制点名称 Control',
  'Control (en)',
  '测评单元 Test items',
  '来源 Source',
  '结论 Verdict',
  'Verdict (en)',
  '规则 Rules',
  '证据 Evidence',
];

/** The matrix as rows of strings, one per system and control: what the assessor's workbook holds. */
export function matrixTable(matrix: ControlMatrix): string[][] {
  const rows: string[][] = [];
  for (const s of matrix.systems) {
    for (const r of s.rows) {
      const c = r.control;
      // Control, bidi and zero-width characters from an input shown as \uXXXX; evidence one per line.
      const evidence = r.rules.flatMap((x) => x.evidence.map((e) => printable(`${x.ruleId}: ${e}`))).join('\n');
      const cells = [
        s.id,
        s.name ?? '',
        String(s.level),
        controlKey(c),
        c.name.zh,
        c.name.en,
        c.testItems.join(' '),
        c.fromClause ? '规则条款 rule clause (no per-level control yet)' : c.verified ? '已核对 verified' : '未核对 unverified',
        VERDICT_LABEL[r.verdict].zh,
        VERDICT_LABEL[r.verdict].en,
        r.rules.map(outcomeLabel).join('; '),
      ].map(printable);
      rows.push([...cells, evidence]);
    }
  }
  return rows;
}
