/**
 * JUnit XML for CI dashboards: one <testsuite> per pack, one <testcase> per rule × target
 * (a rule with no finding is one passing testcase `RULE (all)`).
 *
 * A testcase FAILS only for unsuppressed findings at or above fail-on — so the JUnit view agrees
 * with the exit status. Findings below fail-on keep the testcase passing and are listed in its
 * <system-out>, as are baselined findings (`--baseline`). A testcase whose findings are all
 * suppressed is <skipped> with the justification.
 *
 * Valid against the strict schema of the Jenkins xUnit plugin (junit-10.xsd): `time` on every
 * element that takes it (always `0`: two runs on the same input give the same bytes), `file` and
 * `line` on a testcase with a finding — the repository file a reviewer opens (the environment YAML
 * line of a synthesized resource) — and no `skipped` on <testsuites>, which that schema forbids.
 */
import { severityRank, type CheckResult, type Finding, type Rule } from '../../engine/types';
import { appendTo, escapeXml as x, findingSeverityLabel, whereOf } from './labels';
import { findingClauseText } from './mlps-citation';

/** The file and line a reviewer opens for a finding. */
function reviewFile(f: Finding): { file?: string; line?: number } {
  if (f.origin !== undefined) return { file: f.origin.file, line: f.origin.line };
  return { file: f.file, line: f.line };
}

function targetOf(f: Finding): string {
  if (f.address !== undefined) return f.stack !== undefined ? `${f.stack}/${f.address}` : f.address;
  if (f.file !== undefined && f.path !== undefined) return `${f.file}#${f.path}`;
  return f.system ?? f.center ?? f.file ?? 'environment';
}

interface Case {
  rule: Rule;
  target: string;
  findings: Finding[];
}

function casesOf(rule: Rule, findings: Finding[]): Case[] {
  if (findings.length === 0) return [{ rule, target: '(all)', findings: [] }];
  const byTarget = new Map<string, Finding[]>();
  for (const f of findings) appendTo(byTarget, targetOf(f), f);
  return [...byTarget.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([target, fs]) => ({ rule, target, findings: fs }));
}

function describe(f: Finding): string {
  return `${f.baselined === true ? '[baselined 基线] ' : ''}[${findingSeverityLabel(f)}] ${f.message} / ${f.messageZh} @ ${whereOf(f) || 'environment'}\nclause 条款: ${findingClauseText(f)}\nfix 整改: ${f.remediation} / ${f.remediationZh}`;
}

function caseXml(c: Case, floor: number): { xml: string; failed: boolean; skipped: boolean } {
  const open = c.findings.filter((f) => !f.suppressed);
  const failing = open.filter((f) => f.baselined !== true && severityRank(f.severity) >= floor);
  const below = open.filter((f) => f.baselined === true || severityRank(f.severity) < floor);
  const where = c.findings.map(reviewFile).find((w) => w.file !== undefined);
  const fileAttrs = where?.file !== undefined ? ` file="${x(where.file)}"${where.line !== undefined ? ` line="${where.line}"` : ''}` : '';
  const head = `    <testcase classname="btyun.${x(c.rule.pack)}.${x(c.rule.id)}" name="${x(`${c.rule.id} ${c.target}`)}" time="0"${fileAttrs}>`;
  const lines = [head];
  let failed = false;
  let skipped = false;
  if (failing.length > 0) {
    failed = true;
    const first = failing[0];
    lines.push(`      <failure type="${x(first.severity)}" message="${x(`${c.rule.id} ${first.title}: ${first.message}`)}">${x(failing.map(describe).join('\n\n'))}</failure>`);
  } else if (open.length === 0 && c.findings.length > 0) {
    skipped = true;
    const s = c.findings[0].suppression;
    lines.push(`      <skipped message="${x(`suppressed 已豁免: ${s?.reason ?? ''} (approved by ${s?.approvedBy ?? ''}, expires ${s?.expires ?? ''})`)}"/>`);
  }
  if (below.length > 0) lines.push(`      <system-out>${x(below.map(describe).join('\n\n'))}</system-out>`);
  lines.push('    </testcase>');
  return { xml: lines.join('\n'), failed, skipped };
}

export function renderJunit(result: CheckResult): string {
  const floor = severityRank(result.failOn);
  const byRule = new Map<string, Finding[]>();
  for (const f of result.findings) appendTo(byRule, f.ruleId, f);
  const packs: string[] = [];
  for (const r of result.rules) if (!packs.includes(r.pack)) packs.push(r.pack);
  let total = 0;
  let totalFailed = 0;
  const suites: string[] = [];
  for (const pack of packs) {
    const cases = result.rules.filter((r) => r.pack === pack).flatMap((r) => casesOf(r, byRule.get(r.id) ?? []));
    const rendered = cases.map((c) => caseXml(c, floor));
    const failed = rendered.filter((c) => c.failed).length;
    const skipped = rendered.filter((c) => c.skipped).length;
    total += cases.length;
    totalFailed += failed;
    suites.push(
      `  <testsuite name="btyun.${x(pack)}" tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}" time="0">\n${rendered.map((c) => c.xml).join('\n')}\n  </testsuite>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${x(`btyun check ${result.environment} ${result.asOf}`)}" tests="${total}" failures="${totalFailed}" errors="0" time="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
