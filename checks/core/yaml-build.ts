/**
 * js-yaml's event stream → plain data and the source offset of every node. We build the value
 * ourselves rather than with js-yaml's constructor, so that nothing in the input can choose a
 * constructor, and so that every refused thing is reported with its path: tags other than the
 * core schema's, keys that could reach an object prototype, duplicate keys (a Map per map: linear
 * in the number of keys), complex keys, non-finite numbers, alias bombs (a budget of aliases and
 * of the nodes they expand to) and nesting past MAX_DEPTH. Positions go into a tree that mirrors
 * the document (source-positions.ts); the JSON pointer of a node is spelt out only for a problem.
 */
import { CORE_SCHEMA, EVENT_ID, NOT_RESOLVED, SCALAR_STYLE, getScalarValue } from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import { childPointer } from './pointer';
import type { PositionNode } from './source-positions';
import { ALLOWED_TAGS, fullTagName, shownTag } from './yaml-tags';

export type PlainValue = string | number | boolean | null | PlainValue[] | { [k: string]: PlainValue };

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
export const TOO_DEEP = `document is nested too deeply (limit ${MAX_DEPTH} levels)`;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const NO_RANGE = -1;

/** A problem of one node: its offset in the source (when it has one), its pointer, the message. */
export type NodeProblem = (offset: number | undefined, pointer: string, message: string) => void;

interface Anchor {
  /** Index of the anchored node's first event. */
  readonly start: number;
  /** False while the anchored collection is still being read (an alias inside it is a cycle). */
  done: boolean;
}

/**
 * Where a node starts for people: a quoted scalar at its opening quote, a block scalar at its `|`
 * or `>` indicator, an empty scalar at its tag or anchor, a collection at its `[`, `{`, first `-`
 * or first key (as the previous reader counted; a tag or anchor before a node is not part of it).
 */
function startOf(ev: Event, text: string): number | undefined {
  switch (ev.type) {
    case EVENT_ID.SCALAR:
      if (ev.valueStart !== NO_RANGE) {
        if (ev.style === SCALAR_STYLE.SINGLE_QUOTED || ev.style === SCALAR_STYLE.DOUBLE_QUOTED) return ev.valueStart - 1;
        if (ev.style === SCALAR_STYLE.LITERAL_BLOCK || ev.style === SCALAR_STYLE.FOLDED_BLOCK) return blockHeaderAt(text, ev.valueStart);
        return ev.valueStart;
      }
      if (ev.tagStart !== NO_RANGE) return ev.tagStart;
      return ev.anchorStart !== NO_RANGE ? ev.anchorStart - 1 : undefined;
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return ev.start;
    case EVENT_ID.ALIAS:
      return ev.anchorStart - 1;
    default:
      return undefined;
  }
}

