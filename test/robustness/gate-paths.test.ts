/**
 * Issue 11, "What was seen": every way past the gate, each a regression test. The gate holds on
 * every writer of deployable output, judges as of today, reports what the stacks refuse instead of
 * crashing, tells stale or edited output, and lets no template from the model reach Terraform.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtPackage, crashSigns, runBuilt, spawnNode } from './support/built-cli';
import { blockingPolicy, miniCopy, miniText, suppression, unapprovedImageInventory } from './support/envs';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-paths-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const SYSTEM = 'hrss-social-insurance';
const CDKTF = () => path.join(builtPackage(), 'node_modules', 'cdktf-cli', 'bundle', 'bin', 'cdktf');
const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

function replaced(doc: string, from: string, to: string): string {
  const text = miniText(doc);
  if (!text.includes(from)) throw new Error(`mini ${doc}.yaml changed: '${from}' is gone`);
  return text.replace(from, to);
}

/** Runs the cdktf app entry (dist/checks/app/cdktf-app.js) as the cdktf CLI does: CDKTF_OUTDIR set. */
function runApp(env: string, outDir: string, extra: NodeJS.ProcessEnv = {}) {
  return spawnNode([path.join(builtPackage(), 'dist', 'checks', 'app', 'cdktf-app.js')], tmpRoot, { BTYUN_ENV: env, CDKTF_OUTDIR: outDir, ...extra });
}

type Json = { findings: { ruleId: string; severity: string; message: string; file?: string; stack?: string }[] };
const ruleIds = (stdout: string): string[] => [...new Set((JSON.parse(stdout) as Json).findings.map((f) => f.ruleId))].sort();

describe('every writer of deployable output is gated', () => {
  it('`btyun synth` refuses a blocking finding (exit 1), writes nothing, and leaves the previous output as it was', async () => {
    const env = miniCopy(path.join(tmpRoot, 'synth-blocking'));
    const out = path.join(tmpRoot, 'synth-blocking-out');
    expect((await runBuilt(['synth', '--env', env, '--out', out, '--stack', 'corps-primary'], tmpRoot)).code).toBe(0);
    const before = fs.readFileSync(path.join(out, 'stacks', 'corps-primary', 'cdk.tf.json'), 'utf8');
    // The same environment, now pulling an image from Docker Hub (K8S-027, raised to critical).
    miniCopy(env, { inventory: unapprovedImageInventory(), policy: blockingPolicy() });
    const refused = await runBuilt(['synth', '--env', env, '--out', out], tmpRoot);
    expect(refused.code, refused.stderr).toBe(1);
    expect(refused.stderr).toContain('K8S-027');
    expect(refused.stderr).toContain('policy gate refused');
    expect(crashSigns(refused.stderr)).toEqual([]);
    expect(fs.readdirSync(path.join(out, 'stacks'))).toEqual(['corps-primary']);
    expect(fs.readFileSync(path.join(out, 'stacks', 'corps-primary', 'cdk.tf.json'), 'utf8')).toBe(before);
    expect(fs.readdirSync(tmpRoot).filter((f) => /\.(tmp|work|old)-/.test(f))).toEqual([]);
  });

  it('BTYUN_AS_OF does not backdate the gate: a suppression that expired yesterday opens nothing', async () => {
    const env = miniCopy(path.join(tmpRoot, 'as-of'), {
      inventory: unapprovedImageInventory(),
      policy: blockingPolicy(`suppressions:\n${suppression('K8S-027', `{ system: ${SYSTEM} }`, day(-1))}`),
    });
    const run = await runApp(env, path.join(tmpRoot, 'as-of-out'), { BTYUN_AS_OF: day(-30) });
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toContain('K8S-027');
    expect(run.stderr).toContain('BTYUN_AS_OF is ignored');
    expect(fs.existsSync(path.join(tmpRoot, 'as-of-out'))).toBe(false);
  });

  it('`BTYUN_STACKS=div-8 cdktf synth` after a full `cdktf synth` works, keeping the other stacks', async () => {
    const env = miniCopy(path.join(tmpRoot, 'partial'));
    const out = path.join(tmpRoot, 'partial-out');
    const base = { CHECKPOINT_DISABLE: '1', BTYUN_ENV: env, CI: '1' };
    const full = await spawnNode([CDKTF(), 'synth', '--output', out], builtPackage(), base);
    expect(full.code, full.stdout + full.stderr).toBe(0);
    const partial = await spawnNode([CDKTF(), 'synth', '--output', out], builtPackage(), { ...base, BTYUN_STACKS: 'div-8' });
    expect(partial.code, partial.stdout + partial.stderr).toBe(0);
    expect(partial.stdout + partial.stderr).not.toMatch(/ENOENT|lstat/);
    expect(fs.readdirSync(path.join(out, 'stacks')).sort()).toEqual(['corps-dr-shihezi', 'corps-dr-urumqi', 'corps-primary', 'div-8']);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).stacks).sort()).toHaveLength(4);
  });
});

