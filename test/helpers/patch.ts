/**
 * RFC 6902-style edits (add / replace / remove; `/-` appends) on the parsed environment
 * documents, as used by rule fixtures' `patch.yaml`. Pure: returns new data, never edits its input.
 */
import type { DocumentName } from '../../checks/core/types';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { splitPointer } from '../../checks/core/pointer';

export interface PatchOp {
  op: 'add' | 'replace' | 'remove';
  doc: DocumentName;
  path: string;
  value?: unknown;
}

type Container = Record<string, unknown> | unknown[];

/** Checks the shape of a patch list read from YAML; throws with the index of the bad entry. */
export function asPatchOps(raw: unknown, source: string): PatchOp[] {
  if (!Array.isArray(raw)) throw new Error(`${source}: a patch is a list of { op, doc, path, value } entries`);
  return raw.map((entry, i) => {
    const e = entry as Record<string, unknown>;
    const where = `${source}: entry ${i}`;
    if (e === null || typeof e !== 'object' || Array.isArray(e)) throw new Error(`${where}: must be a map`);
    for (const k of Object.keys(e)) if (!['op', 'doc', 'path', 'value'].includes(k)) throw new Error(`${where}: unknown field '${k}'`);
    if (e.op !== 'add' && e.op !== 'replace' && e.op !== 'remove') throw new Error(`${where}: op must be add, replace or remove`);
    if (!DOCUMENT_NAMES.includes(e.doc as DocumentName)) throw new Error(`${where}: doc must be one of ${DOCUMENT_NAMES.join(', ')}`);
    if (typeof e.path !== 'string' || !e.path.startsWith('/')) throw new Error(`${where}: path must be a JSON pointer starting with '/'`);
    if (e.op !== 'remove' && !('value' in e)) throw new Error(`${where}: ${String(e.op)} needs a value`);
    return { op: e.op, doc: e.doc as DocumentName, path: e.path, value: e.value };
  });
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function index(list: unknown[], token: string, path: string, allowEnd: boolean): number {
  if (token === '-' && allowEnd) return list.length;
  if (!/^(0|[1-9][0-9]*)$/.test(token)) throw new Error(`${path}: '${token}' is not a list index`);
  const i = Number(token);
  if (i > list.length || (!allowEnd && i === list.length)) throw new Error(`${path}: index ${i} is out of range (length ${list.length})`);
  return i;
}

/** Applies one operation to `root` (mutating it); `root` must be a container. */
function applyOne(root: unknown, op: PatchOp): void {
  const tokens = splitPointer(op.path);
  if (tokens.length === 0) throw new Error(`${op.doc}${op.path}: cannot ${op.op} the whole document`);
  let parent: unknown = root;
  for (const t of tokens.slice(0, -1)) {
    if (Array.isArray(parent)) parent = parent[index(parent, t, op.path, false)];
    else if (parent !== null && typeof parent === 'object' && Object.prototype.hasOwnProperty.call(parent, t)) parent = (parent as Record<string, unknown>)[t];
    else throw new Error(`${op.doc}${op.path}: '${t}' does not exist`);
  }
  if (parent === null || typeof parent !== 'object') throw new Error(`${op.doc}${op.path}: parent is not a map or list`);
  const last = tokens[tokens.length - 1];
  const container = parent as Container;
  if (Array.isArray(container)) {
    const i = index(container, last, op.path, op.op === 'add');
    if (op.op === 'add') container.splice(i, 0, clone(op.value));
    else if (op.op === 'replace') container[i] = clone(op.value);
    else container.splice(i, 1);
    return;
  }
  const exists = Object.prototype.hasOwnProperty.call(container, last);
  if (op.op !== 'add' && !exists) throw new Error(`${op.doc}${op.path}: '${last}' does not exist (use add)`);
  if (op.op === 'remove') delete container[last];
  else Object.defineProperty(container, last, { value: clone(op.value), enumerable: true, writable: true, configurable: true });
}

/** Applies `ops` in order to copies of the documents. */
export function applyPatch(docs: Readonly<Record<DocumentName, unknown>>, ops: readonly PatchOp[]): Record<DocumentName, unknown> {
  const out = clone(docs) as Record<DocumentName, unknown>;
  for (const op of ops) applyOne(out[op.doc], op);
  return out;
}
