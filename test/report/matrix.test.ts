/**
 * The control matrix (单项测评): verdicts from the rules' outcomes per system, level-true controls,
 * the honest fallbacks (no per-level controls: the clause stands in; no per-system coverage: 未判定,
 * never 符合), and its CSV / XLSX exports.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildControlMatrix, matrixTable, MATRIX_COLUMNS, verdictOf, type EvaluatedBySystem, type MatrixRow } from '../../checks/app/report/control-matrix';
import { renderMatrixCsv } from '../../checks/app/report/matrix-csv';
import { parseCsv } from '../../checks/app/sheets';
import { renderMatrixXlsx } from '../../checks/app/report/matrix-xlsx';
import type { MlpsControl } from '../../checks/engine/controls';
import { runChecks } from '../../checks/engine/run';
import type { Rule } from '../../checks/engine/types';
import { loadPatchedMiniEnv } from '../helpers/mini-env';
import { fakeRule, labelled, resources } from '../engine/helpers';

const control = (clause: string, item: string, zh: string): MlpsControl => ({ clause, item, name: { zh, en: `en ${zh}` }, testItems: [`T-${clause}`], verified: true });
const IDENT_3 = control('8.1.4.1', 'a', '身份鉴别');
const IDENT_2 = control('7.1.4.1', 'a', '身份鉴别');
const AUDIT_3 = control('8.1.4.3', 'a', '安全审计');

/** A rule finding each deployment of `systems`, with per-level controls. */
function ruleOn(id: string, systems: readonly string[], controls: Rule['controls']): Rule {
  const base = fakeRule(id, (ctx) =>
    ctx.resources
      .byKind('deployment')
      .filter((r) => r.system !== undefined && systems.includes(r.system))
      .map((r) => ({ resource: r, message: { zh: `问题 ${r.name}`, en: `problem in ${r.name}` } })),
  );
  return { ...base, levels: [2, 3, 4], controls, evaluate: (ctx) => ({ findings: base.check(ctx), evaluated: 1 }) };
}

const env = loadPatchedMiniEnv([
  { op: 'add', doc: 'policy', path: '/suppressions', value: [{ rule: 'K8S-903', target: { system: 'police-case-records' }, reason: '过渡期', approvedBy: '兵团网信办', expires: '2018-12-31' }] },
]);
const rs = resources('corps-primary', {
  kubernetes_deployment_v1: { ins: labelled('hrss-social-insurance'), pol: labelled('police-case-records'), trn: labelled('hrss-training-records') },
});
const rules: Rule[] = [
  ruleOn('K8S-901', ['hrss-social-insurance', 'hrss-training-records'], { 2: [IDENT_2], 3: [IDENT_3], 4: [IDENT_3] }),
  ruleOn('K8S-902', [], { 3: [IDENT_3], 4: [IDENT_3] }),
  ruleOn('K8S-903', ['police-case-records'], { 3: [AUDIT_3], 4: [AUDIT_3] }),
  // No per-level controls yet: its GB/T 22239 clause stands in, marked.
  { ...fakeRule('MLPS-904', () => []), levels: [3, 4], clause: 'GB/T 22239-2019 8.1.3.5', evaluate: () => ({ findings: [], evaluated: 2 }) },
  // Ran and judged nothing at all: 不适用 everywhere, even without per-system coverage.
  { ...fakeRule('MLPS-906', () => []), levels: [3, 4], controls: { 3: [control('8.1.4.5', 'a', '入侵防范')] }, evaluate: () => ({ findings: [], evaluated: 0 }) },
  // A plan rule: not an 等保 control, not in the matrix.
  { ...fakeRule('TOPO-905', () => []), clause: '新兵办发〔2017〕187号 §二(一)' },
];
const result = runChecks({ env, resources: rs, hasConfiguration: true, rules, asOf: '2018-07-01' });
const coverage: EvaluatedBySystem = {
  'K8S-901': { 'hrss-social-insurance': ['corps-primary/kubernetes_deployment_v1.ins'], 'police-case-records': ['corps-primary/kubernetes_deployment_v1.pol'] },
  'K8S-902': { 'hrss-social-insurance': ['corps-primary/kubernetes_deployment_v1.ins'], 'police-case-records': ['corps-primary/kubernetes_deployment_v1.pol'] },
  'K8S-903': { 'police-case-records': ['corps-primary/kubernetes_deployment_v1.pol'] },
};

