/**
 * The central secret mask. Rules build messages from configuration values; whatever they write,
 * no secret value taken from the configuration may reach an output. The engine collects every
 * literal that is a secret value and replaces it with `****` in every string of every finding.
 */
import { MAX_VALUE_DEPTH, type ValueVisitor } from './normalize/value';
import type { Resource, Value } from './types';
import { isObj, isUnresolved } from './values';
import { flagAssignment, hasPemPrivateKey, maskUrlPasswords, urlPasswords } from '../core/credentials';

export const MASK = '****';

/** Env var / flag names whose value is a secret (DB_PASSWORD, DB_PASS, API_TOKEN, JWT_SECRET, SIGNING_KEY…). */
const SECRET_NAME = /pass|pwd|token|secret|key|credential/i;
/** Attribute keys holding a secret literal (not `key` of a secret_key_ref, nor `secret_name`). */
const SECRET_ATTR = /^(.*_)?(password|passwd|token|api_key|secret_key|access_key|private_key|client_secret)$/i;
/** Secret kinds whose data maps are secret values. */
const SECRET_KINDS = new Set(['secret']);
const SECRET_DATA_KEYS = ['data', 'string_data', 'binary_data'];

function literalStrings(v: Value | undefined, out: Set<string>): void {
  if (typeof v === 'string') out.add(v);
  else if (typeof v === 'number') out.add(String(v));
  else if (Array.isArray(v)) for (const x of v) literalStrings(x, out);
  else if (isObj(v)) for (const x of Object.values(v)) literalStrings(x, out);
}

function addWithEncodings(s: string, out: Set<string>): void {
  out.add(s);
  out.add(Buffer.from(s, 'utf8').toString('base64'));
  // binary_data is base64 already: its decoded text is secret too (when it is text).
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(s) && s.length % 4 === 0) {
    const decoded = Buffer.from(s, 'base64').toString('utf8');
    if (!decoded.includes('\ufffd') && /^[\x20-\x7e]+$/.test(decoded)) out.add(decoded);
  }
}

/**
 * Whether an attribute key names a secret. Keys repeat across tens of thousands of resources:
 * the answer is kept per key (measured: the regex per key was a hot spot of the whole check).
 */
const secretAttrCache = new Map<string, boolean>();
function isSecretAttr(k: string): boolean {
  // Every name SECRET_ATTR accepts ends in d, n, y or t (password, passwd, token, …_key,
  // client_secret; any case): most keys end otherwise, and skip the cache lookup.
  const last = k.charCodeAt(k.length - 1) | 0x20;
  if (last !== 0x64 && last !== 0x6e && last !== 0x79 && last !== 0x74) return false;
  let hit = secretAttrCache.get(k);
  if (hit === undefined) {
    hit = SECRET_ATTR.test(k);
    secretAttrCache.set(k, hit);
  }
  return hit;
}

/** A string value: `scheme://user:password@host`, `--password=…`, a PEM private key. */
function stringSecrets(v: string, out: Set<string>): void {
  // `scheme://user:password@host` — the password part (a linear scan, no regex).
  for (const pw of urlPasswords(v)) out.add(pw);
  // `--password=…` in a container's args or command.
  const flag = flagAssignment(v);
  if (flag && flag.value !== '' && SECRET_NAME.test(flag.name)) addWithEncodings(flag.value, out);
  // A PEM private key under any key: the whole value, and each line of its body.
  if (hasPemPrivateKey(v)) {
    addWithEncodings(v, out);
    for (const line of v.split(/\\n|\n/)) if (line.length >= 16 && !line.startsWith('-----')) out.add(line.trim());
  }
}

/** A list: `--password S3cr3t`, the argument after a secret-named flag. */
function listSecrets(v: readonly Value[], out: Set<string>): void {
  for (let i = 0; i + 1 < v.length; i++) {
    const x = v[i];
    const next = v[i + 1];
    if (typeof x === 'string' && typeof next === 'string' && /^--?[A-Za-z][\w.-]*$/.test(x) && SECRET_NAME.test(x) && !next.startsWith('-')) addWithEncodings(next, out);
  }
}

/** An object: env-style `{name, value}` secrets and `*password*: "…"` keys. */
function objectSecrets(v: { readonly [k: string]: Value }, out: Set<string>): void {
  const name = v.name;
  if (typeof name === 'string' && typeof v.value === 'string' && SECRET_NAME.test(name)) addWithEncodings(v.value, out);
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const x = v[k];
    if (typeof x === 'string' && isSecretAttr(k)) addWithEncodings(x, out);
  }
}

