/**
 * 1. Verdict and scope: what was checked, as of when, with what — the environment, its centers and
 * systems, the resources and rules, the input files with their SHA-256, the tool version and git
 * commit — and a signature block for the assessor (测评师).
 */
import { blockingFindings } from '../../../engine/run';
import { SEVERITIES, type CheckResult } from '../../../engine/types';
import { levelOf } from '../../../plan/placement';
import { severityLabel, verdict } from '../labels';
import { bi, h, table, type Section } from './elements';
import { CLASS_LABEL, ROLE_LABEL, UNCLASSIFIED } from './model-labels';
import type { ReportContext } from './context';

function counted<K extends string | number>(keys: readonly K[], label: (k: K) => string, count: (k: K) => number): string {
  return keys
    .filter((k) => count(k) > 0)
    .map((k) => `${label(k)}: ${count(k)}`)
    .join(' · ');
}

function modelRows(ctx: ReportContext): string[] {
  const { env } = ctx;
  const centers = env.topology.centers;
  const systems = env.inventory.systems;
  const levels = [1, 2, 3, 4] as const;
  const classes = ['keep', 'replace', 'retire'] as const;
  const roles = ['corps-primary', 'corps-dr', 'division'] as const;
  return [
    `<tr><th>环境 Environment</th><td><code>${h(env.name)}</code> — ${h(env.topology.name)}</td></tr>`,
    `<tr><th>中心 Centers</th><td>${centers.length} — ${counted(roles, (r) => bi(ROLE_LABEL[r].zh, ROLE_LABEL[r].en), (r) => centers.filter((c) => c.role === r).length)}</td></tr>`,
    `<tr><th>系统 Systems</th><td>${systems.length} — ${counted(levels, (l) => `${l} 级 level ${l}`, (l) => systems.filter((s) => levelOf(env, s) === l).length)}<br>${counted(
      [...classes, 'none'] as const,
      (k) => (k === 'none' ? bi(UNCLASSIFIED.zh, UNCLASSIFIED.en) : bi(CLASS_LABEL[k].zh, CLASS_LABEL[k].en)),
      (k) => systems.filter((s) => (s.class ?? 'none') === k).length,
    )}</td></tr>`,
  ];
}

function runRows(result: CheckResult, ctx: ReportContext | undefined): string[] {
  const s = result.summary;
  const open = SEVERITIES.filter((k) => s[k] > 0).map((k) => `<span class="sev ${k}">${h(severityLabel(k))}</span> ${s[k]}`);
  return [
    `<tr><th>检查日期 As of</th><td>${h(result.asOf)}</td></tr>`,
    ...(ctx ? [`<tr><th>检查对象 Configuration</th><td>${h(ctx.configuration)}</td></tr>`] : []),
    `<tr><th>资源 Resources</th><td>${s.resources}</td></tr>`,
    `<tr><th>规则 Rules evaluated</th><td>${s.rulesEvaluated} · 阻断级别 fail-on ${h(result.failOn)}</td></tr>`,
    `<tr><th>待整改 Open findings</th><td>${open.length > 0 ? open.join(' · ') : '0'}${s.suppressed > 0 ? ` · 已豁免 suppressed ${s.suppressed}` : ''}</td></tr>`,
    `<tr><th>工具 Tool</th><td>btyun ${h(result.tool.version)}${ctx?.commit !== undefined ? ` · git <code>${h(ctx.commit)}</code>` : ''}${ctx?.commitDirty ? ' <span class="warn">（环境目录有未提交的修改 the environment folder has uncommitted changes）</span>' : ''}</td></tr>`,
    `<tr><th>依据 Basis</th><td>新兵办发〔2017〕187号 · GB/T 22239-2019 · GB/T 28448-2019</td></tr>`,
  ];
}

const SIGNATURE = `<h3>测评确认 Assessor's confirmation</h3>
<div class="sign"><div>测评机构 Assessment body</div><div>测评师 Assessor</div><div>日期 Date</div><div>签字（盖章） Signature (seal)</div></div>`;

export function scopeSection(result: CheckResult, ctx: ReportContext | undefined): Section {
  const blocking = blockingFindings(result).length;
  const rows = [...(ctx ? modelRows(ctx) : []), ...runRows(result, ctx)];
  const inputs = ctx
    ? `<h3>输入文件 Input files</h3>${table(
        ['文件 File', 'SHA-256'],
        ctx.inputs.map((f) => `<tr><td><code>${h(f.file)}</code></td><td><code>${h(f.sha256)}</code></td></tr>`),
        'inputs',
      )}${ctx.inputsOmitted ? `<p class="legend">另有 ${ctx.inputsOmitted} 个文件未列出 and ${ctx.inputsOmitted} more files not listed</p>` : ''}`
    : '';
  return {
    id: 'scope',
    title: '结论与范围 Verdict and scope',
    body: `<p class="verdict ${blocking > 0 ? 'fail' : 'pass'}">${h(verdict(result, blocking))}</p>
<div class="scroll"><table class="kv"><tbody>${rows.join('\n')}</tbody></table></div>
${inputs}
${SIGNATURE}`,
  };
}
