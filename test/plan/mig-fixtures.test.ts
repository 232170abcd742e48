/** The MIG rules' fixture folders exist (test/rules/fixtures.test.ts runs them). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIG_RULES } from '../../policies/mig';

describe('MIG rule fixtures', () => {
  it('the pack lists MIG-001..MIG-009 in id order', () => {
    expect(MIG_RULES.map((r) => r.id)).toEqual(['MIG-001', 'MIG-002', 'MIG-003', 'MIG-004', 'MIG-005', 'MIG-006', 'MIG-007', 'MIG-008', 'MIG-009']);
  });
  it.each(MIG_RULES.map((r) => r.id))('%s has a pass and a fail fixture', (id) => {
    const dir = path.resolve(__dirname, '../rules', id);
    const names = fs.readdirSync(dir);
    expect(names.some((n) => n.startsWith('pass'))).toBe(true);
    expect(names.some((n) => n.startsWith('fail'))).toBe(true);
  });
});
