/**
 * The fingerprint of the code that synthesizes and judges: the SHA-256 of btyun's own modules
 * (every file of `checks/`, `policies/` and `stacks/` beside this build: the compiled `.js` of dist/,
 * or the `.ts` sources when run from them) and the installed versions of the packages that shape the
 * output (cdktf, the Kubernetes provider bindings, constructs). The package version alone says
 * nothing during development, when rules and constructs change under one version number: the gate
 * trusts an earlier synthesis (reuse-stacks.ts) only when it was made by this very code.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCodePoints } from './order';

/** Packages whose code is part of what a synthesis writes. */
const OUTPUT_PACKAGES = ['cdktf', '@cdktf/provider-kubernetes', 'constructs'];
const CODE_FOLDERS = ['checks', 'policies', 'stacks'];

function filesUnder(dir: string, extension: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch {
      return; // a folder absent from this build
    }
    for (const e of entries) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && e.name.endsWith(extension)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function packageVersion(name: string): string {
  try {
    const file = require.resolve(`${name}/package.json`);
    return String((JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: unknown }).version);
  } catch {
    return 'absent';
  }
}

let memo: string | undefined;

/** `sha256:<hex>` of this build's code (see above); computed once per process. */
export function codeFingerprint(): string {
  if (memo !== undefined) return memo;
  // This file is <root>/checks/core/code-fingerprint.{js,ts}: the root holds the code folders.
  const root = path.resolve(__dirname, '..', '..');
  const extension = path.extname(__filename);
  const hash = createHash('sha256');
  for (const name of OUTPUT_PACKAGES) hash.update(`${name}@${packageVersion(name)}\n`);
  const files = CODE_FOLDERS.flatMap((folder) => filesUnder(path.join(root, folder), extension))
    .map((file) => ({ file, rel: path.relative(root, file).split(path.sep).join('/') }))
    .sort((a, b) => compareCodePoints(a.rel, b.rel));
  for (const { file, rel } of files) {
    const bytes = fs.readFileSync(file);
    hash.update(`${rel}\n${bytes.length}\n`);
    hash.update(bytes);
  }
  memo = `sha256:${hash.digest('hex')}`;
  return memo;
}