describe('a model the stacks refuse is reported by the rules, not crashed on', () => {
  const cases = {
    // The level-4 police system stays on corps-primary, which is now a level-3 center.
    'MLPS-016': { topology: replaced('topology', '    mlpsLevel: 4', '    mlpsLevel: 3') },
    // One group holds the system- and audit-administrator roles of corps-primary.
    'MLPS-007': { topology: replaced('topology', 'audit: corps-primary-auditors', 'audit: corps-primary-sysadmins') },
  };
  it.each(Object.keys(cases) as (keyof typeof cases)[])('%s: check exits 1 with the rule and CFG-001; synth exits 1 with the rule, not 2', async (rule) => {
    const env = miniCopy(path.join(tmpRoot, `refused-${rule}`), cases[rule]);
    const check = await runBuilt(['check', '--env', env, '--format', 'json'], tmpRoot);
    expect(check.code, check.stderr).toBe(1);
    expect(ruleIds(check.stdout)).toEqual(expect.arrayContaining([rule, 'CFG-001']));
    const synth = await runBuilt(['synth', '--env', env, '--out', path.join(tmpRoot, `refused-${rule}-out`)], tmpRoot);
    expect(synth.code, synth.stderr).toBe(1);
    expect(synth.stderr).toContain(rule);
    expect(crashSigns(synth.stderr)).toEqual([]);
  });
});

