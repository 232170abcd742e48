/**
 * The reviewers' and assessors' report (`btyun report`): one self-contained HTML file — inline CSS
 * and SVG, no script, no external asset, no network — in this order: verdict and scope, topology,
 * findings worst first, capacity per center after each wave, (the scorecard), the migration
 * timeline, the systems, the control matrix, the result per rule. Every piece of content is
 * escaped. Given the check result alone (no ReportContext), it shows the sections the result holds.
 */
import type { CheckResult } from '../../engine/types';
import { capacitySection } from './html/capacity';
import type { ReportContext } from './html/context';
import { h, renderSection, type Section } from './html/elements';
import { findingsSection } from './html/findings';
import { matrixSection } from './html/matrix';
import { rulesSection } from './html/rules';
import { scopeSection } from './html/scope';
import { stylesheet } from './html/styles';
import { systemAnchor, systemsSection } from './html/systems';
import { timelineSection } from './html/timeline';
import { topologySection } from './html/topology-svg';

export type { ReportContext } from './html/context';

function sections(result: CheckResult, ctx: ReportContext | undefined): Section[] {
  const filed = new Set(ctx?.env.inventory.systems.map((s) => s.id) ?? []);
  // A finding's system links to its row when the report has one (a system named only by a finding has none).
  const systemLink = (id: string): string => (filed.has(id) ? `<a href="#${systemAnchor(id)}"><code>${h(id)}</code></a>` : `<code>${h(id)}</code>`);
  const out: Section[] = [scopeSection(result, ctx)];
  if (ctx) out.push(topologySection(ctx.env, result.findings));
  out.push(findingsSection(result, systemLink));
  if (ctx) {
    out.push(capacitySection(ctx.migration));
    if (ctx.scorecard) out.push(ctx.scorecard);
    out.push(timelineSection(ctx.migration), systemsSection(ctx, result.findings, ctx.matrix), matrixSection(ctx.matrix));
  }
  out.push(rulesSection(result));
  return out;
}

export function renderHtml(result: CheckResult, ctx?: ReportContext): string {
  const title = `兵团云合规检查报告 Compliance report — ${result.environment} — ${result.asOf}`;
  const parts = sections(result, ctx);
  const contents = parts.map((s) => `<li><a href="#${s.id}">${h(s.title)}</a></li>`).join('');
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(title)}</title>`,
    `<style>${stylesheet(`btyun · ${result.environment} · ${result.asOf}`)}</style></head><body>`,
    `<header><h1>${h(title)}</h1><p class="legend">依据 新兵办发〔2017〕187号、GB/T 22239-2019（网络安全等级保护基本要求 MLPS 2.0 baseline）、GB/T 28448-2019（测评要求 test requirements）</p></header>`,
    `<nav aria-label="目录 contents"><ol class="toc">${contents}</ol></nav>`,
    ...parts.map(renderSection),
    '</body></html>',
    '',
  ].join('\n');
}
