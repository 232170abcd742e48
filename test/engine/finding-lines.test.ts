/**
 * Line numbers of resources come from the one JSON key scan (normalize/json-keys.ts, which finds
 * duplicate keys too) instead of a second scan of every file: they must be what they were.
 *  - every rule fixture: the lines of its resources and problems equal the record made with the
 *    former scanners (finding-lines.record.json), for every case whose files are the recorded ones;
 *  - every resource of the fixtures and every finding of every rule on the shipped baseline-2017,
 *    synthesized: each line is where the resource's key is, found independently of any scanner
 *    (serializedLine).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from '../../checks/core/load';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { loadConfiguration } from '../../checks/engine/load-configuration';
import { runChecks } from '../../checks/engine/run';
import { ALL_RULES } from '../../policies/index';
import { UNGATED_TEMPORARY_OUTPUT, synthEnvironment } from '../../stacks/synth';
import { discoverCases, prepareCase } from '../helpers/fixture-case';
import { caseFilesHash, caseKey, linesOf, type CaseLines } from './support/line-record';

const RECORD = JSON.parse(fs.readFileSync(path.join(__dirname, 'finding-lines.record.json'), 'utf8')) as Record<string, CaseLines>;

const MARK_VALUE = '\u0001';
const MARK = JSON.stringify(MARK_VALUE);
const isSpace = (c: string): boolean => c === ' ' || c === '\n' || c === '\r' || c === '\t';

/**
 * The line of `resource.TYPE.NAME` found without scanning JSON: the compact serialization of the
 * document up to that key (`JSON.stringify` with a marker in place of the body) is matched
 * against the text, skipping the text's whitespace between tokens. Undefined when the text is not
 * that document written with other whitespace (other escapes, other key order) or the resource
 * is not in the object form.
 */
function serializedLine(text: string, type: string, name: string): number | undefined {
  const doc = JSON.parse(text) as { resource?: Record<string, unknown> };
  const byName = doc.resource?.[type];
  if (typeof byName !== 'object' || byName === null || Array.isArray(byName) || !Object.prototype.hasOwnProperty.call(byName, name)) return undefined;
  const marked = JSON.stringify(doc, function (this: unknown, key: string, value: unknown) {
    return this === byName && key === name ? MARK_VALUE : value;
  });
  const prefix = marked.slice(0, marked.indexOf(`${JSON.stringify(name)}:${MARK}`));
  let i = 0;
  for (let j = 0; j < prefix.length; ) {
    if (i >= text.length) return undefined;
    if (text[i] === prefix[j]) j++;
    else if (!isSpace(text[i])) return undefined;
    i++;
  }
  while (isSpace(text[i])) i++;
  return text.slice(0, i).split('\n').length;
}

describe('line numbers from the one JSON key scan', () => {
  it('every rule fixture whose files are the recorded ones has the recorded lines of its resources and problems', async () => {
    let compared = 0;
    for (const c of discoverCases()) {
      const recorded = RECORD[caseKey(c)];
      if (recorded === undefined || recorded.files !== caseFilesHash(c.dir)) continue; // a new or edited case: not recorded
      expect(linesOf((await prepareCase(c)).ctx), caseKey(c)).toEqual(recorded.lines);
      compared++;
    }
    expect(compared).toBeGreaterThan(Object.keys(RECORD).length / 2);
  });

  it('every resource of a fixture is at the line of its key', async () => {
    let checked = 0;
    for (const c of discoverCases()) {
      for (const r of (await prepareCase(c)).ctx.resources.all) {
        if (!r.file.endsWith('.tf.json') || r.address.startsWith('module.')) continue;
        const expected = serializedLine(fs.readFileSync(path.join(PACKAGE_ROOT, r.file), 'utf8'), r.type, r.name);
        if (expected === undefined) continue;
        expect(r.line, `${caseKey(c)} ${r.address}`).toBe(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('the findings of every rule on the synthesized baseline-2017 are at the lines of their resources', async () => {
    const asOf = '2026-11-25';
    const env = loadEnvironment('baseline-2017');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-lines-'));
    try {
      const outDir = path.join(dir, 'out');
      synthEnvironment(env, { outDir, asOf, gate: UNGATED_TEMPORARY_OUTPUT });
      const { resources, problems } = await loadConfiguration({ kind: 'synth', dir: '.' }, outDir);
      const result = runChecks({ env, resources, configurationProblems: problems, hasConfiguration: true, rules: ALL_RULES, asOf, catalogue: ALL_RULES });
      const texts = new Map<string, string>();
      let checked = 0;
      for (const f of result.findings) {
        if (f.file === undefined || !f.file.endsWith('.tf.json') || f.address === undefined) continue;
        const r = resources.find((x) => x.address === f.address && x.stack === f.stack)!;
        if (!texts.has(f.file)) texts.set(f.file, fs.readFileSync(path.join(outDir, f.file), 'utf8'));
        expect(f.line, `${f.ruleId} ${f.stack}/${f.address}`).toBe(serializedLine(texts.get(f.file)!, r.type, r.name));
        checked++;
      }
      expect(checked).toBeGreaterThan(10);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
