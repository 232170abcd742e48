/** JSON output of `btyun check` (CLI.md): fixed key order, undefined fields omitted. */
import type { CheckResult, Finding } from '../../engine/types';
import { controlJson } from './mlps-citation';

const FINDING_KEYS: readonly (keyof Finding)[] = [
  'ruleId', 'severity', 'defaultSeverity', 'pack', 'title', 'titleZh', 'message', 'messageZh', 'clause', 'level', 'controls', 'remediation', 'remediationZh',
  'stack', 'address', 'system', 'center', 'file', 'path', 'line', 'column', 'constructPath', 'origin', 'suppressed', 'suppression', 'baselined',
];

export function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of FINDING_KEYS) {
    const v = f[k];
    if (v === undefined) continue;
    if (k === 'origin' && f.origin) out[k] = { file: f.origin.file, line: f.origin.line, path: f.origin.path };
    else if (k === 'controls' && f.controls) out[k] = f.controls.map(controlJson);
    else out[k] = k === 'suppression' && f.suppression ? { reason: f.suppression.reason, approvedBy: f.suppression.approvedBy, expires: f.suppression.expires } : v;
  }
  return out;
}

export function checkResultJson(result: CheckResult): Record<string, unknown> {
  const s = result.summary;
  return {
    tool: { name: result.tool.name, version: result.tool.version },
    environment: result.environment,
    asOf: result.asOf,
    summary: { critical: s.critical, high: s.high, medium: s.medium, low: s.low, info: s.info, suppressed: s.suppressed, resources: s.resources, rulesEvaluated: s.rulesEvaluated },
    // Per rule, in catalogue order: how many resources or model entries it judged (0: it looked at
    // nothing — no input of its kind, or none at its levels).
    evaluated: Object.fromEntries(result.rules.filter((r) => result.evaluated[r.id] !== undefined).map((r) => [r.id, result.evaluated[r.id]])),
    findings: result.findings.map(findingJson),
  };
}

export function renderJson(result: CheckResult): string {
  return JSON.stringify(checkResultJson(result), null, 2) + '\n';
}
