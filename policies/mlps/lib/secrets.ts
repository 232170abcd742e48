/**
 * Recognizing secret material without ever copying it: only names (keys, variable names) leave
 * these functions, never values.
 */
import { isObj, type Value } from '../../sdk';

/** Variable / key names that conventionally hold credentials. */
const SENSITIVE_NAME =
  /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|(^|[_-])PWD($|[_-])|(^|[_-])CONN(ECTION)?[_-]?(STR|STRING|URI|URL)($|[_-])|(^|[_-])CONN$|(^|[_-])DSN($|[_-]))/i;

/** Names that point at a secret or describe it rather than hold it (SECRET_NAME, TOKEN_FILE, …). */
const DESCRIBES_SECRET = /[_-](NAME|FILE|PATH|DIR|TTL|TIMEOUT|REF|KEY_ID|LENGTH|EXPIRY|EXPIRES)$/i;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name) && !DESCRIBES_SECRET.test(name);
}

/** A URL carrying a password, e.g. `postgres://user:pw@host/db`. */
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i;

export function embedsCredentials(value: string): boolean {
  return URL_WITH_PASSWORD.test(value.trim());
}

/** Keys of a map attribute (object, or HCL's list of one object) whose value is a non-empty literal. */
export function literalKeys(v: Value | undefined): string[] {
  const m = Array.isArray(v) ? v[0] : v;
  if (!isObj(m)) return [];
  return Object.entries(m)
    .filter(([, x]) => (typeof x === 'string' && x !== '') || typeof x === 'number' || typeof x === 'boolean')
    .map(([k]) => k)
    .sort();
}
