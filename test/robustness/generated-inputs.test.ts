/**
 * Bad inputs that are generated rather than committed: a document over the size limit, an
 * unreadable file and an unreadable folder (chmod 000). Through the built CLI.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { MAX_DOCUMENT_BYTES } from '../../checks/core/yaml';
import { MINI_ENV_DIR } from '../helpers/mini-env';
import { crashSigns, runBuilt } from './support/built-cli';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-generated-'));
afterAll(() => {
  for (const d of fs.readdirSync(tmpRoot)) fs.chmodSync(path.join(tmpRoot, d), 0o755);
  fs.rmSync(tmpRoot, { recursive: true, force: true });
});

function miniCopy(name: string): string {
  const dir = path.join(tmpRoot, name);
  fs.mkdirSync(dir);
  for (const d of DOCUMENT_NAMES) fs.copyFileSync(path.join(MINI_ENV_DIR, `${d}.yaml`), path.join(dir, `${d}.yaml`));
  return dir;
}

/** Whether chmod 000 stops this process from reading (not when running as root, as CI does). */
function permissionsApply(dir: string): boolean {
  try {
    fs.readdirSync(dir);
    return false;
  } catch {
    return true;
  }
}

describe('generated bad inputs', () => {
  it('a document over the size limit is refused before it is read, naming the file and the limit', async () => {
    const dir = miniCopy('huge');
    // Valid YAML (one long comment), so only the size can be the problem.
    fs.writeFileSync(path.join(dir, 'policy.yaml'), `# ${'x'.repeat(MAX_DOCUMENT_BYTES)}\nfailOn: high\n`);
    const run = await runBuilt(['validate', '--env', 'huge'], tmpRoot);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^huge/policy\\.yaml: file is too large \\(\\d+ bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes`, 'm'));
    expect(crashSigns(run.stderr)).toEqual([]);
  });

  it('a document just under the limit is read (the limit is not off by one)', async () => {
    const dir = miniCopy('almost');
    const body = 'failOn: high\n';
    fs.writeFileSync(path.join(dir, 'policy.yaml'), `# ${'x'.repeat(MAX_DOCUMENT_BYTES - body.length - 3)}\n${body}`);
    expect(fs.statSync(path.join(dir, 'policy.yaml')).size).toBe(MAX_DOCUMENT_BYTES);
    const run = await runBuilt(['validate', '--env', 'almost'], tmpRoot);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('an unreadable environment folder: a clear error naming each file, or (as root) a normal run', async () => {
    const dir = miniCopy('locked');
    fs.chmodSync(dir, 0o000);
    const enforced = permissionsApply(dir);
    const run = await runBuilt(['validate', '--env', 'locked'], tmpRoot);
    fs.chmodSync(dir, 0o755);
    expect(crashSigns(run.stderr + run.stdout)).toEqual([]);
    if (enforced) {
      expect(run.code).toBe(2);
      for (const d of DOCUMENT_NAMES) expect(run.stderr).toMatch(new RegExp(`^locked/${d}\\.yaml: cannot read file \\(permission denied`, 'm'));
    } else {
      // root reads through chmod 000: the environment is simply valid.
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('environment locked: valid');
    }
  });

  it('an unreadable document: a clear error naming it, or (as root) a normal run', async () => {
    const dir = miniCopy('locked-file');
    const file = path.join(dir, 'inventory.yaml');
    fs.chmodSync(file, 0o000);
    let enforced = true;
    try {
      fs.readFileSync(file);
      enforced = false;
    } catch {
      /* permissions apply */
    }
    const run = await runBuilt(['validate', '--env', 'locked-file'], tmpRoot);
    fs.chmodSync(file, 0o644);
    expect(crashSigns(run.stderr + run.stdout)).toEqual([]);
    if (enforced) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^locked-file\/inventory\.yaml: cannot read file \(EACCES\)/m);
    } else {
      expect(run.code).toBe(0);
    }
  });

  it('an unreadable --tf folder is bad input, not a crash', async () => {
    const dir = path.join(tmpRoot, 'tf-locked');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'main.tf'), 'resource "kubernetes_namespace_v1" "ns" {\n  metadata {\n    name = "ns"\n  }\n}\n');
    miniCopy('env-for-tf');
    fs.chmodSync(dir, 0o000);
    const enforced = permissionsApply(dir);
    const run = await runBuilt(['check', '--env', 'env-for-tf', '--tf', 'tf-locked', '--rules', 'K8S-020', '--as-of', '2018-07-01'], tmpRoot);
    fs.chmodSync(dir, 0o755);
    expect(crashSigns(run.stderr + run.stdout)).toEqual([]);
    if (enforced) {
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^tf-locked/m);
    } else {
      expect(run.code).toBe(0);
    }
  });

  it('a .tf linked in from a shared folder is checked, not skipped; a broken link is bad input', async () => {
    const root = path.join(tmpRoot, 'links');
    fs.mkdirSync(path.join(root, 'shared'), { recursive: true });
    fs.mkdirSync(path.join(root, 'tf'));
    fs.writeFileSync(path.join(root, 'shared', 'pod.tf'), 'resource "kubernetes_pod" "p" {\n  metadata {\n    name      = "p"\n    namespace = "default"\n  }\n}\n');
    fs.symlinkSync(path.join('..', 'shared', 'pod.tf'), path.join(root, 'tf', 'pod.tf'));
    miniCopy('env-for-links');
    const args = ['check', '--env', 'env-for-links', '--tf', 'links/tf', '--rules', 'K8S-020', '--as-of', '2018-07-01', '--format', 'json'];
    const linked = await runBuilt(args, tmpRoot);
    expect(linked.stderr).toBe('');
    const findings = (JSON.parse(linked.stdout) as { findings: { ruleId: string; address: string }[] }).findings;
    expect(findings.map((f) => [f.ruleId, f.address])).toEqual([['K8S-020', 'kubernetes_pod.p']]);

    fs.symlinkSync(path.join('..', 'shared', 'gone.tf'), path.join(root, 'tf', 'gone.tf'));
    const broken = await runBuilt(args, tmpRoot);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^links\/tf\/gone\.tf: broken symbolic link/m);
    expect(crashSigns(broken.stderr)).toEqual([]);
  });
});
