/**
 * ONE pass over the UTF-8 bytes of a JSON configuration file (known to be valid JSON) for what
 * JSON.parse does not tell (on the bytes, so that it can run in a worker thread beside the parse:
 * read/json-scan.ts):
 *  - keys written twice in one object (`"container": {…}, "container": {…}`): JSON.parse keeps the
 *    last and drops the other without a word, so a block written first is never seen by a rule
 *    (CFG-001, read/hidden-blocks.ts);
 *  - the line of each resource and module key (`"resource"` › `"TYPE"` › `"NAME"`, `"module"` ›
 *    `"NAME"`), for findings. The pass that finds duplicates is at every key anyway: remembering
 *    these lines costs one map entry per resource, where a second scan of the text cost 0.8 s at
 *    105 MB (issue #18).
 * (Searching the text once per resource was quadratic: a 4 MB cdk.tf.json with 20 000 resources
 * took minutes.)
 */

export interface DuplicateKey {
  /** Keys and list indices from the document root to the object holding the key. */
  readonly path: readonly (string | number)[];
  readonly key: string;
  /** 1-based line of the second occurrence. */
  readonly line: number;
}

/** Lines of keys below a top-level key: `line('resource', TYPE, NAME)`, `line('module', NAME)`. */
export interface JsonKeyLines {
  line(...keys: string[]): number | undefined;
}

/** For a text that has no JSON key lines (HCL: its lines come from its own scan). */
export const NO_KEY_LINES: JsonKeyLines = Object.freeze({ line: () => undefined });

export interface JsonKeyScan {
  readonly duplicateKeys: readonly DuplicateKey[];
  readonly lines: KeyLineMaps;
  /** Whether any object has a `dynamic` key (a dynamic block to expand): the readers skip that walk otherwise. */
  readonly hasDynamicKey: boolean;
}

/** Top-level keys whose keys (to three levels, list levels skipped) get their lines recorded. */
const LINE_KEYS = new Set(['resource', 'module']);

/**
 * Lines by key path, one map per level (`resource` › TYPE › NAME): an object's keys go into the
 * map of its path, found once when the object opens, so a key costs one map entry and no joined
 * path string (joining and hashing the path of each of 63,682 resources, to record it and again to
 * look it up, cost 0.1 s, issue #18).
 */
export class KeyLineMaps implements JsonKeyLines {
  constructor(
    private readonly level0 = new Map<string, number>(),
    private readonly level1 = new Map<string, Map<string, number>>(),
    private readonly level2 = new Map<string, Map<string, Map<string, number>>>(),
  ) {}

  /** The maps alone (what a structured clone keeps: a scan done in a worker thread, read/json-scan.ts). */
  toPlain(): PlainKeyLines {
    return { level0: this.level0, level1: this.level1, level2: this.level2 };
  }

  static fromPlain(p: PlainKeyLines): KeyLineMaps {
    return new KeyLineMaps(p.level0, p.level1, p.level2);
  }

  /** Where the lines of the keys of an object at `path` go; undefined: not recorded. */
  target(path: readonly string[]): Map<string, number> | undefined {
    if (path.length === 0) return this.level0;
    if (path.length > 2 || !LINE_KEYS.has(path[0])) return undefined;
    if (path.length === 1) return getOrAdd(this.level1, path[0], () => new Map());
    return getOrAdd(getOrAdd(this.level2, path[0], () => new Map()), path[1], () => new Map());
  }

  line(...keys: string[]): number | undefined {
    if (keys.length === 1) return this.level0.get(keys[0]);
    if (keys.length === 2) return this.level1.get(keys[0])?.get(keys[1]);
    if (keys.length === 3) return this.level2.get(keys[0])?.get(keys[1])?.get(keys[2]);
    return undefined;
  }
}

export interface PlainKeyLines {
  level0: Map<string, number>;
  level1: Map<string, Map<string, number>>;
  level2: Map<string, Map<string, Map<string, number>>>;
}

