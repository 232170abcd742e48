/**
 * SARIF 2.1.0 output for code review (GitHub code scanning, Azure DevOps …): one run, the
 * evaluated rules as reportingDescriptors, one result per finding. Suppressed findings carry an
 * external suppression with its justification; partialFingerprints give a stable identity that
 * does not move with line numbers.
 */
import { createHash } from 'node:crypto';
import type { CheckResult, Finding, Rule, Severity } from '../../engine/types';
import { levelsText, SEVERITY_ZH } from './labels';
import { INFORMATION_URI } from './tool-info';

type SarifLevel = 'error' | 'warning' | 'note';

export function sarifLevel(s: Severity): SarifLevel {
  return s === 'critical' || s === 'high' ? 'error' : s === 'medium' ? 'warning' : 'note';
}

/** `K8S-001` + `No privileged container` → `NoPrivilegedContainer` (SARIF `name`: an identifier-like label). */
function ruleName(rule: Rule): string {
  const words = rule.title.en.replace(/[^A-Za-z0-9]+/g, ' ').trim().split(' ').filter(Boolean);
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || rule.id.replace('-', '');
}

function reportingDescriptor(rule: Rule): Record<string, unknown> {
  const full = `${rule.title.en} (${rule.title.zh}). Clause 条款: ${rule.clause}. MLPS levels 等保级别: ${levelsText(rule.levels)}.`;
  return {
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: `${rule.title.en} — ${rule.title.zh}` },
    fullDescription: { text: full },
    help: {
      text: `${rule.remediation.en}\n${rule.remediation.zh}`,
      markdown: `**${rule.id}** ${rule.title.en} — ${rule.title.zh}\n\n*Clause 条款:* ${rule.clause}\n\n**Remediation 整改:** ${rule.remediation.en}\n\n${rule.remediation.zh}`,
    },
    defaultConfiguration: { level: sarifLevel(rule.severity) },
    properties: {
      tags: ['btyun', rule.pack, 'security', 'compliance'],
      severity: rule.severity,
      clause: rule.clause,
      levels: [...rule.levels],
      'security-severity': rule.severity === 'critical' ? '9.5' : rule.severity === 'high' ? '8.0' : rule.severity === 'medium' ? '5.5' : rule.severity === 'low' ? '3.0' : '1.0',
    },
  };
}

/** Identity of a finding across runs: rule and target, never the line. */
export function fingerprint(f: Finding): string {
  const key = [f.ruleId, f.stack ?? '', f.address ?? '', f.system ?? '', f.center ?? '', f.file ?? '', f.path ?? '', f.message].join('\u0000');
  return createHash('sha256').update(key).digest('hex');
}

function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function result(f: Finding, ruleIndex: number): Record<string, unknown> {
  const location: Record<string, unknown> = {};
  if (f.file !== undefined) {
    const region: Record<string, number> = {};
    if (f.line !== undefined) region.startLine = f.line;
    if (f.line !== undefined && f.column !== undefined) region.startColumn = f.column;
    location.physicalLocation = {
      artifactLocation: { uri: encodeUri(f.file), uriBaseId: '%SRCROOT%' },
      ...(region.startLine !== undefined ? { region } : {}),
    };
  }
  const logical: Record<string, string>[] = [];
  if (f.address !== undefined) logical.push({ name: f.address, fullyQualifiedName: f.stack !== undefined ? `${f.stack}/${f.address}` : f.address, kind: 'resource' });
  else if (f.stack !== undefined) logical.push({ name: f.stack, kind: 'module' });
  if (f.path !== undefined && f.file !== undefined) logical.push({ name: f.path, fullyQualifiedName: `${f.file}#${f.path}`, kind: 'element' });
  if (f.system !== undefined) logical.push({ name: f.system, kind: 'namespace' });
  if (logical.length > 0) location.logicalLocations = logical;
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    ruleIndex,
    level: sarifLevel(f.severity),
    message: { text: `${f.message}\n${f.messageZh}` },
    locations: Object.keys(location).length > 0 ? [location] : [],
    partialFingerprints: { 'btyunFinding/v1': fingerprint(f) },
    properties: {
      severity: f.severity,
      severityZh: SEVERITY_ZH[f.severity],
      ...(f.defaultSeverity !== undefined ? { defaultSeverity: f.defaultSeverity, defaultSeverityZh: SEVERITY_ZH[f.defaultSeverity] } : {}),
      clause: f.clause,
      ...(f.center !== undefined ? { center: f.center } : {}),
    },
  };
  if (f.suppressed && f.suppression) {
    out.suppressions = [
      {
        kind: 'external',
        state: 'accepted',
        justification: `${f.suppression.reason} (approved by ${f.suppression.approvedBy}, expires ${f.suppression.expires})`,
      },
    ];
  }
  return out;
}

export function sarifLog(res: CheckResult): Record<string, unknown> {
  const index = new Map(res.rules.map((r, i) => [r.id, i]));
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
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder btyun ran in 运行目录' } } },
        results: res.findings.filter((f) => index.has(f.ruleId)).map((f) => result(f, index.get(f.ruleId)!)),
        columnKind: 'unicodeCodePoints',
        properties: { environment: res.environment, asOf: res.asOf, failOn: res.failOn, summary: { ...res.summary } },
      },
    ],
  };
}

export function renderSarif(res: CheckResult): string {
  return JSON.stringify(sarifLog(res), null, 2) + '\n';
}
