/**
 * `loadEnvironment(ref)`: safe YAML → schema (ajv) → cross-references → policy defaults → a
 * deep-frozen `Environment`. Every problem of every file is collected before one InputError is
 * thrown, so a user fixes everything in one round.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { PACKAGE_ROOT, VERSION } from './version';
import { InputError } from './errors';
import type { InputProblem } from './errors';
import type { DocumentName, Environment, Inventory, MigrationPlan, Networks, Policy } from './types';
import { DOCUMENT_NAMES } from './types';
import { decodeYamlBytes, parseYaml } from './yaml';
import { fsReason, readInputBytes } from './input-file';
import { protectInputFolder } from './output-guard';
import type { PlainValue } from './yaml';
import { validateDocument } from './schema';
import { crossReferences } from './crossref';
import { withPolicyDefaults, withTopologyDefaults } from './defaults';
import { deepFreeze } from './freeze';
import { makeLocator } from './locate';
import { printableProblem } from './printable';
import type { PositionMaps } from './locate';

/** The environment used when the CLI gets no --env. */
export const DEFAULT_ENVIRONMENT = 'production';

/** Folder of the shipped environments. */
export const ENVIRONMENTS_DIR = path.join(PACKAGE_ROOT, 'environments');

export interface DocumentSource {
  /** File name as shown to people (relative to cwd, POSIX separators). */
  file: string;
  text: string;
}

function looksLikePath(ref: string): boolean {
  return path.isAbsolute(ref) || ref.includes('/') || ref.includes('\\') || ref === '.' || ref === '..';
}

/** A name under `environments/`, or a folder path (absolute or relative to cwd). */
export function resolveEnvironmentRef(ref: string, cwd: string): { name: string; dir: string } {
  if (ref.trim() === '') throw new InputError([{ file: ref, message: 'environment reference is empty' }]);
  let dir: string;
  if (looksLikePath(ref)) dir = path.resolve(cwd, ref);
  else {
    const shipped = path.join(ENVIRONMENTS_DIR, ref);
    const local = path.resolve(cwd, ref);
    dir = !isDirectory(shipped) && isDirectory(local) ? local : shipped;
  }
  return { name: path.basename(dir), dir };
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Path relative to cwd with POSIX separators, as files are shown to people. */
export function displayPath(p: string, cwd: string): string {
  const rel = path.relative(cwd, p);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}

export function loadEnvironment(ref: string = DEFAULT_ENVIRONMENT, opts: { cwd?: string } = {}): Environment {
  const cwd = opts.cwd ?? process.cwd();
  const { name, dir } = resolveEnvironmentRef(ref, cwd);
  if (!isDirectory(dir)) {
    const shown = path.isAbsolute(ref) ? ref : looksLikePath(ref) ? displayPath(dir, cwd) : `${ref} (looked in ${displayPath(dir, cwd)})`;
    throw new InputError([{ file: shown, message: 'environment folder not found' }]);
  }
  const problems: InputProblem[] = [];
  const sources: Partial<Record<DocumentName, DocumentSource>> = {};
  for (const doc of DOCUMENT_NAMES) {
    const full = path.join(dir, `${doc}.yaml`);
    const file = displayPath(full, cwd);
    const text = readDocument(full, file, problems);
    if (text !== undefined) sources[doc] = { file, text };
  }
  const files = Object.fromEntries(DOCUMENT_NAMES.map((d) => [d, displayPath(path.join(dir, `${d}.yaml`), cwd)])) as Record<DocumentName, string>;
  // No command writes into an environment it read (checks/core/output-guard.ts).
  protectInputFolder(dir);
  return buildEnvironment(name, dir, files, sources, problems);
}

function readDocument(full: string, file: string, problems: InputProblem[]): string | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(full);
  } catch (e) {
    // An unreadable folder is not a missing file: say which it is.
    const code = (e as NodeJS.ErrnoException).code;
    problems.push({
      file,
      message:
        code === 'EACCES' || code === 'EPERM'
          ? `cannot read file (permission denied, ${code})`
          : code === 'ENOENT'
            ? 'file not found (an environment needs topology, networks, inventory, migration and policy .yaml)'
            : fsReason(e),
    });
    return undefined;
  }
  void stat;
  // Stat'ed again on the descriptor that is read: a regular file only (a FIFO would hang, a
  // device never end), and never more than the limit is loaded into memory.
  const read = readInputBytes(full, file, 'yaml');
  if (read.problem) {
    problems.push(read.problem);
    return undefined;
  }
  const bytes = read.bytes;
  const decoded = decodeYamlBytes(bytes, file);
  if (decoded.problem) problems.push(decoded.problem);
  return decoded.text;
}

/**
 * The environment's fingerprint: one hash of the tool version and every document's text, each
 * framed by its name and length (so that no two different sets of documents hash alike).
 */
export function environmentFingerprint(sources: Readonly<Record<DocumentName, DocumentSource>>): string {
  const hash = createHash('sha256').update(`btyun ${VERSION}\n`);
  for (const doc of DOCUMENT_NAMES) {
    const text = sources[doc].text;
    hash.update(`${doc} ${Buffer.byteLength(text)}\n`).update(text).update('\n');
  }
  return `sha256:${hash.digest('hex')}`;
}

/** The same pipeline as `loadEnvironment`, from texts in memory (tests, the rule-fixture runner). */
export function environmentFromDocuments(name: string, dir: string, docs: Record<DocumentName, DocumentSource>): Environment {
  const files = Object.fromEntries(DOCUMENT_NAMES.map((d) => [d, docs[d].file])) as Record<DocumentName, string>;
  return buildEnvironment(name, dir, files, docs, []);
}

function buildEnvironment(
  name: string,
  dir: string,
  files: Record<DocumentName, string>,
  sources: Partial<Record<DocumentName, DocumentSource>>,
  problems: InputProblem[],
): Environment {
  const positions: PositionMaps = {};
  const locate = makeLocator(positions);
  const data: Partial<Record<DocumentName, PlainValue>> = {};
  for (const doc of DOCUMENT_NAMES) {
    const src = sources[doc];
    if (!src) continue;
    const parsed = parseYaml(src.text, src.file);
    positions[doc] = parsed.positions;
    if (parsed.problems.length > 0 || parsed.value === undefined) {
      // parseYaml's messages never quote the source (a line may hold a secret).
      problems.push(...parsed.problems);
      continue;
    }
    const schemaProblems = validateDocument(doc, parsed.value, src.file, (p) => locate(doc, p));
    if (schemaProblems.length > 0) problems.push(...schemaProblems);
    else data[doc] = parsed.value;
  }
  if (problems.length > 0) throw new InputError(problems.map(printableProblem));

  const topology = withTopologyDefaults(data.topology as unknown as Parameters<typeof withTopologyDefaults>[0]);
  const networks = data.networks as unknown as Networks;
  const inventory = data.inventory as unknown as Inventory;
  const migration = data.migration as unknown as MigrationPlan;
  const refProblems = crossReferences({ topology, networks, inventory, migration, files, locate });
  if (refProblems.length > 0) throw new InputError(refProblems.map(printableProblem));

  const policy: Policy = withPolicyDefaults(data.policy as unknown as Partial<Policy>, topology);
  const fingerprint = environmentFingerprint(sources as Record<DocumentName, DocumentSource>);
  const env: Environment = { name, dir, topology, networks, inventory, migration, policy, files: { ...files }, locate, fingerprint };
  return deepFreeze(env);
}
