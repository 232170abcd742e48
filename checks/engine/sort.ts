/** The one order of findings: severity, rule, stack, address, then file/path/system/message — byte-identical runs. */
import { severityRank, type Finding } from './types';

function cmp(a: string | number | undefined, b: string | number | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  const sx = String(x);
  const sy = String(y);
  return sx < sy ? -1 : sx > sy ? 1 : 0;
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    cmp(a.ruleId, b.ruleId) ||
    cmp(a.stack, b.stack) ||
    cmp(a.address, b.address) ||
    cmp(a.file, b.file) ||
    cmp(a.path, b.path) ||
    cmp(a.line, b.line) ||
    cmp(a.system, b.system) ||
    cmp(a.center, b.center) ||
    cmp(a.message, b.message) ||
    cmp(a.messageZh, b.messageZh)
  );
}

export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}
