/**
 * The two shipped environments, end to end through the compiled CLI (synthesis + every rule):
 * production — the 2018 target — passes every pack with no suppression; baseline-2017 — the silo
 * state the plan starts from — fails in every pack that judges the plan, and exactly the rules
 * pinned below fire. The CFG pack judges whether the configuration can be verified, not the plan:
 * what the stacks synthesize from any schema-valid model is verifiable, so it stays silent there.
 */
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_RULES, PACKS } from '../../policies';
import { loadEnvironment } from '../../checks/core/load';

const ROOT = path.resolve(__dirname, '../..');
const AS_OF = '2026-11-25';

interface CheckJson {
  summary: Record<string, number>;
  findings: { ruleId: string; pack: string; suppressed: boolean }[];
}

function check(env: string): Promise<{ code: number; json: CheckJson; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin/btyun.js'), 'check', '--env', env, '--as-of', AS_OF, '--format', 'json'],
      { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        try {
          resolve({ code, json: JSON.parse(stdout) as CheckJson, stderr });
        } catch (e) {
          reject(new Error(`btyun check --env ${env} printed no JSON (exit ${code}): ${stderr}`));
        }
      },
    );
  });
}

describe('shipped environments', () => {
  it('production passes every rule of every pack, with no suppression', async () => {
    expect(loadEnvironment('production').policy.suppressions).toEqual([]);
    const { code, json, stderr } = await check('production');
    expect(stderr).toBe('');
    expect(json.findings).toEqual([]);
    expect(json.summary.rulesEvaluated).toBe(ALL_RULES.length);
    expect(json.summary.resources).toBeGreaterThan(1000);
    expect(code).toBe(0);
  });

  it('baseline-2017 fails in every pack that judges the plan, with exactly the pinned rules firing', async () => {
    const { code, json } = await check('baseline-2017');
    expect(code).toBe(1);
    const fired = [...new Set(json.findings.map((f) => f.ruleId))].sort();
    expect(fired).toEqual([
      'EXC-001',
      'INV-001', 'INV-002', 'INV-003', 'INV-004', 'INV-005', 'INV-006', 'INV-008',
      'K8S-015', 'K8S-016', 'K8S-027',
      'MIG-001', 'MIG-002', 'MIG-003', 'MIG-004', 'MIG-005', 'MIG-006', 'MIG-007',
      'MLPS-010', 'MLPS-011', 'MLPS-013', 'MLPS-014', 'MLPS-015', 'MLPS-019',
      'NET-001', 'NET-002', 'NET-003', 'NET-005', 'NET-006',
      'TOPO-001', 'TOPO-002', 'TOPO-003', 'TOPO-004', 'TOPO-005',
    ]);
    const packs = new Set(json.findings.map((f) => f.pack));
    for (const pack of PACKS.map((p) => p.id).filter((p) => p !== 'cfg')) expect(packs, `pack ${pack}`).toContain(pack);
    expect(packs.has('cfg'), 'the synthesized configuration is verifiable').toBe(false);
    // Its two suppressions are expired or incomplete: they suppress nothing.
    expect(json.findings.filter((f) => f.suppressed)).toEqual([]);
  });
});
