/** `btyun check --manifests PATH` in process: exit codes, findings with file, line and document, bad input. */
import { describe, expect, it } from 'vitest';
import type { CommandIO } from '../../checks/app/cli/io';
import { runCli } from '../../checks/app/cli/main';
import { PACKAGE_ROOT } from '../../checks/core/version';

const ENV = 'test/fixtures/envs/mini';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIO = { stdout: (s) => out.push(s), stderr: (s) => err.push(s), isTTY: false, cwd: PACKAGE_ROOT };
  const code = await runCli(argv, io);
  return { code, out: out.join(''), err: err.join('') };
}

describe('btyun check --manifests', () => {
  it('judges helm template output with every K8S rule: findings name file, line and document', async () => {
    const r = await cli('check', '--env', ENV, '--manifests', 'test/engine/manifests/helm/rendered.yaml', '--packs', 'k8s', '--as-of', '2026-11-24', '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { findings: { ruleId: string; file: string; line: number; address: string; origin?: unknown }[] };
    const f = json.findings.find((x) => x.ruleId === 'K8S-028')!;
    expect(f).toMatchObject({ file: 'test/engine/manifests/helm/rendered.yaml', line: 16, address: 'Deployment/hrss-social-insurance/web (document 3)' });
    // a manifest is its own source: no synthesized-output origin
    expect(f.origin).toBeUndefined();
    expect(new Set(json.findings.map((x) => x.ruleId))).toEqual(new Set(['K8S-002', 'K8S-004', 'K8S-007', 'K8S-010', 'K8S-011', 'K8S-012', 'K8S-013', 'K8S-014', 'K8S-016', 'K8S-017', 'K8S-018', 'K8S-019', 'K8S-024', 'K8S-026', 'K8S-028', 'K8S-029', 'K8S-030']));
  });

  it('is exclusive with the other inputs, and bad manifests exit 2 with file and line', async () => {
    const both = await cli('check', '--env', ENV, '--manifests', 'x.yaml', '--tf', 'y');
    expect(both.code).toBe(2);
    expect(both.err).toMatch(/--tf and --manifests are mutually exclusive/);
    const missing = await cli('check', '--env', ENV, '--manifests', 'test/engine/manifests/nope.yaml');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/nope\.yaml: no such file or directory/);
  });
});