/** The secret collection as a visitor of the normalization walk (normalize/value.ts): no second walk. */
export function secretVisitor(out: Set<string>): ValueVisitor {
  return { string: (s) => stringSecrets(s, out), list: (l) => listSecrets(l, out), object: (o) => objectSecrets(o, out) };
}

/** The same visits over an already normalized value (a resource not made by makeResource). */
function walk(v: Value | undefined, visit: ValueVisitor, depth: number): void {
  if (depth > MAX_VALUE_DEPTH || v === undefined || v === null || isUnresolved(v)) return;
  if (typeof v === 'string') visit.string(v);
  else if (Array.isArray(v)) {
    for (const x of v) walk(x, visit, depth + 1);
    visit.list(v);
  } else if (isObj(v)) {
    for (const k of Object.keys(v)) walk(v[k], visit, depth + 1);
    visit.object(v);
  }
}

/** A Secret's data maps: every literal in them is a secret value (with its encodings). */
export function secretKindSecrets(r: Pick<Resource, 'kind' | 'attrs'>, out: Set<string>): void {
  if (!SECRET_KINDS.has(r.kind)) return;
  const found = new Set<string>();
  for (const key of SECRET_DATA_KEYS) literalStrings(r.attrs[key], found);
  for (const s of found) addWithEncodings(s, out);
}

/**
 * The secrets makeResource found while normalizing a resource, keyed by its attrs object: a
 * resource built another way, or given other attrs (`{ ...r, attrs }`), is not found here and is walked.
 */
const collected = new WeakMap<object, readonly string[]>();

const NONE: readonly string[] = Object.freeze([]);

/** Records what the normalization walk collected for these attrs (normalize/resource.ts). */
export function rememberSecrets(attrs: object, found: ReadonlySet<string>): void {
  collected.set(attrs, found.size === 0 ? NONE : [...found]);
}

/** Whether these attrs are what makeResource made (their secrets were collected by its walk). */
export function collectedByNormalization(attrs: object): boolean {
  return collected.has(attrs);
}

/** Every secret literal of the configuration. */
export function collectSecrets(resources: readonly Resource[]): Set<string> {
  const out = new Set<string>();
  let visit: ValueVisitor | undefined;
  for (const r of resources) {
    const known = collected.get(r.attrs);
    if (known !== undefined) {
      for (const s of known) out.add(s);
      continue;
    }
    secretKindSecrets(r, out);
    walk(r.attrs as Value, (visit ??= secretVisitor(out)), 0);
  }
  // Empty / one-character values would mask ordinary text; they carry no secret anyway.
  for (const s of out) if (s.length < 2) out.delete(s);
  return out;
}

export type Masker = (text: string) => string;

const isWordChar = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;

/**
 * A masking function for a set of secrets: every occurrence of every secret (short ones, under six
 * characters, only as whole tokens, so that `abc` does not mask every `abc` inside other words)
 * is covered, overlapping occurrences merged, and each covered run replaced by `****` — so that no
 * part of a secret survives. No regular expression is built from the values: a 40,000-character
 * secret made the old alternation "Invalid regular expression", and the error printed it.
 */
export function makeMasker(secrets: Iterable<string>): Masker {
  const list = [...new Set(secrets)].filter((s) => s.length > 0).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return (text: string): string => {
    const masked = maskUrlPasswords(text, MASK);
    if (list.length === 0) return masked;
    const spans: [number, number][] = [];
    for (const s of list) {
      if (s.length > masked.length) continue;
      for (let at = masked.indexOf(s); at !== -1; at = masked.indexOf(s, at + 1)) {
        const end = at + s.length;
        if (s.length < 6 && ((at > 0 && isWordChar(masked.charCodeAt(at - 1))) || (end < masked.length && isWordChar(masked.charCodeAt(end))))) continue;
        spans.push([at, end]);
      }
    }
    if (spans.length === 0) return masked;
    spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let out = '';
    let last = 0;
    let i = 0;
    while (i < spans.length) {
      const start = spans[i][0];
      let end = spans[i][1];
      for (i++; i < spans.length && spans[i][0] < end; i++) end = Math.max(end, spans[i][1]);
      out += masked.slice(last, start) + MASK;
      last = end;
    }
    return out + masked.slice(last);
  };
}
