/**
 * Safe YAML → plain data, with the source position of every node.
 *
 * YAML 1.2 core schema only (no timestamps, no `!!binary`, no custom or language tags), unique
 * keys, a small alias budget (no "billion laughs"), a size limit, one document per file. Keys that
 * could reach an object prototype (`__proto__`, `constructor`, `prototype`) are refused.
 *
 * Read with js-yaml's event parser (`parseEvents`: a flat list of events with source offsets, no
 * syntax tree); the value and its JSON pointer → offset map are built from the events by
 * yaml-build.ts. Lines and columns are worked out from the offsets only when a position is asked
 * for (source-positions.ts). (The `yaml` package's parseDocument built a full syntax tree: 1.6 s
 * for the inventory of 2,000 systems, against about 0.15 s here.)
 */
import { EVENT_ID, parseEvents, YAMLException } from 'js-yaml';
import type { DocumentEvent, Event } from 'js-yaml';
import type { InputProblem } from './errors';
import type { SourcePosition } from './types';
import { lineStarts, positionAt } from './line-index';
import { SourcePositions } from './source-positions';
import { unclosedQuoteBefore } from './yaml-quotes';
import { EventBuilder, MAX_DEPTH, TOO_DEEP } from './yaml-build';
import type { PlainValue } from './yaml-build';

export { MAX_ALIAS_COUNT, MAX_ALIAS_EXPANDED_NODES, MAX_DEPTH } from './yaml-build';
export type { PlainValue } from './yaml-build';

/**
 * Per-document size limit (bytes): a guard against runaway input, sized for a whole corps cloud
 * (an inventory of 2,000 fully filed systems is about 2.8 MB; 10,000 about 14 MB).
 */
export const MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
/** The limit as people read it. */
export const MAX_DOCUMENT_SIZE_TEXT = `${MAX_DOCUMENT_BYTES / (1024 * 1024)} MiB`;

