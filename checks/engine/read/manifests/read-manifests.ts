/**
 * `btyun check --manifests PATH`: Kubernetes manifests — a file or a folder (every `.yaml`, `.yml`
 * and `.json` in it and its sub-folders, sorted), YAML or JSON, several documents per file (`---`),
 * `kind: List` as `kubectl get -o yaml` prints it, `helm template` output (its `# Source:` comments
 * name the template in problems) — read into the same Resource model as Terraform (to-terraform.ts), so every rule judges
 * them unchanged.
 *
 * Read safely: each document through the project's YAML reader (checks/core/yaml.ts: YAML 1.2 core
 * schema, no tags, unique keys, an alias budget, no `__proto__`), every file stat'ed first (regular
 * files only) and held to the YAML size limit. What cannot be read is bad input (exit 2) naming
 * file, line and path; nothing is skipped silently (a document that is empty or only comments, as
 * helm prints them, holds nothing to skip).
 *
 * Each object becomes one resource: type `kubernetes_<kind>_v1`; address `<Kind>/<namespace>/<name>
 * (document N)` (`<Kind>/<name> (…)` for cluster-scoped kinds; the namespace `default` when none is
 * written; `document N item M` inside a List; N is 1-based in its file) — the address is what every
 * output prints, so the document index is in each finding, beside its file and line (the line of
 * the object's `kind:`). No `constructPath`: that marks synthesized cdktf output
 * (finding-location.ts). The stack is the base name of PATH (without extension), as for `--tf`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, type InputProblem } from '../../../core/errors';
import { childPointer } from '../../../core/pointer';
import { parseYaml, type PlainValue } from '../../../core/yaml';
import { displayPath, listDir, readText } from '../../normalize/files';
import { canonicalKind, makeResource } from '../../normalize/resource';
import { CLUSTER_SCOPED_KINDS } from '../../resource-index';
import type { ConfigurationProblem, Resource } from '../../types';
import { terraformBody, terraformTypeOf } from './to-terraform';

const MANIFEST_FILE = /\.(ya?ml|json)$/i;
/** Folder nesting read under PATH (`helm template --output-dir` writes chart/templates/…). */
const MAX_FOLDER_DEPTH = 16;

export interface ManifestDocument {
  /** 1-based index of the document in its file. */
  readonly index: number;
  /** 1-based line where the document's text starts. */
  readonly firstLine: number;
  readonly text: string;
  /** The `# Source: …` comment `helm template` writes above each document. */
  readonly helmSource?: string;
}

/**
 * The documents of a multi-document YAML stream. A line `---` (optionally followed by a space and
 * more) or `...` at column 0 is always a document marker in YAML, so splitting on them is exact.
 * Documents holding only comments and blank lines are dropped (they hold no object).
 */
