/**
 * Safe YAML → plain data, with the source position of every node.
 *
 * YAML 1.2 core schema only (no timestamps, no `!!binary`, no custom or language tags), unique
 * keys, a small alias budget (no "billion laughs"), a size limit, one document per file. Keys that
 * could reach an object prototype (`__proto__`, `constructor`, `prototype`) are refused. We build the
 * JS value ourselves from the syntax tree (rather than `toJS()`), so that nothing in the input can
 * choose a constructor and every node gets its JSON pointer → line/column entry.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Document, Node as YamlNode } from 'yaml';
import type { InputProblem } from './errors';
import type { SourcePosition } from './types';
import { childPointer } from './pointer';
import { pointerAtOffset } from './yaml-path';

/**
 * Per-document size limit (bytes): a guard against runaway input, sized for a whole corps cloud
 * (an inventory of 2,000 fully filed systems is about 2.8 MB; 10,000 about 14 MB).
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** The limit as people read it. */
export const MAX_DOCUMENT_SIZE_TEXT = `${MAX_DOCUMENT_BYTES / (1024 * 1024)} MiB`;
/** Alias dereferences allowed while building the value (each nested expansion counts). */
export const MAX_ALIAS_COUNT = 100;
/**
 * Nodes that alias expansions may add in total. Counting aliases alone is not enough: a few
 * aliases of one large anchored list multiply a small file into millions of nodes.
 */
export const MAX_ALIAS_EXPANDED_NODES = 10_000;
const ALIAS_BOMB = `too many alias expansions (limit ${MAX_ALIAS_COUNT} aliases, ${MAX_ALIAS_EXPANDED_NODES} expanded nodes); refusing a possible alias bomb`;

/** Nesting depth allowed (the environment documents need fewer than 10 levels). */
export const MAX_DEPTH = 64;
const TOO_DEEP = `document is nested too deeply (limit ${MAX_DEPTH} levels)`;