export interface ParsedYaml {
  /** The value, or undefined when there were problems. */
  value: PlainValue | undefined;
  /** JSON pointer → 1-based position (worked out on lookup). */
  positions: ReadonlyMap<string, SourcePosition>;
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

const NO_POSITIONS: ReadonlyMap<string, SourcePosition> = new Map();

function fail(problems: InputProblem[], positions: ReadonlyMap<string, SourcePosition> = NO_POSITIONS): ParsedYaml {
  return { value: undefined, positions, problems };
}

/**
 * A parser message for people. js-yaml repeats source text in a few messages (a tag name or a tag
 * handle); the line may hold a secret, so the place stays and the quoted text goes.
 */
function parserMessage(reason: string): string {
  if (reason.startsWith('nesting exceeded maxDepth')) return TOO_DEEP;
  if (reason.startsWith('tab characters must not be used in indentation')) return 'tabs are not allowed for indentation (use spaces)';
  if (reason === 'the stream contains non-printable characters' || reason === 'expected valid JSON character') {
    return 'control character in the text (YAML allows one only as an escape in a double-quoted string, such as \\u0007)';
  }
  if (reason === 'deficient indentation') return 'deficient indentation (a [ … ] or { … } left open, or a continued line not indented enough)';
  // `tag name cannot contain such characters: <tag>`, `undeclared tag handle "<handle>"`, `there is
  // a previously declared suffix for "<handle>" tag handle`: the only messages that quote the source.
  return reason.replace(/^(tag name cannot contain such characters): [\s\S]*$/, '$1').replace(/"[^"\n]*"/g, '(text not shown)');
}

/** Messages of the parser that may mean a quoted scalar was never closed. */
const QUOTE_TROUBLE = /^(deficient indentation|unexpected end of the (stream|document) within a (single|double) quoted scalar)/;

/** A syntax error for people: at the opening quote when a quote was left open, else where the parser stopped. */
function syntaxProblem(text: string, e: YAMLException, problem: (offset: number | undefined, path: undefined, message: string) => InputProblem): InputProblem {
  const at = e.mark?.position;
  if (at !== undefined && QUOTE_TROUBLE.test(e.reason)) {
    const quote = unclosedQuoteBefore(text, at);
    if (quote !== undefined) return problem(quote, undefined, 'missing closing quote (the quoted text runs on to where the parser stopped)');
  }
  return problem(at, undefined, parserMessage(e.reason));
}

/**
 * Where the second document starts: its `---` marker (the second one when the first document has
 * its own), else its first node. The events of a document carry no offset of their own.
 */
function secondDocumentStart(events: readonly Event[], docIndexes: readonly number[], text: string): number | undefined {
  const markers = [...text.matchAll(/^---(?=[ \t\r\n]|$)/gm)].map((m) => m.index);
  const first = events[docIndexes[0]] as DocumentEvent;
  const marker = markers[first.explicitStart ? 1 : 0];
  if (marker !== undefined) return marker;
  const ev = events[docIndexes[1] + 1];
  const offset = ev?.type === EVENT_ID.SCALAR ? ev.valueStart : ev?.type === EVENT_ID.SEQUENCE || ev?.type === EVENT_ID.MAPPING ? ev.start : -1;
  return offset >= 0 ? offset : undefined;
}

function isEmptyDocument(events: readonly Event[], start: number): boolean {
  const ev = events[start];
  return ev.type === EVENT_ID.SCALAR && ev.valueStart === -1 && ev.tagStart === -1 && ev.anchorStart === -1;
}

export function parseYaml(text: string, file: string): ParsedYaml {
  if (Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES) {
    return fail([{ file, message: `document is too large (limit ${MAX_DOCUMENT_BYTES} bytes, ${MAX_DOCUMENT_SIZE_TEXT})` }]);
  }
  if (text.includes('\u0000')) return fail([{ file, message: 'file is binary (contains NUL bytes), not YAML text' }]);
  if (text.includes('\uFFFD')) return fail([{ file, message: 'file is not valid UTF-8 text (replacement characters found)' }]);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // js-yaml reads a lone \r as a line break, editors and our line numbers do not always: refuse it.
  const loneCr = text.indexOf('\r') === -1 ? -1 : text.search(/\r(?!\n)/);

  const starts = lineStarts(text);
  const problem = (offset: number | undefined, path: string | undefined, message: string): InputProblem => {
    const pos = offset === undefined ? undefined : positionAt(starts, Math.min(Math.max(offset, 0), text.length));
    return { file, ...(pos ? { line: pos.line, column: pos.column } : {}), ...(path !== undefined ? { path } : {}), message };
  };

  if (loneCr !== -1) return fail([problem(loneCr, undefined, 'line break is a lone carriage return (\\r); use \\n or \\r\\n line endings')]);

  let events: Event[];
  try {
    // The builder enforces MAX_DEPTH with the path; the parser's own limit (a little higher, as it
    // also counts keys) keeps its recursion short on absurd nesting.
    events = parseEvents(text, { maxDepth: MAX_DEPTH + 2 });
  } catch (e) {
    // One syntax error stops the parser; anything thrown is bad input, never a crash.
    if (e instanceof YAMLException) return fail([syntaxProblem(text, e, problem)]);
    return fail([problem(undefined, undefined, 'cannot parse YAML')]);
  }

  const docIndexes: number[] = [];
  for (let i = 0; i < events.length; i++) if (events[i].type === EVENT_ID.DOCUMENT) docIndexes.push(i);
  if (docIndexes.length === 0) return fail([problem(0, undefined, 'document is empty')]);
  if (docIndexes.length > 1) {
    return fail([problem(secondDocumentStart(events, docIndexes, text), undefined, 'more than one YAML document in the file (one document per file)')]);
  }
  const doc = events[docIndexes[0]] as DocumentEvent;
  const problems: InputProblem[] = [];
  // `%YAML 1.1` asks for other meanings (yes = true, 012 = octal 10, <<: merges) than the YAML 1.2
  // core schema we read with: refuse rather than read the document differently from its author.
  const declared = doc.directives.find((d) => d.kind === 'yaml');
  if (declared && declared.kind === 'yaml' && declared.version !== '1.2') {
    problems.push(problem(0, undefined, `the document declares %YAML ${declared.version}; only YAML 1.2 is read (remove the directive and check yes/no, octal numbers and << merge keys)`));
    return fail(problems);
  }
  const contentIndex = docIndexes[0] + 1;
  if (isEmptyDocument(events, contentIndex)) return fail([problem(0, undefined, 'document is empty')]);

  const handlers = new Map<string, string>();
  for (const d of doc.directives) if (d.kind === 'tag') handlers.set(d.handle, d.prefix);
  const builder = new EventBuilder(events, text, handlers, (offset, pointer, message) => problems.push(problem(offset, pointer, message)), contentIndex);
  const value = builder.document();
  const positions = new SourcePositions(builder.root, starts);
  return problems.length > 0 ? fail(problems, positions) : { value, positions, problems };
}
