/**
 * SARIF 2.1.0 output for code review (GitHub code scanning, GitLab, Azure DevOps …), valid against
 * the OASIS schema as published: one run, the evaluated rules as reportingDescriptors, one result
 * per finding. A finding on synthesized output points at the environment YAML line that produced
 * it (its `origin`), with the generated file as a related location and the construct path named.
 * Suppressed findings carry an external, accepted suppression with its justification; baselined
 * ones `baselineState: unchanged` (the others `new`, when a baseline was given);
 * `properties["security-severity"]` follows the effective severity (GitHub's scale);
 * partialFingerprints give a stable identity that does not move with line numbers.
 */
import type { CheckResult, Finding, Rule, Severity } from '../../engine/types';
import { fingerprint } from './fingerprint';
import { packHeading } from './catalogue';
import { levelsText, SEVERITY_ZH } from './labels';
import { levelClauses, testItemsOf } from './mlps-citation';
import { INFORMATION_URI, RULES_DOC_URI } from './tool-info';

export { fingerprint };

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

/**
 * GitHub code scanning reads `security-severity` (0.0–10.0): over 9.0 critical, 7.0–8.9 high,
 * 4.0–6.9 medium, 0.1–3.9 low.
 */
export const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '1.0' };

/** `K8S-001` + `No privileged container` → `NoPrivilegedContainer` (SARIF `name`: an identifier-like label). */
function ruleName(rule: Rule): string {
  const words = rule.title.en.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || rule.id.replace('-', '');
}

/** The GitHub anchor of the rule's pack section in docs/rules.md (`## TOPO — 拓扑 Topology` → `topo--拓扑-topology`). */
export function rulesDocAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function helpUri(rule: Rule): string {
  return `${RULES_DOC_URI}#${encodeURIComponent(rulesDocAnchor(packHeading(rule.pack)))}`;
}

function reportingDescriptor(rule: Rule): Record<string, unknown> {
  const full = `${rule.title.en} (${rule.title.zh}). Clause 条款: ${rule.clause}. MLPS levels 等保级别: ${levelsText(rule.levels)}.`;
  // Per level, the clause a finding at that level cites (a level-2 system is judged by chapter 7).
  const perLevel = levelClauses(rule);
  const perLevelMarkdown = perLevel.map((l) => `- level 等级 ${l.level}: ${l.clause}${l.testItems.length > 0 ? ` — test items 测评单元 ${l.testItems.join(', ')}` : ''}`).join('\n');
  return {
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: `${rule.title.en} — ${rule.title.zh}` },
    fullDescription: { text: full },
    helpUri: helpUri(rule),
    help: {
      text: `${rule.remediation.en}\n${rule.remediation.zh}`,
      markdown: `**${rule.id}** ${rule.title.en} — ${rule.title.zh}\n\n*Clause 条款:* ${rule.clause}${perLevel.length > 0 ? `\n\n*Per level 各级条款:*\n${perLevelMarkdown}` : ''}\n\n**Remediation 整改:** ${rule.remediation.en}\n\n${rule.remediation.zh}`,
    },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: ['btyun', rule.pack, 'security', 'compliance'],
      severity: rule.severity,
      clause: rule.clause,
      levels: [...rule.levels],
      ...(perLevel.length > 0 ? { levelClauses: Object.fromEntries(perLevel.map((l) => [String(l.level), l.clause])) } : {}),
      'security-severity': SECURITY_SEVERITY[rule.severity],
    },
  };
}

function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function physical(file: string, line: number | undefined, column: number | undefined): Record<string, unknown> {
  const region: Record<string, number> = {};
  if (line !== undefined && line > 0) region.startLine = line;
  if (region.startLine !== undefined && column !== undefined && column > 0) region.startColumn = column;
  return { artifactLocation: { uri: encodeUri(file), uriBaseId: '%SRCROOT%' }, ...(region.startLine !== undefined ? { region } : {}) };
}

