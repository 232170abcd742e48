/**
 * The 等保 control catalogue (policies/sdk/mlps-controls.ts) and its documentation: every control
 * is listed in docs/mlps-pack.md with the sources it was checked against, or marked unverified;
 * rules reference only catalogued controls, for exactly their levels, from their levels' chapters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES } from '../../../policies/index';
import { defineRule, MLPS_CONTROL_CATALOGUE, MLPS_SOURCES, mlpsControls } from '../../../policies/sdk';

const DOC = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'docs', 'mlps-pack.md'), 'utf8');

/** The rows of the "Controls" table: first cell → the whole row. */
function controlRows(): Map<string, string> {
  const section = DOC.slice(DOC.indexOf('## Controls'));
  const rows = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (/^\d+\.\d+\.\d+\.\d+$/.test(cells[1] ?? '')) rows.set(cells[1], line);
  }
  return rows;
}

describe('docs/mlps-pack.md lists every catalogued control', () => {
  const rows = controlRows();
  it.each(MLPS_CONTROL_CATALOGUE.map((c) => [c.clause, c] as const))('%s', (clause, c) => {
    const row = rows.get(clause);
    expect(row, `${clause} is not in the Controls table of docs/mlps-pack.md`).toBeDefined();
    expect(row).toContain(c.name.zh);
    for (const s of c.sources) expect(row).toContain(s);
    // A control no source confirmed says so; a verified one does not.
    if (c.verified) expect(row).toMatch(/\| verified/);
    else expect(row).toContain('unverified');
    if (c.sources.length === 0) expect(c.verified).toBe(false);
    for (const tests of Object.values(c.items)) for (const t of tests) expect(row).toContain(t);
    // A source that disagrees is said where the number is listed.
    if (c.note !== undefined) expect(row).toContain(c.note);
  });

  it('lists nothing the catalogue lacks, and names every source', () => {
    expect([...rows.keys()].sort()).toEqual(MLPS_CONTROL_CATALOGUE.map((c) => c.clause).sort());
    const sources = DOC.slice(DOC.indexOf('### Sources'));
    for (const [id, text] of Object.entries(MLPS_SOURCES)) expect(sources).toContain(`**${id}** ${text}`);
  });

  it('test items are level-3 GB/T 28448 ids only (none invented for the other levels)', () => {
    for (const c of MLPS_CONTROL_CATALOGUE) {
      for (const t of Object.values(c.items).flat()) {
        expect(t).toMatch(/^L3-(CNS|ABS|CES|SMC|PES)[12]-\d{2}$/);
        expect(c.clause.startsWith('8.'), `${c.clause}: ${t}`).toBe(true);
      }
    }
  });
});

describe('rules reference the catalogue', () => {
  it('mlpsControls refuses a clause or an item the catalogue does not have', () => {
    expect(() => mlpsControls('8.1.4.99')).toThrow(/not in the control catalogue/);
    expect(() => mlpsControls('8.1.4.9', 'z')).toThrow(/8\.1\.4\.9 z\)/);
    expect(mlpsControls('8.1.4.9', 'a', 'b').map((c) => [c.item, c.testItems])).toEqual([['a', ['L3-CES1-29']], ['b', ['L3-CES1-30']]]);
    expect(mlpsControls('8.1.4.4')[0]).toMatchObject({ clause: '8.1.4.4', part: 'general', testItems: ['L3-CES1-17', 'L3-CES1-18', 'L3-CES1-19', 'L3-CES1-20', 'L3-CES1-21', 'L3-CES1-22'] });
  });

  const meta = { id: 'MLPS-999', pack: 'mlps' as const, severity: 'low' as const, title: { zh: 't', en: 't' }, clause: 'GB/T 22239-2019 8.1.4.9 a', remediation: { zh: 'r', en: 'r' }, inputs: ['model' as const], check: () => [] };
  it('defineRule refuses controls for other levels than the rule’s, or from another level’s chapter', () => {
    expect(() => defineRule({ ...meta, levels: [3, 4], controls: { 3: mlpsControls('8.1.4.9', 'a') } })).toThrow(/levels 3, the rule applies to 3,4/);
    expect(() => defineRule({ ...meta, levels: [2], controls: { 2: mlpsControls('8.1.4.9', 'a') } })).toThrow(/8\.1\.4\.9 is not a level-2 clause/);
    expect(() => defineRule({ ...meta, levels: [2], controls: { 2: mlpsControls('7.1.4.8', 'a') } })).not.toThrow();
  });

  it('every rule citing GB/T 22239 has per-level controls; the plan packs keep their plan clauses', () => {
    for (const r of ALL_RULES) {
      if (r.clause.includes('22239')) expect(r.controls, r.id).toBeDefined();
      if (['topo', 'net', 'inv', 'mig'].includes(r.pack)) expect(r.controls, r.id).toBeUndefined();
    }
    expect(ALL_RULES.filter((r) => r.controls !== undefined).map((r) => r.pack).filter((p, i, a) => a.indexOf(p) === i)).toEqual(['mlps', 'k8s']);
  });
});
