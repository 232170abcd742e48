/**
 * Issue 14 (4): JUnit valid against the strict schema of the Jenkins xUnit plugin (junit-10.xsd,
 * test/fixtures/schemas/, its source noted there), checked by xmllint (Debian's libxml2-utils;
 * .ci/run installs it when missing); `time` and `file` attributes; no `skipped` on <testsuites>.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../checks/app/report/junit';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { tmpFiles } from '../helpers/tmp-files';
import { sampleResult } from './sample';

const XSD = path.join(PACKAGE_ROOT, 'test/fixtures/schemas/junit-10.xsd');
const { write } = tmpFiles('btyun-junit-');

export function xmllint(file: string): { status: number | null; stderr: string } {
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is needed (apt-get install libxml2-utils; .ci/run installs it): ${r.error.message}`);
  return { status: r.status, stderr: r.stderr };
}

describe('JUnit against the Jenkins xUnit junit-10.xsd', () => {
  const result = sampleResult();
  const xml = renderJunit(result);

  it('validates with xmllint', () => {
    const r = xmllint(write('sample.xml', xml));
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });

  it('the schema catches the old shape (skipped on testsuites): the test can fail', () => {
    const old = xml.replace(/<testsuites ([^>]*)>/, '<testsuites $1 skipped="1">');
    expect(xmllint(write('old.xml', old)).status).not.toBe(0);
  });

  it('time on testsuites, testsuite and testcase; file and line on a testcase with a finding', () => {
    expect(xml).toMatch(/<testsuites [^>]*time="0"/);
    expect(xml).not.toMatch(/<testsuites [^>]*skipped=/);
    for (const m of xml.matchAll(/<testsuite [^>]*>/g)) expect(m[0]).toContain('time="0"');
    for (const m of xml.matchAll(/<testcase [^>]*>/g)) expect(m[0]).toContain('time="0"');
    expect(xml).toMatch(/<testcase classname="btyun\.topo\.TOPO-901" [^>]*file="[^"]+topology\.yaml" line="\d+"/);
    expect(renderJunit(result)).toBe(xml); // same input, same bytes
  });
});