function result(f: Finding, ruleIndex: number, withBaseline: boolean): Record<string, unknown> {
  const location: Record<string, unknown> = {};
  const related: Record<string, unknown>[] = [];
  if (f.origin !== undefined) {
    location.physicalLocation = physical(f.origin.file, f.origin.line, f.origin.column);
    if (f.file !== undefined) {
      related.push({
        id: 1,
        physicalLocation: physical(f.file, f.line, f.column),
        message: { text: `synthesized 合成输出${f.constructPath !== undefined ? ` (construct 构造路径 ${f.constructPath})` : ''}` },
      });
    }
  } else if (f.file !== undefined) location.physicalLocation = physical(f.file, f.line, f.column);
  const logical: Record<string, string>[] = [];
  if (f.address !== undefined) logical.push({ name: f.address, fullyQualifiedName: f.stack !== undefined ? `${f.stack}/${f.address}` : f.address, kind: 'resource' });
  else if (f.stack !== undefined) logical.push({ name: f.stack, kind: 'module' });
  if (f.constructPath !== undefined) logical.push({ name: f.constructPath.split('/').pop() ?? f.constructPath, fullyQualifiedName: f.constructPath, kind: 'object' });
  if (f.origin !== undefined) logical.push({ name: f.origin.path, fullyQualifiedName: `${f.origin.file}#${f.origin.path}`, kind: 'element' });
  else if (f.path !== undefined && f.file !== undefined) logical.push({ name: f.path, fullyQualifiedName: `${f.file}#${f.path}`, kind: 'element' });
  if (f.system !== undefined) logical.push({ name: f.system, kind: 'namespace' });
  if (logical.length > 0) location.logicalLocations = logical;
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: `${f.message}\n${f.messageZh}` },
    locations: Object.keys(location).length > 0 ? [location] : [],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { 'btyunFinding/v1': fingerprint(f) },
    ...(withBaseline ? { baselineState: f.baselined === true ? 'unchanged' : 'new' } : {}),
    properties: {
      severity: f.severity,
      severityZh: SEVERITY_ZH[f.severity],
      'security-severity': SECURITY_SEVERITY[f.severity],
      ...(f.defaultSeverity !== undefined ? { defaultSeverity: f.defaultSeverity, defaultSeverityZh: SEVERITY_ZH[f.defaultSeverity] } : {}),
      clause: f.clause,
      ...(f.level !== undefined ? { mlpsLevel: f.level } : {}),
      ...(f.controls !== undefined && testItemsOf(f.controls).length > 0 ? { testItems: testItemsOf(f.controls) } : {}),
      ...(f.center !== undefined ? { center: f.center } : {}),
      ...(f.constructPath !== undefined ? { constructPath: f.constructPath } : {}),
      ...(f.baselined === true ? { baselined: true } : {}),
    },
  };
  if (f.suppressed && f.suppression) {
    out.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: `${f.suppression.reason} (approved by 审批人 ${f.suppression.approvedBy}, expires 到期 ${f.suppression.expires})`,
        properties: { approvedBy: f.suppression.approvedBy, expires: f.suppression.expires },
      },
    ];
  }
  return out;
}

export interface SarifOptions {
  /** A `--baseline` was given: every result gets a `baselineState`. */
  baseline?: boolean;
}

export function sarifLog(res: CheckResult, opts: SarifOptions = {}): Record<string, unknown> {
  const index = new Map(res.rules.map((r, i) => [r.id, i]));
  const withBaseline = opts.baseline ?? res.findings.some((f) => f.baselined !== undefined);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: res.tool.name,
            version: res.tool.version,
            semanticVersion: res.tool.version,
            informationUri: INFORMATION_URI,
            rules: res.rules.map(reportingDescriptor),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder btyun ran in (the repository root) 运行目录' } } },
        results: res.findings.filter((f) => index.has(f.ruleId)).map((f) => result(f, index.get(f.ruleId)!, withBaseline)),
        columnKind: 'unicodeCodePoints',
        properties: { environment: res.environment, asOf: res.asOf, failOn: res.failOn, summary: { ...res.summary } },
      },
    ],
  };
}

export function renderSarif(res: CheckResult, opts: SarifOptions = {}): string {
  return JSON.stringify(sarifLog(res, opts), null, 2) + '\n';
}
