/**
 * The configuration files of one module folder, as Terraform loads them: every `*.tf` (HCL) and
 * `*.tf.json` (JSON) directly in the folder, in name order. Each becomes the Terraform JSON
 * document it stands for (HCL through hcl2json), with what the parse alone would lose recorded
 * beside it: blocks hidden by an argument of the same name (HCL), keys written twice (JSON).
 * Problems of every file are reported together.
 */
import * as path from 'node:path';
import { InputError, type InputProblem } from '../../core/errors';
import { displayPath, listDir, readText } from '../normalize/files';
import { parseHcl } from '../normalize/hcl';
import { parseJsonText } from '../normalize/json-text';
import { findShadowedBlocks, type ShadowedBlock } from './hcl-shadowing';
import type { DuplicateKey, JsonKeyLines } from '../normalize/json-keys';
import { readInputBytes } from '../../core/input-file';
import { rememberFileHash } from '../../core/file-hashes';
import { scanJsonFile } from './json-scan';
import { isMap } from './literal';
import { isTerraformConfigFile } from '../../core/synth-record';

interface ConfigFileBase {
  /** As shown in findings: relative to cwd, POSIX separators. */
  readonly file: string;
  /** An override file (isOverrideFileName): Terraform merges it into the blocks it names. */
  readonly override: boolean;
  /** The Terraform JSON document. */
  readonly doc: Readonly<Record<string, unknown>>;
  readonly shadowed: readonly ShadowedBlock[];
  readonly duplicateKeys: readonly DuplicateKey[];
  /** Whether it may hold a `dynamic` block: a `dynamic` key (JSON), the word (HCL). Others skip the expansion walk. */
  readonly mayHaveDynamicBlocks: boolean;
  /** Whether it holds `var.` anywhere: only such a file may need variables substituted. */
  readonly mentionsVar: boolean;
}

/** A `.tf.json` file: its text is not kept (105 MB of synthesized stacks are scanned as bytes, then dropped). */
export interface JsonConfigFile extends ConfigFileBase {
  readonly format: 'json';
  /** The lines of its resource and module keys (found by the same pass as the duplicate keys). */
  readonly keyLines: JsonKeyLines;
}

/** A `.tf` file, with its text (its lines come from scanning it). */
export interface HclConfigFile extends ConfigFileBase {
  readonly format: 'hcl';
  readonly text: string;
}

export type ConfigFile = JsonConfigFile | HclConfigFile;

/** The files of a folder that Terraform loads (one definition, shared with the synthesis record). */
export const isConfigFileName = isTerraformConfigFile;

/** `override.tf`, `x_override.tf(.json)`: Terraform merges these into the blocks they name instead of adding them. */
export function isOverrideFileName(name: string): boolean {
  return /(^|_)override\.tf(\.json)?$/.test(name);
}

/** Names of the configuration files directly in `dir` (which must exist), sorted. */
export function configFileNames(dir: string, cwd: string): string[] {
  // A FIFO, device or socket with a configuration file's name is kept: reading it refuses it
  // (never a silent skip). A folder named `x.tf` is not a file, as Terraform sees it.
  return listDir(dir, cwd)
    .filter((e) => !e.isDirectory() && isConfigFileName(e.name))
    .map((e) => e.name);
}

async function readOne(file: string, cwd: string): Promise<ConfigFile> {
  const shown = displayPath(file, cwd);
  const override = isOverrideFileName(path.basename(file));
  if (file.endsWith('.tf.json')) {
    const abs = path.resolve(cwd, file);
    const read = readInputBytes(abs, shown, 'json', { shared: true });
    if (read.problem) throw new InputError([read.problem]);
    // The scan runs in a worker thread (when one is there) while this thread parses the same bytes.
    const scanning = scanJsonFile(read.bytes);
    const doc = parseJsonText(read.bytes.toString('utf8'), shown);
    const scan = await scanning;
    if (!isMap(doc)) throw new InputError([{ file: shown, path: '', message: 'not a Terraform JSON configuration: expected an object' }]);
    if (scan.sha256 !== undefined) rememberFileHash(abs, read.stat, scan.sha256);
    return { file: shown, format: 'json', override, doc, shadowed: [], duplicateKeys: scan.duplicateKeys, keyLines: scan.lines, mayHaveDynamicBlocks: scan.hasDynamicKey, mentionsVar: scan.mentionsVar };
  }
  const text = readText(file, cwd);
  const doc = await parseHcl(text, shown);
  return { file: shown, text, format: 'hcl', override, doc, shadowed: findShadowedBlocks(text), duplicateKeys: [], mayHaveDynamicBlocks: text.includes('dynamic'), mentionsVar: text.includes('var.') };
}

/** Every configuration file of the folder, read; bad input of any file is reported for all files at once. */
export async function readConfigFiles(dir: string, cwd: string): Promise<ConfigFile[]> {
  const out: ConfigFile[] = [];
  const problems: InputProblem[] = [];
  for (const name of configFileNames(dir, cwd)) {
    try {
      out.push(await readOne(path.join(dir, name), cwd));
    } catch (err) {
      if (err instanceof InputError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return out;
}
