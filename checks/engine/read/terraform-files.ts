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
import { NO_KEY_LINES, scanJsonKeys, type DuplicateKey, type JsonKeyLines } from '../normalize/json-keys';
import { isMap } from './literal';
import { isTerraformConfigFile } from '../../core/synth-record';

export interface ConfigFile {
  /** As shown in findings: relative to cwd, POSIX separators. */
  readonly file: string;
  readonly text: string;
  readonly format: 'hcl' | 'json';
  /** An override file (isOverrideFileName): Terraform merges it into the blocks it names. */
  readonly override: boolean;
  /** The Terraform JSON document. */
  readonly doc: Readonly<Record<string, unknown>>;
  readonly shadowed: readonly ShadowedBlock[];
  readonly duplicateKeys: readonly DuplicateKey[];
  /** JSON: the lines of its resource and module keys (found by the same pass as the duplicate keys); HCL: none. */
  readonly keyLines: JsonKeyLines;
  /** Whether it may hold a `dynamic` block: a `dynamic` key (JSON), the word (HCL). Others skip the expansion walk. */
  readonly mayHaveDynamicBlocks: boolean;
}

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
  const text = readText(file, cwd);
  const override = isOverrideFileName(path.basename(file));
  if (file.endsWith('.tf.json')) {
    const doc = parseJsonText(text, shown);
    if (!isMap(doc)) throw new InputError([{ file: shown, path: '', message: 'not a Terraform JSON configuration: expected an object' }]);
    const scan = scanJsonKeys(text);
    return { file: shown, text, format: 'json', override, doc, shadowed: [], duplicateKeys: scan.duplicateKeys, keyLines: scan.lines, mayHaveDynamicBlocks: scan.hasDynamicKey };
  }
  const doc = await parseHcl(text, shown);
  return { file: shown, text, format: 'hcl', override, doc, shadowed: findShadowedBlocks(text), duplicateKeys: [], keyLines: NO_KEY_LINES, mayHaveDynamicBlocks: text.includes('dynamic') };
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
