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

function btyun(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/btyun.js'), ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr });
    });
  });
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
      // INV-009: two retired systems and one replaced past its deadline still run on corps-primary.
      'INV-001', 'INV-002', 'INV-003', 'INV-004', 'INV-005', 'INV-006', 'INV-008', 'INV-009',
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

  it('production is the true successor of baseline-2017: every 2017 system is there with what became of it', async () => {
    const base = loadEnvironment('baseline-2017');
    const production = loadEnvironment('production');
    const now = new Map(production.inventory.systems.map((s) => [s.id, s]));
    expect(base.inventory.systems.filter((s) => !now.has(s.id)).map((s) => s.id)).toEqual([]);
    // Each is classified in production: kept (and then on the cloud or the intranet), replaced or retired.
    for (const s of base.inventory.systems) expect(['keep', 'replace', 'retire'], s.id).toContain(now.get(s.id)!.class);

    const r = await btyun(['migration', '--env', 'production', '--base', 'environments/baseline-2017', '--as-of', AS_OF, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const history = (JSON.parse(r.stdout) as { diff: { history: { total: number; counts: Record<string, number>; entries: { system: string; fate: string; moves: { wave: string; to: string; done: boolean }[]; replacement?: { platform: string } }[] } } }).diff.history;
    expect(history.total).toBe(base.inventory.systems.length);
    expect(history.counts.missing).toBeUndefined();
    expect(Object.values(history.counts).reduce((a, b) => a + b, 0)).toBe(history.total);
    const fate = new Map(history.entries.map((e) => [e.system, e]));
    expect(fate.get('div-1-city-ops')).toMatchObject({ fate: 'moved', moves: [{ wave: 'wave-3', to: 'div-1', done: true }] });
    expect(fate.get('div-12-edu-resources')).toMatchObject({ fate: 'replaced', replacement: { platform: 'dfw' } });
    expect(fate.get('swj-ecommerce-pilot')?.fate).toBe('retired');
    expect(fate.get('jyjj-classified-office')?.fate).toBe('classified');

    const text = await btyun(['migration', '--env', 'production', '--base', 'environments/baseline-2017', '--as-of', AS_OF]);
    expect(text.stdout).toContain(`去向 What became of the ${history.total} systems of environments/baseline-2017:`);
    expect(text.stdout).toContain('已替代 replaced: div-12-edu-resources 第十二师教育资源公共服务平台 — was 原在 师级分散机房 division-room 第十二师信息中心机房; by 由 dfw 2018-06-30');
  });
});