/** Parser problems that concern one entry of an otherwise well-formed document. */
const PATH_CODES = new Set<string>(['DUPLICATE_KEY', 'TAG_RESOLVE_FAILED']);

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Explicit tags that only restate what the core schema already does. Every other tag is refused. */
const ALLOWED_TAGS = new Set(
  ['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`),
);

export type PlainValue = string | number | boolean | null | PlainValue[] | { [k: string]: PlainValue };

export interface ParsedYaml {
  /** The value, or undefined when there were problems. */
  value: PlainValue | undefined;
  /** JSON pointer → 1-based position. */
  positions: Map<string, SourcePosition>;
  problems: InputProblem[];
}

/** Decodes file bytes: refuses binary content (NUL bytes) and invalid UTF-8; drops a BOM. */
export function decodeYamlBytes(bytes: Uint8Array, file: string): { text?: string; problem?: InputProblem } {
  if (bytes.byteLength > MAX_DOCUMENT_BYTES) {
    return { problem: { file, message: `file is too large (${bytes.byteLength} bytes; the limit is ${MAX_DOCUMENT_BYTES} bytes, ${MAX_DOCUMENT_SIZE_TEXT})` } };
  }
  if (bytes.includes(0)) return { problem: { file, message: 'file is binary (contains NUL bytes), not YAML text' } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { problem: { file, message: 'file is not valid UTF-8 text' } };
  }
}

/** Strips the "at line X, column Y:" tail and the code excerpt yaml appends with prettyErrors. */
function shortMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function fail(problems: InputProblem[], positions: Map<string, SourcePosition>): ParsedYaml {
  return { value: undefined, positions, problems };
}

export function parseYaml(text: string, file: string): ParsedYaml {
  const positions = new Map<string, SourcePosition>();
  const problems: InputProblem[] = [];
  if (Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES) {
    return fail([{ file, message: `document is too large (limit ${MAX_DOCUMENT_BYTES} bytes, ${MAX_DOCUMENT_SIZE_TEXT})` }], positions);
  }
  if (text.includes('\u0000')) return fail([{ file, message: 'file is binary (contains NUL bytes), not YAML text' }], positions);
  if (text.includes('\uFFFD')) return fail([{ file, message: 'file is not valid UTF-8 text (replacement characters found)' }], positions);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, {
      version: '1.2',
      schema: 'core',
      customTags: [],
      // Unique keys are checked by ValueBuilder.map with a Set per map: the parser's own check
      // compares every key with every earlier one (50,000 keys took a minute).
      uniqueKeys: false,
      prettyErrors: true,
      strict: true,
      lineCounter,
    });
  } catch (e) {
    // The parser reports its own errors; anything thrown is still bad input, never a crash.
    return fail([{ file, message: `cannot parse YAML: ${e instanceof Error ? e.message : String(e)}` }], positions);
  }
  const at = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  // Every yaml error and warning (unresolved tag, ...) is a problem: nothing is "probably fine".
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = at(e.pos[0]);
    if (/call stack/i.test(e.message)) {
      // The parser gave up on nesting; one line says so (it would otherwise repeat per level).
      if (!problems.some((p) => p.message === TOO_DEEP)) problems.push({ file, line: pos.line, column: pos.column, message: TOO_DEEP });
      continue;
    }
    // The parser knows the offset only; for problems of one well-formed entry (a duplicate key, a
    // tag) the path in the document is found from it. Syntax errors have no trustworthy path.
    const pointer = PATH_CODES.has(e.code) ? pointerAtOffset(doc, e.pos[0]) : undefined;
    problems.push({ file, line: pos.line, column: pos.column, ...(pointer ? { path: pointer } : {}), message: yamlMessage(e.code, shortMessage(e.message)) });
  }
  // `%YAML 1.1` asks for other meanings (yes = true, 012 = octal 10, <<: merges) than the YAML 1.2
  // core schema we read with: refuse rather than read the document differently from its author.
  const declared = doc.directives?.yaml;
  if (declared?.explicit && declared.version !== '1.2') {
    problems.push({ file, line: 1, column: 1, message: `the document declares %YAML ${declared.version}; only YAML 1.2 is read (remove the directive and check yes/no, octal numbers and << merge keys)` });
  }
  if (problems.length > 0) return fail(problems, positions);
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null && !doc.contents.source)) {
    return fail([{ file, line: 1, column: 1, message: 'document is empty' }], positions);
  }
  const builder = new ValueBuilder(doc, file, at, positions, problems);
  const value = builder.build(doc.contents as YamlNode, '');
  return problems.length > 0 ? fail(problems, positions) : { value, positions, problems };
}

function yamlMessage(code: string, message: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed for indentation (use spaces)';
    case 'DUPLICATE_KEY':
      return 'duplicate key (map keys must be unique)';
    case 'MULTIPLE_DOCS':
      return 'more than one YAML document in the file (one document per file)';
    case 'TAG_RESOLVE_FAILED': {
      // "Unresolved tag: tag:yaml.org,2002:js/function" → tag '!!js/function', as people write it.
      const tag = /^Unresolved tag: (.+)$/.exec(message)?.[1]?.replace('tag:yaml.org,2002:', '!!');
      return tag ? `tag '${tag}' is not allowed (custom and language tags are not allowed)` : `${message} (custom and language tags are not allowed)`;
    }
    default:
      return message;
  }
}

class ValueBuilder {
  private aliasCount = 0;
  /** Nodes built while expanding an alias. */
  private expandedNodes = 0;
  private aliasBudgetReported = false;

  constructor(
    private readonly doc: Document,
    private readonly file: string,
    private readonly at: (offset: number) => SourcePosition,
    private readonly positions: Map<string, SourcePosition>,
    private readonly problems: InputProblem[],
  ) {}

  private problem(offset: number | undefined, pointer: string, message: string): void {
    const pos = offset === undefined ? undefined : this.at(offset);
    this.problems.push({ file: this.file, line: pos?.line, column: pos?.column, path: pointer, message });
  }

