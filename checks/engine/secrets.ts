/**
 * The central secret mask. Rules build messages from configuration values; whatever they write,
 * no secret value taken from the configuration may reach an output. The engine collects every
 * literal that is a secret value and replaces it with `****` in every string of every finding.
 */
import type { Resource, Value } from './types';
import { isObj, isUnresolved } from './values';

export const MASK = '****';

/** Env var names whose value is a secret (DB_PASSWORD, API_TOKEN, JWT_SECRET, SIGNING_KEY…). */
const SECRET_NAME = /pass(word|wd)|pwd|token|secret|key|credential/i;
/** Attribute keys holding a secret literal (not `key` of a secret_key_ref, nor `secret_name`). */
const SECRET_ATTR = /^(.*_)?(password|passwd|token|api_key|secret_key|access_key|private_key|client_secret)$/i;
/** `scheme://user:password@host` — the password part. */
const URL_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)([^\s@/]+)(@)/gi;
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
  let hit = secretAttrCache.get(k);
  if (hit === undefined) {
    hit = SECRET_ATTR.test(k);
    secretAttrCache.set(k, hit);
  }
  return hit;
}

/** Walks a value; collects env-style `{name, value}` secrets, `*password*: "…"` keys and URL passwords. */
function walk(v: Value | undefined, out: Set<string>, depth: number): void {
  if (depth > 64 || v === undefined || v === null || isUnresolved(v)) return;
  if (typeof v === 'string') {
    // A URL password needs `://`: test for it before running the regex on every string.
    if (v.includes('://')) for (const m of v.matchAll(URL_PASSWORD)) out.add(m[2]);
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v) walk(x, out, depth + 1);
    return;
  }
  if (!isObj(v)) return;
  const name = v.name;
  if (typeof name === 'string' && typeof v.value === 'string' && SECRET_NAME.test(name)) addWithEncodings(v.value, out);
  for (const k of Object.keys(v)) {
    const x = v[k];
    if (typeof x === 'string' && isSecretAttr(k)) addWithEncodings(x, out);
    walk(x, out, depth + 1);
  }
}

/** Every secret literal of the configuration. */
export function collectSecrets(resources: readonly Resource[]): Set<string> {
  const out = new Set<string>();
  for (const r of resources) {
    if (SECRET_KINDS.has(r.kind)) {
      const found = new Set<string>();
      for (const key of SECRET_DATA_KEYS) literalStrings(r.attrs[key], found);
      for (const s of found) addWithEncodings(s, out);
    }
    walk(r.attrs as Value, out, 0);
  }
  // Empty / one-character values would mask ordinary text; they carry no secret anyway.
  for (const s of out) if (s.length < 2) out.delete(s);
  return out;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export type Masker = (text: string) => string;

/** A masking function for a set of secrets: longest first, so that no part of a secret survives. */
export function makeMasker(secrets: Iterable<string>): Masker {
  const list = [...new Set(secrets)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  // Short values only as whole tokens, so that `abc` does not mask every `abc` inside other words.
  const parts = list.map((s) => (s.length >= 6 ? escapeRegExp(s) : `(?<![\\w])${escapeRegExp(s)}(?![\\w])`));
  const re = parts.length > 0 ? new RegExp(parts.join('|'), 'g') : undefined;
  return (text: string): string => {
    let out = text.replace(URL_PASSWORD, `$1${MASK}$3`);
    if (re) out = out.replace(re, MASK);
    return out;
  };
}