describe('CFG-004: a synthesized folder is what it claims to be', () => {
  const env = path.join(tmpRoot, 'record-env');
  const out = path.join(tmpRoot, 'record-out');
  const cfg004 = async (dir = out): Promise<string[]> => {
    const run = await runBuilt(['check', '--env', env, '--synth', dir, '--rules', 'CFG-004', '--format', 'json'], tmpRoot);
    expect(run.stderr).toBe('');
    return (JSON.parse(run.stdout) as Json).findings.map((f) => `${f.file}: ${f.message}`);
  };

  it('a fresh output passes; an edited, extended or foreign one is reported', async () => {
    miniCopy(env);
    expect((await runBuilt(['synth', '--env', env, '--out', out], tmpRoot)).code).toBe(0);
    expect(await cfg004()).toEqual([]);

    const stackFile = path.join(out, 'stacks', 'div-8', 'cdk.tf.json');
    fs.appendFileSync(stackFile, '\n');
    fs.writeFileSync(path.join(out, 'stacks', 'corps-primary', 'extra.tf.json'), '{"resource":{}}');
    const edited = await cfg004();
    expect(edited.join('\n')).toMatch(/record-out\/stacks\/div-8\/cdk\.tf\.json: .*cdk\.tf\.json was changed after synthesis/);
    expect(edited.join('\n')).toMatch(/record-out\/stacks\/corps-primary\/extra\.tf\.json: .*extra\.tf\.json was added to stack corps-primary after synthesis/);

    // Synthesized again, then the environment changes: every stack is stale.
    expect((await runBuilt(['synth', '--env', env, '--out', out], tmpRoot)).code).toBe(0);
    fs.appendFileSync(path.join(env, 'networks.yaml'), '\n# a later edit\n');
    const stale = await cfg004();
    expect(stale).toHaveLength(4);
    expect(stale.every((l) => l.includes('was synthesized from another environment or an earlier version of it'))).toBe(true);

    // manifest.json tells cdktf deploy where each stack is: pointed elsewhere, it is reported.
    expect((await runBuilt(['synth', '--env', env, '--out', out], tmpRoot)).code).toBe(0);
    expect(await cfg004()).toEqual([]);
    const manifestFile = path.join(out, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { stacks: Record<string, { synthesizedStackPath: string }> };
    manifest.stacks['div-8'].synthesizedStackPath = 'stacks/corps-primary/cdk.tf.json';
    fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
    expect(await cfg004()).toEqual([expect.stringMatching(/record-out\/manifest\.json: .*manifest\.json was changed after synthesis/)]);

    // A cdktf output without a record cannot be told current.
    fs.rmSync(path.join(out, 'btyun-synth.json'));
    expect(await cfg004()).toEqual([expect.stringMatching(/btyun-synth\.json: .*not written by btyun/)]);
  });
});

describe('CFG-003: nothing from the model is evaluated by Terraform', () => {
  const INJECTED = '${file("~/.kube/config")}';
  it('model strings are escaped in cdk.tf.json ($${, %%{) and pass; a template edited into the output is critical', async () => {
    const env = miniCopy(path.join(tmpRoot, 'inject'), {
      topology: replaced('topology', 'kubeContext: corps-primary', `kubeContext: '${INJECTED}'`).replace('endpoint: https://audit.xjbt.gov.cn/ingest', "endpoint: 'https://audit.xjbt.gov.cn/%{ if true }x%{ endif }'"),
    });
    const out = path.join(tmpRoot, 'inject-out');
    const synth = await runBuilt(['synth', '--env', env, '--out', out], tmpRoot);
    expect(synth.code, synth.stderr).toBe(0);
    const primary = fs.readFileSync(path.join(out, 'stacks', 'corps-primary', 'cdk.tf.json'), 'utf8');
    expect(primary).toContain('$${file(\\"~/.kube/config\\")}');
    expect(primary).not.toMatch(/[^$]\$\{file\(/);
    expect(primary).toContain('%%{ if true }');
    const clean = await runBuilt(['check', '--env', env, '--synth', out, '--rules', 'CFG-003', '--format', 'json'], tmpRoot);
    expect(ruleIds(clean.stdout)).toEqual([]);

    // The same function call written into a resource of the output.
    const file = path.join(out, 'stacks', 'div-8', 'cdk.tf.json');
    const text = fs.readFileSync(file, 'utf8');
    const edited = text.replace(/"image": "([^"]+)"/, '"image": "${file(\\"/etc/passwd\\")}"');
    expect(edited).not.toBe(text);
    fs.writeFileSync(file, edited);
    const run = await runBuilt(['check', '--env', env, '--synth', out, '--rules', 'CFG-003', '--format', 'json'], tmpRoot);
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as Json).findings;
    expect(findings).toEqual([expect.objectContaining({ ruleId: 'CFG-003', severity: 'critical', stack: 'div-8' })]);
    expect(findings[0].message).toMatch(/spec\.template\.spec\.container\[0\]\.image/);

    // Unescaped in the provider block, where Terraform evaluates the kubeContext.
    const providerFile = path.join(out, 'stacks', 'corps-primary', 'cdk.tf.json');
    fs.writeFileSync(providerFile, primary.replace('$${file(', '${file('));
    const provider = await runBuilt(['check', '--env', env, '--synth', out, '--rules', 'CFG-003', '--format', 'json'], tmpRoot);
    const messages = (JSON.parse(provider.stdout) as Json).findings.filter((f) => f.stack === 'corps-primary').map((f) => f.message);
    expect(messages).toEqual([expect.stringMatching(/provider\.kubernetes\[0\]\.config_context holds a Terraform template/)]);
  });
});