function row(matrix: ReturnType<typeof buildControlMatrix>, system: string, clause: string): MatrixRow | undefined {
  return matrix.systems.find((s) => s.id === system)?.rows.find((r) => r.control.clause === clause);
}

describe('verdicts (documented in docs/report.md)', () => {
  it.each([
    [['fail'], 'non-compliant'],
    [['fail', 'unrecorded'], 'non-compliant'],
    [['fail', 'excepted'], 'non-compliant'],
    [['fail', 'pass'], 'partial'],
    [['excepted'], 'partial'],
    [['excepted', 'pass'], 'partial'],
    [['pass'], 'compliant'],
    [['pass', 'not-judged'], 'compliant'],
    [['unrecorded'], 'not-determined'],
    [['unrecorded', 'not-judged'], 'not-determined'],
    [['not-judged'], 'not-applicable'],
    [[], 'not-applicable'],
  ] as const)('%j → %s', (outcomes, verdict) => {
    expect(verdictOf(outcomes)).toBe(verdict);
  });
});

describe('buildControlMatrix', () => {
  const matrix = buildControlMatrix(result, env, coverage);

  it('lists every system of the inventory, each at its level', () => {
    expect(matrix.systems.map((s) => s.id)).toEqual(env.inventory.systems.map((s) => s.id));
    expect(matrix.systems.find((s) => s.id === 'police-case-records')?.level).toBe(4);
    expect(matrix.coverageRecorded).toBe(true);
  });

  it('cites the control of the system level: chapter 7 for level 2, chapter 8 for level 3', () => {
    expect(row(matrix, 'hrss-training-records', '7.1.4.1')?.verdict).toBe('non-compliant');
    expect(row(matrix, 'hrss-training-records', '8.1.4.1')).toBeUndefined();
    expect(row(matrix, 'hrss-social-insurance', '7.1.4.1')).toBeUndefined();
  });

  it('a rule failing and another passing the same control is 部分符合, with both as evidence', () => {
    const r = row(matrix, 'hrss-social-insurance', '8.1.4.1')!;
    expect(r.verdict).toBe('partial');
    expect(r.rules.map((x) => `${x.ruleId} ${x.outcome}`)).toEqual(['K8S-901 fail', 'K8S-902 pass']);
    expect(r.rules[0].evidence.join(' ')).toContain('corps-primary/kubernetes_deployment_v1.ins');
    expect(r.rules[1].evidence).toEqual(['corps-primary/kubernetes_deployment_v1.ins']);
  });

  it('recorded coverage and no finding is 符合; only a suppressed finding is 部分符合', () => {
    expect(row(matrix, 'police-case-records', '8.1.4.1')?.verdict).toBe('compliant');
    const audit = row(matrix, 'police-case-records', '8.1.4.3')!;
    expect(audit.verdict).toBe('partial');
    expect(audit.rules[0].outcome).toBe('excepted');
  });

  it('a rule that judged nothing of the system makes its control 不适用 there', () => {
    expect(row(matrix, 'hrss-social-insurance', '8.1.4.3')?.verdict).toBe('not-applicable');
    // Judged nothing in the whole run: not applicable without per-system coverage too.
    expect(row(buildControlMatrix(result, env), 'hrss-social-insurance', '8.1.4.5')?.rules[0].outcome).toBe('not-judged');
  });

  it('without per-level controls the rule clause stands in, marked; plan rules are not controls', () => {
    const r = row(matrix, 'hrss-social-insurance', 'GB/T 22239-2019 8.1.3.5')!;
    expect(r.control.fromClause).toBe(true);
    expect(r.control.verified).toBe(false);
    expect(r.verdict).toBe('not-determined'); // its coverage is not recorded
    const all = matrix.systems.flatMap((s) => s.rows.flatMap((x) => x.rules.map((y) => y.ruleId)));
    expect(all).not.toContain('TOPO-905');
  });

  it('without recorded coverage nothing is called 符合', () => {
    const bare = buildControlMatrix(result, env);
    expect(bare.coverageRecorded).toBe(false);
    const verdicts = bare.systems.flatMap((s) => s.rows.map((r) => r.verdict));
    expect(verdicts).not.toContain('compliant');
    expect(verdicts).toContain('not-determined');
    expect(row(bare, 'hrss-social-insurance', '8.1.4.1')?.verdict).toBe('non-compliant');
  });

  it('orders clauses numerically (8.1.4.10 after 8.1.4.9)', () => {
    const r = (clause: string): Rule => ({ ...fakeRule(`MLPS-9${clause.length}${clause.slice(-1)}`, () => []), levels: [3], controls: { 3: [control(clause, 'a', clause)] }, evaluate: () => ({ findings: [], evaluated: 1 }) });
    const m = buildControlMatrix(runChecks({ env, resources: [], hasConfiguration: true, rules: [r('8.1.4.10'), r('8.1.4.9')], asOf: '2018-07-01' }), env);
    expect(m.systems.find((s) => s.level === 3)!.rows.map((x) => x.control.clause)).toEqual(['8.1.4.9', '8.1.4.10']);
  });
});