function getOrAdd<V>(m: Map<string, V>, k: string, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

/** An open object or list. Frames are reused per depth: no frame, and no Set for an object of few keys, is allocated per object. */
interface Frame {
  isObject: boolean;
  /** Object: the key whose value is being read. List: the index of the current item. */
  at: string | number;
  expectKey: boolean;
  /** Object: its keys so far, searched in order while few (most objects have one key or a handful)… */
  keys: string[];
  /** …and as a set once many (a resource type maps thousands of names). */
  many: Set<string> | undefined;
  /** Object: where the lines of its keys are recorded (KeyLineMaps.target), if they are. */
  lines: Map<string, number> | undefined;
}

const FEW_KEYS = 16;

/**
 * The key whose quotes are at `open` and `close`. Most keys are ASCII without an escape, read as
 * they are; others are decoded (UTF-8, and JSON escapes: `"\u0061"` is the key `a`).
 */
function keyAt(bytes: Buffer, open: number, close: number): string {
  let plain = true;
  for (let k = open + 1; k < close; k++) {
    const b = bytes[k];
    if (b >= 0x80 || b === 0x5c) {
      plain = false;
      break;
    }
  }
  if (plain) return bytes.toString('latin1', open + 1, close);
  const raw = bytes.toString('utf8', open + 1, close);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(bytes.toString('utf8', open, close + 1)) as string;
  } catch {
    return raw;
  }
}

/**
 * Index of the quote closing the string opened at `open` (valid JSON: no raw line break inside).
 * On UTF-8 bytes: no byte of a multi-byte character is below 0x80, so a quote or backslash byte
 * is always that character.
 */
function closingQuote(bytes: Buffer, open: number): number {
  for (let j = bytes.indexOf(0x22, open + 1); j >= 0; j = bytes.indexOf(0x22, j + 1)) {
    let backslashes = 0;
    while (bytes[j - 1 - backslashes] === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return j;
  }
  return bytes.length;
}

/** scanJsonKeyBytes of a text (tests, a document given as text). */
export function scanJsonKeys(text: string): JsonKeyScan {
  return scanJsonKeyBytes(Buffer.from(text, 'utf8'));
}

/** The scan (see above) over the UTF-8 bytes of a file, as read: no text decoded for it. */
export function scanJsonKeyBytes(data: Uint8Array): JsonKeyScan {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const duplicateKeys: DuplicateKey[] = [];
  const lines = new KeyLineMaps();
  /** `frames[0 … depth-1]` are open; frames past them are kept for reuse. */
  const frames: Frame[] = [];
  let depth = 0;
  let top: Frame | undefined;
  /** The keys of the enclosing objects (list levels skipped): the key path of the current value. */
  const path: string[] = [];
  let line = 1;
  let hasDynamicKey = false;
  const n = bytes.length;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 10) {
      line++;
      // The indentation after it, in a tight loop: spaces are 40 % of cdktf's output.
      while (bytes[i + 1] === 0x20) i++;
      continue;
    }
    if (c === 0x22 /* " */) {
      const start = i;
      i = closingQuote(bytes, i);
      if (top !== undefined && top.isObject && top.expectKey) {
        const key = keyAt(bytes, start, i);
        const seen = top.many !== undefined ? top.many.has(key) : top.keys.includes(key);
        if (seen) duplicateKeys.push({ path: frames.slice(0, depth - 1).map((f) => f.at), key, line });
        else if (top.many !== undefined) top.many.add(key);
        else if (top.keys.push(key) > FEW_KEYS) top.many = new Set(top.keys);
        top.at = key;
        top.expectKey = false;
        if (key === 'dynamic') hasDynamicKey = true;
        // First occurrence wins; at the top level only `resource` and `module` are recorded.
        if (top.lines !== undefined && !top.lines.has(key) && (path.length > 0 || LINE_KEYS.has(key))) top.lines.set(key, line);
      }
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (top?.isObject) path.push(top.at as string);
      const isObject = c === 0x7b;
      let f = frames[depth];
      const keyLines = isObject && path.length <= 2 ? lines.target(path) : undefined;
      if (f === undefined) frames.push((f = { isObject, at: isObject ? '' : 0, expectKey: isObject, keys: [], many: undefined, lines: keyLines }));
      else {
        f.isObject = isObject;
        f.at = isObject ? '' : 0;
        f.expectKey = isObject;
        f.keys.length = 0;
        f.many = undefined;
        f.lines = keyLines;
      }
      depth++;
      top = f;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      if (depth > 0) depth--;
      top = depth > 0 ? frames[depth - 1] : undefined;
      if (top?.isObject) path.pop();
    } else if (c === 0x2c /* , */ && top !== undefined) {
      if (top.isObject) top.expectKey = true;
      else top.at = (top.at as number) + 1;
    }
  }
  return { duplicateKeys, lines, hasDynamicKey };
}
