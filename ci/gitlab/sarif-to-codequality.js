#!/usr/bin/env node
/**
 * `node ci/gitlab/sarif-to-codequality.js IN.sarif OUT.json`: btyun's SARIF log as a GitLab code
 * quality report (a JSON array of issues: description, check_name, fingerprint, severity,
 * location.path, location.lines.begin). Suppressed results are left out; the severity follows
 * btyun's effective severity (critical → blocker, high → critical, medium → major, low → minor,
 * info → info). No dependencies: runs with the Node.js of the CI image.
 */
'use strict';
const fs = require('node:fs');

const SEVERITY = { critical: 'blocker', high: 'critical', medium: 'major', low: 'minor', info: 'info' };
const LEVEL = { error: 'critical', warning: 'major', note: 'minor', none: 'info' };

function convert(log) {
  const issues = [];
  for (const run of log.runs ?? []) {
    for (const r of run.results ?? []) {
      if (Array.isArray(r.suppressions) && r.suppressions.length > 0) continue;
      const loc = r.locations?.[0]?.physicalLocation;
      const uri = loc?.artifactLocation?.uri;
      if (uri === undefined) continue; // code quality needs a file
      issues.push({
        type: 'issue',
        check_name: r.ruleId,
        description: `${r.ruleId}: ${String(r.message?.text ?? '').split('\n')[0]}`,
        categories: ['Security'],
        fingerprint: r.partialFingerprints?.['btyunFinding/v1'] ?? `${r.ruleId}:${uri}:${loc?.region?.startLine ?? 1}`,
        severity: SEVERITY[r.properties?.severity] ?? LEVEL[r.level] ?? 'minor',
        location: { path: decodeURIComponent(uri), lines: { begin: loc?.region?.startLine ?? 1 } },
      });
    }
  }
  return issues;
}

function main(argv) {
  if (argv.length !== 2) {
    process.stderr.write('usage: sarif-to-codequality.js IN.sarif OUT.json\n');
    return 2;
  }
  let log;
  try {
    log = JSON.parse(fs.readFileSync(argv[0], 'utf8'));
  } catch (e) {
    process.stderr.write(`${argv[0]}: not a SARIF log (${e.message})\n`);
    return 2;
  }
  fs.writeFileSync(argv[1], JSON.stringify(convert(log), null, 2) + '\n');
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
module.exports = { convert };
