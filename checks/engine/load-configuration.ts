/**
 * `loadConfiguration(source, cwd)`: the Terraform configuration to check, from a cdktf output
 * folder (`--synth`), a `terraform show -json` plan (`--plan`) or a folder of `.tf` HCL (`--tf`).
 * Every file is read as data: nothing is evaluated or executed.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../model/errors';
import type { ConfigurationSource, Resource } from './types';
import { displayPath, listDir, readText } from './normalize/files';
import { normalizeHcl } from './normalize/hcl';
import { parseJsonText } from './normalize/json-text';
import { normalizePlan } from './normalize/plan';
import { normalizeTerraformJson } from './normalize/terraform-json';

function readTerraformJson(file: string, stack: string, cwd: string): Resource[] {
  const shown = displayPath(file, cwd);
  const text = readText(file, cwd);
  const doc = parseJsonText(text, shown);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new InputError([{ file: shown, path: '', message: 'not a Terraform JSON configuration: expected an object' }]);
  }
  return normalizeTerraformJson(doc, stack, shown, text);
}

/** cdktf output: `DIR/stacks/<stack>/cdk.tf.json` (stack = folder name), else `DIR/*.tf.json`. */
export function loadSynthDir(dir: string, cwd: string): Resource[] {
  const entries = listDir(dir, cwd);
  const stacksDir = path.join(dir, 'stacks');
  const out: Resource[] = [];
  if (entries.some((e) => e.isDirectory() && e.name === 'stacks')) {
    let found = 0;
    for (const e of listDir(stacksDir, cwd)) {
      const file = path.join(stacksDir, e.name, 'cdk.tf.json');
      if (e.isDirectory() && fs.existsSync(path.resolve(cwd, file))) {
        found++;
        out.push(...readTerraformJson(file, e.name, cwd));
      }
    }
    if (found === 0) throw new InputError([{ file: displayPath(stacksDir, cwd), message: 'no stacks/<stack>/cdk.tf.json here: was the synth complete?' }]);
    return out;
  }
  const jsonFiles = entries.filter((e) => e.isFile() && e.name.endsWith('.tf.json'));
  if (jsonFiles.length === 0) {
    throw new InputError([{ file: displayPath(dir, cwd), message: 'no stacks/<stack>/cdk.tf.json and no *.tf.json here: is this a cdktf output folder (cdktf.out)?' }]);
  }
  const stack = path.basename(path.resolve(cwd, dir));
  for (const e of jsonFiles) out.push(...readTerraformJson(path.join(dir, e.name), stack, cwd));
  return out;
}

/** `terraform show -json` output; stack = the file's base name without extensions. */
export function loadPlanFile(file: string, cwd: string): Resource[] {
  const shown = displayPath(file, cwd);
  const doc = parseJsonText(readText(file, cwd), shown);
  const stack = path.basename(file).replace(/\..*$/, '') || 'plan';
  return normalizePlan(doc, stack, shown);
}

/** A folder of `.tf` (HCL) and `.tf.json` files; stack = folder name. Problems of every file are reported together. */
export async function loadTfDir(dir: string, cwd: string): Promise<Resource[]> {
  const entries = listDir(dir, cwd).filter((e) => e.isFile() && (e.name.endsWith('.tf') || e.name.endsWith('.tf.json')));
  if (entries.length === 0) throw new InputError([{ file: displayPath(dir, cwd), message: 'no .tf files here' }]);
  const stack = path.basename(path.resolve(cwd, dir));
  const out: Resource[] = [];
  const problems: InputError['problems'][number][] = [];
  for (const e of entries) {
    const file = path.join(dir, e.name);
    try {
      if (e.name.endsWith('.tf.json')) out.push(...readTerraformJson(file, stack, cwd));
      else out.push(...(await normalizeHcl(readText(file, cwd), stack, displayPath(file, cwd))));
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}

export async function loadConfiguration(source: ConfigurationSource, cwd: string): Promise<Resource[]> {
  switch (source.kind) {
    case 'synth':
      return loadSynthDir(source.dir, cwd);
    case 'plan':
      return loadPlanFile(source.file, cwd);
    case 'tf':
      return loadTfDir(source.dir, cwd);
    case 'none':
      return [];
  }
}
