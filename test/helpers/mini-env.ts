/**
 * The small base environment of the rule fixtures (test/fixtures/envs/mini/), as texts, as parsed
 * data, and loaded (optionally after a patch) through the real loader pipeline.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CORE_SCHEMA, dump } from 'js-yaml';
import { PACKAGE_ROOT } from '../../checks/core/version';
import type { DocumentName, Environment } from '../../checks/core/types';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { environmentFromDocuments } from '../../checks/core/load';
import type { DocumentSource } from '../../checks/core/load';
import { parseYaml } from '../../checks/core/yaml';
import { applyPatch } from './patch';
import type { PatchOp } from './patch';

export const MINI_ENV_DIR = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'envs', 'mini');

/** Relative to the package root, POSIX: how files are named in problems and findings. */
function rel(p: string): string {
  return path.relative(PACKAGE_ROOT, p).split(path.sep).join('/');
}

export function miniTexts(): Record<DocumentName, DocumentSource> {
  const out = {} as Record<DocumentName, DocumentSource>;
  for (const doc of DOCUMENT_NAMES) {
    const file = path.join(MINI_ENV_DIR, `${doc}.yaml`);
    out[doc] = { file: rel(file), text: fs.readFileSync(file, 'utf8') };
  }
  return out;
}

/** Parsed (unvalidated) data of the mini documents; fresh copies on every call. */
export function miniData(): Record<DocumentName, unknown> {
  const out = {} as Record<DocumentName, unknown>;
  for (const [doc, src] of Object.entries(miniTexts()) as [DocumentName, DocumentSource][]) {
    const parsed = parseYaml(src.text, src.file);
    if (parsed.value === undefined) throw new Error(`mini environment: ${parsed.problems.map((p) => p.message).join('; ')}`);
    out[doc] = parsed.value;
  }
  return out;
}

/** Serializes documents back to YAML (core schema: round-trips through the loader unchanged). */
export function toSources(data: Record<DocumentName, unknown>, fileOf: (doc: DocumentName) => string): Record<DocumentName, DocumentSource> {
  const out = {} as Record<DocumentName, DocumentSource>;
  for (const doc of DOCUMENT_NAMES) out[doc] = { file: fileOf(doc), text: dump(data[doc], { schema: CORE_SCHEMA, lineWidth: -1 }) };
  return out;
}

/** The mini environment, loaded as-is from its files. */
export function loadMiniEnv(): Environment {
  return environmentFromDocuments('mini', MINI_ENV_DIR, miniTexts());
}

/**
 * The mini environment after `ops`, loaded through the full pipeline (schema, cross-references),
 * so a patch that makes the input invalid fails here like real input would (InputError).
 */
export function loadPatchedMiniEnv(ops: readonly PatchOp[], label = 'mini+patch'): Environment {
  if (ops.length === 0) return loadMiniEnv();
  const data = applyPatch(miniData(), ops);
  return environmentFromDocuments('mini', MINI_ENV_DIR, toSources(data, (doc) => `${label}/${doc}.yaml`));
}
