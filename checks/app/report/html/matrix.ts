/**
 * 8. The control matrix (单项测评): per control, how many systems are 符合 / 部分符合 / 不符合 /
 * 未判定 / 不适用 and which systems are not compliant; per system, every control with its verdict,
 * the rules and the evidence (collapsed: no script needed to open it). The verdict definitions are
 * printed with it (checks/app/report/control-matrix.ts, docs/report.md).
 */
import { compareControls, CONTROL_VERDICTS, controlKey, countVerdicts, outcomeLabel, VERDICT_LABEL, type ControlMatrix, type ControlVerdict, type MatrixControl, type MatrixRow } from '../control-matrix';
import { anchor, h, table, type Section } from './elements';

const MARK: Record<ControlVerdict, string> = { 'non-compliant': '✗', partial: '◐', compliant: '✓', 'not-determined': '?', 'not-applicable': '–' };
const CLASS: Record<ControlVerdict, string> = { 'non-compliant': 'bad', partial: 'warn', compliant: 'muted', 'not-determined': 'muted', 'not-applicable': 'muted' };

/** `✗ 2 · ◐ 1 · ✓ 14`: the non-zero verdict counts, worst first. */
export function verdictCounts(counts: Record<ControlVerdict, number>): string {
  const parts = CONTROL_VERDICTS.filter((v) => counts[v] > 0).map((v) => `<span class="${CLASS[v]}" title="${h(`${VERDICT_LABEL[v].zh} ${VERDICT_LABEL[v].en}`)}">${MARK[v]} ${counts[v]}</span>`);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

const verdictCell = (v: ControlVerdict): string => `<span class="${CLASS[v]}">${MARK[v]} ${h(VERDICT_LABEL[v].zh)} <span class="en">${h(VERDICT_LABEL[v].en)}</span></span>`;

function controlName(c: MatrixControl): string {
  const source = c.fromClause ? ' <span class="warn" title="rule has no per-level control yet">（规则条款 rule clause）</span>' : c.verified ? '' : ' <span class="en">(unverified)</span>';
  return `${h(c.name.zh)} <span class="en">${h(c.name.en)}</span>${source}`;
}

const LEGEND = `<ul class="legend">
<li>${verdictCell('non-compliant')}：覆盖该控制点的规则在该系统上有待整改问题，且没有规则判定其符合。 a covering rule has an open finding on the system and none judged it compliant.</li>
<li>${verdictCell('partial')}：有规则不符合而另有规则符合；或仅有经批准的豁免。 some covering rule fails and another passes; or only approved exceptions.</li>
<li>${verdictCell('compliant')}：覆盖规则检查了该系统的资源或条目且均无问题。 covering rules judged the system's resources or entries and found nothing.</li>
<li>${verdictCell('not-determined')}：规则已运行且无问题，但规则未记录逐系统的检查对象（如按中心判定的规则），留待测评师判定。 the rules ran and found nothing, but they do not record which systems they judged (e.g. rules judging centers): left to the assessor.</li>
<li>${verdictCell('not-applicable')}：覆盖规则未检查该系统的任何内容。 no covering rule judged anything of the system.</li>
<li>只列出有自动化规则覆盖的控制点；其余控制点须人工测评。 Only controls a rule covers are listed; the others are for manual assessment.</li>
</ul>`;

interface ControlSummary {
  control: MatrixControl;
  levels: Set<number>;
  rules: Set<string>;
  rows: MatrixRow[];
}

function byControl(matrix: ControlMatrix): ControlSummary[] {
  const out = new Map<string, ControlSummary>();
  for (const s of matrix.systems) {
    for (const r of s.rows) {
      const key = controlKey(r.control);
      const c = out.get(key) ?? { control: r.control, levels: new Set<number>(), rules: new Set<string>(), rows: [] };
      out.set(key, c);
      c.levels.add(s.level);
      for (const x of r.rules) c.rules.add(x.ruleId);
      c.rows.push(r);
    }
  }
  return [...out.values()].sort((a, b) => compareControls(a.control, b.control));
}

function summaryTable(matrix: ControlMatrix): string {
  const rows = byControl(matrix).map((c) => {
    const counts = countVerdicts(c.rows);
    const failing = c.rows.filter((r) => r.verdict === 'non-compliant' || r.verdict === 'partial');
    const systems = failing.map((r) => `<a href="#${anchor('m', r.system)}">${h(r.system)}</a>`).join(' ');
    return `<tr class="${failing.length > 0 ? 'open' : 'muted'}"><td><code>${h(controlKey(c.control))}</code></td><td>${controlName(c.control)}</td><td class="num">${[...c.levels].sort((a, b) => a - b).join(', ')}</td><td><code>${h([...c.rules].join(' '))}</code></td>${CONTROL_VERDICTS.map((v) => `<td class="num">${counts[v] > 0 ? counts[v] : ''}</td>`).join('')}<td>${systems || '—'}</td></tr>`;
  });
  return table(['控制点 Clause', '名称 Control', '级别 Level', '规则 Rules', ...CONTROL_VERDICTS.map((v) => `<span class="nowrap">${MARK[v]} ${h(VERDICT_LABEL[v].zh)}</span>`), '未符合的系统 Systems not compliant'], rows, 'matrix');
}

function systemDetails(matrix: ControlMatrix): string {
  return matrix.systems
    .map((s) => {
      const rows = s.rows.map((r) => {
        const evidence = r.rules.flatMap((x) => x.evidence.map((e) => `<code>${h(x.ruleId)}: ${h(e)}</code>`)).join('<br>');
        return `<tr class="${r.verdict === 'non-compliant' || r.verdict === 'partial' ? 'open' : 'muted'}"><td><code>${h(controlKey(r.control))}</code></td><td>${controlName(r.control)}</td><td>${verdictCell(r.verdict)}</td><td>${h(r.rules.map(outcomeLabel).join('; '))}</td><td>${evidence || '—'}</td></tr>`;
      });
      const body = rows.length > 0 ? table(['控制点 Clause', '名称 Control', '结论 Verdict', '规则 Rules', '证据 Evidence'], rows) : '<p>无适用的自动化控制点。 No automated control applies.</p>';
      return `<details id="${anchor('m', s.id)}"><summary>${h(s.name ?? s.id)} <code class="en">${h(s.id)}</code> · ${s.level} 级 · ${verdictCounts(countVerdicts(s.rows))}</summary>${body}</details>`;
    })
    .join('\n');
}

export function matrixSection(matrix: ControlMatrix): Section {
  const coverage = matrix.coverageRecorded
    ? ''
    : '<p class="warn">引擎尚未记录各规则逐系统检查了哪些资源：无问题的控制点显示为“未判定”，而不是“符合”。 The engine does not yet record which systems each rule judged: controls without findings show as not determined, never as compliant.</p>';
  return {
    id: 'matrix',
    title: '控制矩阵 Control matrix (单项测评)',
    body: `${LEGEND}${coverage}
<h3>按控制点 By control</h3>
${summaryTable(matrix)}
<h3>按系统 By system</h3>
<p class="legend">展开查看每个系统的全部控制点、规则与证据；完整矩阵另见 <code>btyun report --format xlsx</code> / <code>csv</code>（打印版不含此部分，见系统表“控制点”列）。 Open a system for every control, rule and piece of evidence; the whole matrix is also exported by <code>--format xlsx|csv</code> (not printed: the systems table's Controls column sums it up).</p>
<div class="noprint">${systemDetails(matrix)}</div>`,
  };
}