export function splitDocuments(text: string): ManifestDocument[] {
  const lines = text.split('\n');
  const out: ManifestDocument[] = [];
  let start = 0;
  let index = 0;
  /** A `...` just ended a document: a `---` right after it starts the next one, not an empty one. */
  let ended = false;
  const flush = (end: number) => {
    const chunk = lines.slice(start, end);
    index++;
    const content = chunk.filter((l) => l.trim() !== '' && !/^\s*#/.test(l) && !/^%/.test(l));
    if (content.length > 0) {
      const source = chunk.map((l) => /^#\s*Source:\s*(.+?)\s*$/.exec(l)?.[1]).find((s) => s !== undefined);
      out.push({ index, firstLine: start + 1, text: chunk.join('\n'), ...(source ? { helmSource: source } : {}) });
    }
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i].replace(/\r$/, '');
    if (l === '---' || l.startsWith('--- ') || l.startsWith('---\t') || l === '...') {
      if ((i > start || index > 0) && !(ended && i === start)) flush(i);
      ended = l === '...';
      // `--- {a: 1}`: content on the marker line belongs to the next document
      lines[i] = l.startsWith('--- ') ? `    ${l.slice(4)}` : '';
      start = i;
      if (l === '...') start = i + 1;
    }
  }
  flush(lines.length);
  // Index documents as people count them: the n-th document in the file, markers or not.
  return out;
}

type Obj = { readonly [k: string]: PlainValue };

function isObj(v: PlainValue | undefined): v is Obj {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

interface ReadContext {
  readonly file: string;
  readonly stack: string;
  readonly resources: Resource[];
  readonly problems: InputProblem[];
}

function objectResource(obj: Obj, where: { line: number; pointer: string; label: string; document: string }, rc: ReadContext): void {
  const kind = obj.kind;
  const problem = (message: string) => rc.problems.push({ file: rc.file, line: where.line, path: where.pointer || '/', message: `${where.label}: ${message}` });
  if (typeof kind !== 'string' || kind === '') return void problem('not a Kubernetes object (no kind)');
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : undefined;
  if (apiVersion === undefined) return void problem(`${kind} has no apiVersion`);
  const meta = obj.metadata;
  if (!isObj(meta) || typeof meta.name !== 'string' || meta.name === '') return void problem(`${kind} has no metadata.name (generateName is not read: name the object)`);
  const type = terraformTypeOf(kind, apiVersion);
  const clusterScoped = CLUSTER_SCOPED_KINDS.has(canonicalKind(type));
  const ns = typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
  const address = `${clusterScoped ? `${kind}/${meta.name}` : `${kind}/${ns}/${meta.name}`} (${where.document})`;
  const r = makeResource({ type, name: meta.name, body: terraformBody(obj, kind), stack: rc.stack, file: rc.file, line: where.line });
  // The address people see is the Kubernetes one, not `TYPE.NAME`.
  rc.resources.push(Object.freeze({ ...r, address }));
}

function readDocument(doc: ManifestDocument, rc: ReadContext): void {
  const parsed = parseYaml(doc.text, rc.file);
  const shift = doc.firstLine - 1;
  if (parsed.value === undefined) {
    for (const p of parsed.problems) rc.problems.push({ ...p, ...(p.line !== undefined ? { line: p.line + shift } : {}), message: `document ${doc.index}: ${p.message}` });
    return;
  }
  // An object's line is the line of its `kind:` (helm's comments above the object are not it).
  const lineOf = (pointer: string) => (parsed.positions.get(`${pointer}/kind`)?.line ?? parsed.positions.get(pointer)?.line ?? 1) + shift;
  const helm = doc.helmSource ? ` (helm: ${doc.helmSource})` : '';
  const value = parsed.value;
  if (isObj(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items)) {
    value.items.forEach((item, i) => {
      const pointer = childPointer('/items', i);
      const document = `document ${doc.index} item ${i + 1}`;
      const label = `${document}${helm}`;
      if (!isObj(item)) rc.problems.push({ file: rc.file, line: lineOf(pointer), path: pointer, message: `${label}: not a Kubernetes object` });
      else objectResource(item, { line: lineOf(pointer), pointer, label, document }, rc);
    });
    return;
  }
  if (!isObj(value)) {
    rc.problems.push({ file: rc.file, line: lineOf(""), message: `document ${doc.index}${helm}: not a Kubernetes object (a map with apiVersion, kind, metadata)` });
    return;
  }
  objectResource(value, { line: lineOf(''), pointer: '', label: `document ${doc.index}${helm}`, document: `document ${doc.index}` }, rc);
}

/** Every manifest file under a folder, sorted, sub-folders included. */
function manifestFiles(dir: string, cwd: string, depth = 0): string[] {
  if (depth > MAX_FOLDER_DEPTH) throw new InputError([{ file: displayPath(dir, cwd), message: `folders are nested too deeply (limit ${MAX_FOLDER_DEPTH} levels; a symbolic link loop?)` }]);
  const out: string[] = [];
  for (const e of listDir(dir, cwd)) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...manifestFiles(p, cwd, depth + 1));
    else if (MANIFEST_FILE.test(e.name)) out.push(p);
  }
  return out;
}

export interface LoadedManifests {
  resources: Resource[];
  problems: ConfigurationProblem[];
}

/** The objects of every manifest at `target` (a file or a folder). Bad input throws InputError with every problem. */
export function loadManifests(target: string, cwd: string): LoadedManifests {
  const abs = path.resolve(cwd, target);
  let isDir = false;
  try {
    isDir = fs.statSync(abs).isDirectory();
  } catch {
    throw new InputError([{ file: displayPath(target, cwd), message: 'no such file or directory' }]);
  }
  const files = isDir ? manifestFiles(target, cwd) : [target];
  if (files.length === 0) throw new InputError([{ file: displayPath(target, cwd), message: 'no .yaml, .yml or .json manifests here' }]);
  const stack = path.basename(abs).replace(/\.(ya?ml|json)$/i, '') || 'manifests';
  const rc: ReadContext & { file: string } = { file: '', stack, resources: [], problems: [] };
  for (const f of files) {
    const file = displayPath(f, cwd);
    let text: string;
    try {
      text = readText(f, cwd, 'yaml');
    } catch (e) {
      if (e instanceof InputError) {
        rc.problems.push(...e.problems);
        continue;
      }
      throw e;
    }
    const docs = splitDocuments(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    for (const d of docs) readDocument(d, { ...rc, file });
  }
  if (rc.problems.length > 0) throw new InputError(rc.problems);
  if (rc.resources.length === 0) throw new InputError([{ file: displayPath(target, cwd), message: 'no Kubernetes object in these manifests' }]);
  return { resources: rc.resources, problems: [] };
}