/** The `|`/`>` of a block scalar whose content starts at `valueStart` (the header is the line before). */
function blockHeaderAt(text: string, valueStart: number): number {
  const headerEnd = text.lastIndexOf('\n', valueStart - 1);
  if (headerEnd < 0) return valueStart;
  const headerStart = text.lastIndexOf('\n', headerEnd - 1) + 1;
  const m = /[|>][-+1-9]*[ \t]*(?:#.*)?\r?$/.exec(text.slice(headerStart, headerEnd));
  return m ? headerStart + m.index : valueStart;
}

export class EventBuilder {
  /** The document's position tree. */
  readonly root: PositionNode = { at: -1 };
  private i: number;
  /** Keys and indexes from the root to the node being built (its JSON pointer, for problems). */
  private readonly path: (string | number)[] = [];
  private aliasCount = 0;
  /** Nodes built while expanding an alias. */
  private expandedNodes = 0;
  private aliasBudgetReported = false;
  private tooDeepReported = false;
  private readonly anchors = new Map<string, Anchor>();

  /** `start`: index of the document's content event. */
  constructor(
    private readonly events: readonly Event[],
    private readonly text: string,
    private readonly tagHandlers: ReadonlyMap<string, string>,
    private readonly report: NodeProblem,
    start: number,
  ) {
    this.i = start;
  }

  /** The JSON pointer of the node being built (or of its child `key`). */
  private pointer(key?: string): string {
    let pointer = '';
    for (const k of this.path) pointer = childPointer(pointer, k);
    return key === undefined ? pointer : childPointer(pointer, key);
  }

  private problem(offset: number | undefined, message: string, key?: string): void {
    this.report(offset, this.pointer(key), message);
  }

  /** The whole document. */
  document(): PlainValue {
    return this.build(this.root, 0, undefined);
  }

  /**
   * Builds the node whose first event is the current one and moves past it; `pos` is its place in
   * the position tree (`pos.at` already set when a key names the node for people). `aliasAt`: the
   * node is part of the expansion of the alias at this offset (counted against the expansion
   * budget, and reported there: people see the alias, not the anchored text).
   */
  private build(pos: PositionNode, depth: number, aliasAt: number | undefined): PlainValue {
    const ev = this.events[this.i];
    if (this.aliasBudgetReported) return this.skipped();
    if (aliasAt !== undefined && ++this.expandedNodes > MAX_ALIAS_EXPANDED_NODES) return this.aliasBomb(aliasAt);
    if (pos.at < 0) pos.at = startOf(ev, this.text) ?? -1;
    if (depth > MAX_DEPTH) {
      if (!this.tooDeepReported) this.problem(pos.at < 0 ? undefined : pos.at, TOO_DEEP);
      this.tooDeepReported = true;
      return this.skipped();
    }
    switch (ev.type) {
      case EVENT_ID.ALIAS:
        return this.alias(ev.anchorStart, ev.anchorEnd, pos, depth, aliasAt);
      case EVENT_ID.SCALAR: {
        this.anchor(ev, aliasAt, true);
        this.i++;
        return this.scalar(ev);
      }
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (!this.tagAllowed(ev.tagStart, ev.tagEnd, ev.type === EVENT_ID.SEQUENCE ? 'sequence' : 'mapping')) return this.skipped();
        const anchor = this.anchor(ev, aliasAt, false);
        this.i++;
        const value = ev.type === EVENT_ID.SEQUENCE ? this.sequence(pos, depth, aliasAt) : this.mapping(pos, ev.start, depth, aliasAt);
        this.i++; // the POP
        if (anchor) anchor.done = true;
        return value;
      }
      default:
        this.problem(pos.at < 0 ? undefined : pos.at, 'unsupported YAML node');
        return this.skipped();
    }
  }

  /** Moves past the current node (and everything in it); its value is null. */
  private skipped(): null {
    let open = 0;
    do {
      const type = this.events[this.i++].type;
      if (type === EVENT_ID.SEQUENCE || type === EVENT_ID.MAPPING) open++;
      else if (type === EVENT_ID.POP) open--;
    } while (open > 0);
    return null;
  }

  private aliasBomb(offset: number): null {
    if (!this.aliasBudgetReported) this.problem(offset, ALIAS_BOMB);
    this.aliasBudgetReported = true;
    return this.skipped();
  }

  /** Records an anchor (not while replaying an alias: the stream's own order decides what a name means). */
  private anchor(ev: { anchorStart: number; anchorEnd: number }, aliasAt: number | undefined, done: boolean): Anchor | undefined {
    if (ev.anchorStart === NO_RANGE || aliasAt !== undefined) return undefined;
    const anchor: Anchor = { start: this.i, done };
    this.anchors.set(this.text.slice(ev.anchorStart, ev.anchorEnd), anchor);
    return anchor;
  }

  private alias(nameStart: number, nameEnd: number, pos: PositionNode, depth: number, aliasAt: number | undefined): PlainValue {
    const offset = nameStart - 1;
    if (++this.aliasCount > MAX_ALIAS_COUNT) return this.aliasBomb(offset);
    this.i++;
    const name = this.text.slice(nameStart, nameEnd);
    const anchor = this.anchors.get(name);
    if (!anchor) {
      this.problem(offset, `unknown alias *${name}`);
      return null;
    }
    if (!anchor.done) {
      this.problem(offset, `alias *${name} refers to a node that contains it (a cycle)`);
      return null;
    }
    const resume = this.i;
    this.i = anchor.start;
    const value = this.build(pos, depth + 1, aliasAt ?? offset);
    this.i = resume;
    return value;
  }

  /** Whether an explicit tag (if any) only restates the core schema for this kind of node; reports it when not. */
  private tagAllowed(tagStart: number, tagEnd: number, kind: 'scalar' | 'sequence' | 'mapping'): boolean {
    if (tagStart === NO_RANGE) return true;
    const full = fullTagName(this.text.slice(tagStart, tagEnd), this.tagHandlers);
    if (ALLOWED_TAGS[kind].has(full)) return true;
    this.problem(tagStart, `tag '${shownTag(full)}' is not allowed (only plain YAML 1.2 core data)`);
    return false;
  }

  /** The value of a scalar under the YAML 1.2 core schema; `{ ok: false }` once reported. */
  private scalarValue(ev: ScalarEvent): { ok: true; value: unknown } | { ok: false } {
    const source = getScalarValue(this.text, ev);
    if (ev.tagStart !== NO_RANGE) {
      if (!this.tagAllowed(ev.tagStart, ev.tagEnd, 'scalar')) return { ok: false };
      const full = fullTagName(this.text.slice(ev.tagStart, ev.tagEnd), this.tagHandlers);
      const tag = CORE_SCHEMA.lookupScalarTag(full);
      const value = tag ? tag.resolve(source, true, full) : NOT_RESOLVED;
      if (value === NOT_RESOLVED) {
        this.problem(ev.tagStart, `the value is not a valid ${shownTag(full)}`);
        return { ok: false };
      }
      return { ok: true, value };
    }
    return { ok: true, value: ev.style === SCALAR_STYLE.PLAIN ? CORE_SCHEMA.resolveImplicitScalarTag(source).value : source };
  }

  private scalar(ev: ScalarEvent): PlainValue {
    const r = this.scalarValue(ev);
    if (!r.ok) return null;
    const value = r.value;
    if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
    if (typeof value === 'number') {
      if (Number.isFinite(value)) return value;
      this.problem(startOf(ev, this.text), 'numbers must be finite (.inf and .nan are not allowed)');
      return null;
    }
    this.problem(startOf(ev, this.text), `unsupported scalar of type ${typeof value}`);
    return null;
  }

  private sequence(pos: PositionNode, depth: number, aliasAt: number | undefined): PlainValue[] {
    const out: PlainValue[] = [];
    const kids: PositionNode[] = [];
    pos.kids = kids;
    while (this.events[this.i].type !== EVENT_ID.POP) {
      const kid: PositionNode = { at: -1 };
      kids.push(kid);
      this.path.push(out.length);
      out.push(this.build(kid, depth + 1, aliasAt));
      this.path.pop();
    }
    return out;
  }

  private mapping(pos: PositionNode, mapStart: number, depth: number, aliasAt: number | undefined): PlainValue {
    const out: { [k: string]: PlainValue } = {};
    // The children by key, also the duplicate check: a Map per map keeps 50,000 keys linear.
    const kids = new Map<string, PositionNode>();
    pos.kids = kids;
    while (this.events[this.i].type !== EVENT_ID.POP) {
      const keyEvent = this.events[this.i];
      const keyOffset = startOf(keyEvent, this.text) ?? mapStart;
      const key = keyEvent.type === EVENT_ID.SCALAR ? this.key(keyEvent, aliasAt) : undefined;
      if (key === undefined) {
        this.skipped();
        this.skipped();
        this.problem(keyOffset, 'map keys must be plain scalars');
        continue;
      }
      if (FORBIDDEN_KEYS.has(key)) {
        this.skipped();
        this.problem(keyOffset, `key '${key}' is not allowed`, key);
        continue;
      }
      // `1:` and `"1":` are different YAML keys but the same JS key.
      if (kids.has(key)) {
        this.skipped();
        this.problem(keyOffset, 'duplicate key (map keys must be unique)', key);
        continue;
      }
      // Pair values are placed at their key.
      const kid: PositionNode = { at: keyOffset };
      kids.set(key, kid);
      this.path.push(key);
      // A plain assignment cannot reach a setter: `__proto__`, the one key that would, is refused above.
      out[key] = this.build(kid, depth + 1, aliasAt);
      this.path.pop();
    }
    return out;
  }

  /** A map key: a scalar with no tag or a core one, as a string (and moved past); undefined otherwise. */
  private key(ev: ScalarEvent, aliasAt: number | undefined): string | undefined {
    if (ev.tagStart !== NO_RANGE) {
      const full = fullTagName(this.text.slice(ev.tagStart, ev.tagEnd), this.tagHandlers);
      if (!ALLOWED_TAGS.scalar.has(full)) return undefined;
    }
    const r = this.scalarValue(ev);
    if (!r.ok) return undefined;
    this.anchor(ev, aliasAt, true);
    this.i++;
    return r.value === null ? '' : String(r.value);
  }
}