describe('CSV export', () => {
  it('escapes through the one CSV writer: a hostile system name is quoted and cannot become a formula', () => {
    const matrix = buildControlMatrix(result, env, coverage);
    const hostile = { ...matrix, systems: matrix.systems.map((s, i) => (i === 0 ? { ...s, name: '=HYPERLINK("x"),a' } : s)) };
    const csv = renderMatrixCsv(hostile);
    expect(csv).toContain('"\'=HYPERLINK(""x""),a"');
    expect(parseCsv(csv).records[1].fields).toContain('=HYPERLINK("x"),a');
  });

  it('is UTF-8 with a BOM and CRLF lines, one per system and control after the header', () => {
    const matrix = buildControlMatrix(result, env, coverage);
    const csv = renderMatrixCsv(matrix);
    expect(csv.startsWith('\ufeff系统 System,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = matrix.systems.reduce((n, s) => n + s.rows.length, 0);
    expect(csv.slice(1).match(/\r\n/g)!.length).toBe(rows + 1);
    // Line breaks inside a field (the evidence) are bare \n, quoted; records end in \r\n.
    expect(csv.slice(1).split('\r\n')[0]).toBe(MATRIX_COLUMNS.join(','));
    expect(csv).toContain('hrss-social-insurance,');
    expect(csv).toContain('部分符合,partially compliant,K8S-901 不符合 fail; K8S-902 符合 pass');
    expect(renderMatrixCsv(buildControlMatrix(result, env, coverage))).toBe(csv);
  });

  it('shows control characters from an input escaped', () => {
    const hostile = loadPatchedMiniEnv([{ op: 'replace', doc: 'inventory', path: '/systems/0/name', value: '社保\u001b[31m\u202e系统' }]);
    const csv = renderMatrixCsv(buildControlMatrix(runChecks({ env: hostile, resources: rs, hasConfiguration: true, rules, asOf: '2018-07-01' }), hostile));
    expect(csv).not.toMatch(/[\u001b\u202e]/);
    expect(csv).toContain('\\u001b');
  });
});

describe('XLSX export', () => {
  it('holds the same cells as the table, header frozen, plus a summary per system', async () => {
    const matrix = buildControlMatrix(result, env, coverage);
    const book = new ExcelJS.Workbook();
    // exceljs types its own Buffer (an ArrayBuffer); Node's Buffer is what it reads.
    await book.xlsx.load((await renderMatrixXlsx(matrix)) as unknown as Parameters<typeof book.xlsx.load>[0]);
    expect(book.worksheets.map((w) => w.name)).toEqual(['控制矩阵 Matrix', '汇总 Summary']);
    const sheet = book.getWorksheet('控制矩阵 Matrix')!;
    const values: string[][] = [];
    sheet.eachRow((r) => values.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const expected = [[...MATRIX_COLUMNS], ...matrixTable(matrix)].map((r) => r.map((v) => v));
    expect(values).toEqual(expected);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const summary = book.getWorksheet('汇总 Summary')!;
    expect(summary.rowCount).toBe(1 + matrix.systems.length);
    const police = summary.getRow(2 + matrix.systems.findIndex((s) => s.id === 'police-case-records'));
    // 不符合, 部分符合, 符合, 未判定, 不适用
    expect((police.values as unknown[]).slice(1)).toEqual(['police-case-records', env.inventory.systems.find((s) => s.id === 'police-case-records')!.name, 4, 0, 1, 1, 1, 0]); // MLPS-906 has no level-4 control
  });
});
