/** definePack is the one source of pack identity: the schema, the ids and the catalogue agree with it. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { ALL_RULES, PACK_IDS, PACKS, RULE_ID_PATTERN } from '../../policies';

const schema = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'environments', 'schemas', 'policy.schema.json'), 'utf8')) as {
  properties: { packs: { items: { enum: string[] } }; severityOverrides: { propertyNames: { pattern: string } } };
};

describe('packs', () => {
  it("the policy schema's pack enum is the catalogue's packs, in order", () => {
    expect(schema.properties.packs.items.enum).toEqual([...PACK_IDS]);
  });

  it("the schema's rule-id pattern accepts exactly the ids of the packs' prefixes", () => {
    const pattern = new RegExp(schema.properties.severityOverrides.propertyNames.pattern);
    for (const r of ALL_RULES) expect(pattern.test(r.id), r.id).toBe(true);
    expect(pattern.source).toBe(RULE_ID_PATTERN.source.replace('\\d', '[0-9]'));
    expect(pattern.test('XYZ-001')).toBe(false);
  });

  it('every rule is in exactly one pack, under its prefix, in id order', () => {
    const ids = PACKS.flatMap((p) => p.rules.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of PACKS) for (const r of p.rules) expect(r.id.startsWith(`${p.prefix}-`) && r.pack === p.id, r.id).toBe(true);
  });

  it('one file per rule, named policies/<pack>/<id>-<slug>.ts', () => {
    for (const p of PACKS) {
      const files = fs.readdirSync(path.join(PACKAGE_ROOT, 'policies', p.id)).filter((f) => /^[a-z0-9]+-\d{3}-/.test(f));
      expect(files.map((f) => f.slice(0, f.indexOf('-', f.indexOf('-') + 1)).toUpperCase()), p.id).toEqual(p.rules.map((r) => r.id));
      for (const f of files) expect(f, p.id).toMatch(/^[a-z0-9]+-\d{3}-[a-z0-9]+(-[a-z0-9]+)*\.ts$/);
    }
  });
});

describe('rules import one toolkit', () => {
  /** Relative imports of a file. */
  const importsOf = (file: string): string[] =>
    [...fs.readFileSync(file, 'utf8').matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);

  it('a rule file imports only ../sdk and its own pack lib (./lib/…)', () => {
    const wrong: string[] = [];
    let files = 0;
    for (const p of PACKS) {
      const dir = path.join(PACKAGE_ROOT, 'policies', p.id);
      for (const f of fs.readdirSync(dir).filter((n) => /^[a-z0-9]+-\d{3}-.*\.ts$/.test(n))) {
        files++;
        for (const spec of importsOf(path.join(dir, f))) if (spec !== '../sdk' && !spec.startsWith('./lib/')) wrong.push(`policies/${p.id}/${f}: ${spec}`);
      }
    }
    expect(files).toBe(ALL_RULES.length);
    expect(wrong).toEqual([]);
  });

  it("a pack's lib imports only ../../sdk and its own lib", () => {
    const wrong: string[] = [];
    for (const p of PACKS) {
      const dir = path.join(PACKAGE_ROOT, 'policies', p.id, 'lib');
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
        for (const spec of importsOf(path.join(dir, f))) if (spec !== '../../sdk' && !spec.startsWith('./')) wrong.push(`policies/${p.id}/lib/${f}: ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