  private aliasBomb(offset: number | undefined, pointer: string): null {
    if (!this.aliasBudgetReported) {
      this.problem(offset, pointer, ALIAS_BOMB);
      this.aliasBudgetReported = true;
    }
    return null;
  }

  /**
   * `where` is the offset that names this node for people (the key of a pair, the item itself);
   * `aliasAt`: the node is part of the expansion of the alias at this offset (counted against the
   * expansion budget, and reported there: people see the alias, not the anchored text).
   */
  build(node: YamlNode | null, pointer: string, where?: number, depth = 0, aliasAt?: number): PlainValue {
    const start = where ?? (node?.range ? node.range[0] : undefined);
    if (this.aliasBudgetReported) return null;
    if (aliasAt !== undefined && ++this.expandedNodes > MAX_ALIAS_EXPANDED_NODES) return this.aliasBomb(aliasAt, pointer);
    if (start !== undefined && !this.positions.has(pointer)) this.positions.set(pointer, this.at(start));
    if (node === null) return null;
    if (depth > MAX_DEPTH) {
      if (!this.problems.some((p) => p.message === TOO_DEEP)) this.problem(start, pointer, TOO_DEEP);
      return null;
    }
    if (isAlias(node)) {
      if (++this.aliasCount > MAX_ALIAS_COUNT) return this.aliasBomb(node.range?.[0], pointer);
      const target = node.resolve(this.doc);
      if (!target) {
        this.problem(node.range?.[0], pointer, `unknown alias *${node.source}`);
        return null;
      }
      return this.build(target, pointer, start, depth + 1, aliasAt ?? node.range?.[0]);
    }
    if (node.tag !== undefined && !ALLOWED_TAGS.has(node.tag)) {
      this.problem(node.range?.[0], pointer, `tag '${node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed (only plain YAML 1.2 core data)`);
      return null;
    }
    if (isScalar(node)) return this.scalar(node.value, node.range?.[0], pointer);
    if (isSeq(node)) return node.items.map((item, i) => this.build(item as YamlNode | null, childPointer(pointer, i), undefined, depth + 1, aliasAt));
    if (isMap(node)) return this.map(node.items, pointer, depth, aliasAt);
    this.problem(start, pointer, 'unsupported YAML node');
    return null;
  }

  private scalar(value: unknown, offset: number | undefined, pointer: string): PlainValue {
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) {
        this.problem(offset, pointer, 'numbers must be finite (.inf and .nan are not allowed)');
        return null;
      }
      return value;
    }
    this.problem(offset, pointer, `unsupported scalar of type ${typeof value}`);
    return null;
  }

  private map(items: readonly unknown[], pointer: string, depth: number, aliasAt: number | undefined): PlainValue {
    const out: { [k: string]: PlainValue } = {};
    const seen = new Set<string>();
    for (const pair of items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YamlNode | null;
      const keyOffset = keyNode?.range?.[0];
      if (!isScalar(keyNode) || keyNode.tag !== undefined && !ALLOWED_TAGS.has(keyNode.tag)) {
        this.problem(keyOffset, pointer, 'map keys must be plain scalars');
        continue;
      }
      const key = keyNode.value === null ? '' : String(keyNode.value);
      const child = childPointer(pointer, key);
      if (FORBIDDEN_KEYS.has(key)) {
        this.problem(keyOffset, child, `key '${key}' is not allowed`);
        continue;
      }
      // `1:` and `"1":` are different YAML keys but the same JS key.
      if (seen.has(key)) {
        this.problem(keyOffset, child, 'duplicate key (map keys must be unique)');
        continue;
      }
      seen.add(key);
      // Own data property: never goes through a setter.
      Object.defineProperty(out, key, {
        value: this.build(pair.value as YamlNode | null, child, keyOffset, depth + 1, aliasAt),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
}
