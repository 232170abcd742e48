/**
 * `loadConfiguration(source, cwd)`: the Terraform configuration to check, from a cdktf output
 * folder (`--synth`), a `terraform show -json` plan (`--plan`) or a folder of `.tf` HCL (`--tf`).
 * Every file is read as data: nothing is evaluated or executed.
 */
import * as path from 'node:path';
import { InputError } from '../core/errors';
import type { ConfigurationProblem, ConfigurationSource, Resource } from './types';
import { displayPath, listDir, readText } from './normalize/files';
import { parseJsonText } from './normalize/json-text';
import { normalizePlan } from './normalize/plan';
import { readRootModule } from './read/module-reader';
import { loadManifests } from './read/manifests/read-manifests';
import { configFileNames, isConfigFileName } from './read/terraform-files';

/** Problems of every stack are reported together, not only the first stack's. */
async function readStacks(stacks: { dir: string; stack: string }[], cwd: string, varFiles: readonly string[]): Promise<LoadedConfiguration> {
  const out: LoadedConfiguration = { resources: [], problems: [] };
  const bad: InputError['problems'][number][] = [];
  for (const s of stacks) {
    try {
      const read = await readRootModule(s.dir, { stack: s.stack, cwd, varFiles });
      out.resources.push(...read.resources);
      out.problems.push(...read.problems);
    } catch (err) {
      if (err instanceof InputError) bad.push(...err.problems);
      else throw err;
    }
  }
  if (bad.length > 0) throw new InputError(bad);
  return out;
}

/**
 * cdktf output: `DIR/stacks/<stack>/` (stack = folder name), else the files of `DIR` itself. A
 * stack folder is a Terraform root module: Terraform loads every `.tf` / `.tf.json` in it, not only
 * cdk.tf.json, so all of them are read (with the local modules they call).
 */
export async function loadSynthDir(dir: string, cwd: string, varFiles: readonly string[] = []): Promise<LoadedConfiguration> {
  const entries = listDir(dir, cwd);
  const stacksDir = path.join(dir, 'stacks');
  if (entries.some((e) => e.isDirectory() && e.name === 'stacks')) {
    const stacks = listDir(stacksDir, cwd)
      .filter((e) => e.isDirectory() && configFileNames(path.join(stacksDir, e.name), cwd).length > 0)
      .map((e) => ({ dir: path.join(stacksDir, e.name), stack: e.name }));
    if (stacks.length === 0) throw new InputError([{ file: displayPath(stacksDir, cwd), message: 'no stacks/<stack>/cdk.tf.json here: was the synth complete?' }]);
    return readStacks(stacks, cwd, varFiles);
  }
  if (!entries.some((e) => !e.isDirectory() && isConfigFileName(e.name))) {
    throw new InputError([{ file: displayPath(dir, cwd), message: 'no stacks/<stack>/cdk.tf.json and no *.tf.json here: is this a cdktf output folder (cdktf.out)?' }]);
  }
  return readStacks([{ dir, stack: path.basename(path.resolve(cwd, dir)) }], cwd, varFiles);
}

/** `terraform show -json` output; stack = the file's base name without extensions. */
export function loadPlanFile(file: string, cwd: string): Resource[] {
  const shown = displayPath(file, cwd);
  const doc = parseJsonText(readText(file, cwd, 'json'), shown);
  const stack = path.basename(file).replace(/\..*$/, '') || 'plan';
  return normalizePlan(doc, stack, shown, true);
}

/**
 * A folder of `.tf` (HCL) and `.tf.json` files — a Terraform root module, with its tfvars and the
 * local modules it calls; stack = folder name. Problems of every file are reported together.
 */
export async function loadTfDir(dir: string, cwd: string, varFiles: readonly string[] = []): Promise<LoadedConfiguration> {
  if (configFileNames(dir, cwd).length === 0) throw new InputError([{ file: displayPath(dir, cwd), message: 'no .tf files here' }]);
  return readStacks([{ dir, stack: path.basename(path.resolve(cwd, dir)) }], cwd, varFiles);
}

/** What the readers produced: the resources, and what they could not read or verify (CFG rules report it). */
export interface LoadedConfiguration {
  resources: Resource[];
  problems: ConfigurationProblem[];
}

export async function loadConfiguration(source: ConfigurationSource, cwd: string): Promise<LoadedConfiguration> {
  switch (source.kind) {
    case 'synth':
      return loadSynthDir(source.dir, cwd, source.varFiles);
    case 'plan':
      return { resources: loadPlanFile(source.file, cwd), problems: [] };
    case 'tf':
      return loadTfDir(source.dir, cwd, source.varFiles);
    case 'manifests':
      return loadManifests(source.path, cwd);
    case 'none':
      return { resources: [], problems: [] };
  }
}
