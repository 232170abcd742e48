/**
 * Recognizing secret material without ever copying it: only names (keys, variable names) leave
 * these functions, never values.
 */
import { flagAssignment, hasPemPrivateKey, hasUrlPassword, isObj, type Value } from '../../sdk';

/** Variable / key names that conventionally hold credentials. */
const SENSITIVE_NAME =
  /(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|API_?KEY|ACCESS_?KEY|PRIVATE_?KEY|CREDENTIAL|(^|[_-])PWD($|[_-])|(^|[_-])PASS($|[_-])|(^|[_-])CONN(ECTION)?[_-]?(STR|STRING|URI|URL)($|[_-])|(^|[_-])CONN$|(^|[_-])DSN($|[_-]))/i;

/** Names that point at a secret or describe it rather than hold it (SECRET_NAME, TOKEN_FILE, …). */
const DESCRIBES_SECRET = /[_-](NAME|FILE|PATH|DIR|TTL|TIMEOUT|REF|KEY_ID|LENGTH|EXPIRY|EXPIRES)$/i;

export function isSensitiveName(name: string): boolean {
  return SENSITIVE_NAME.test(name) && !DESCRIBES_SECRET.test(name);
}

/**
 * A value carrying credentials: a URL with a password (`postgres://user:pw@host/db`,
 * `jdbc:mysql://root:pw@host`), or a PEM private key. Linear scans, no regex over the value.
 */
export function embedsCredentials(value: string): boolean {
  return hasUrlPassword(value) || hasPemPrivateKey(value);
}

/**
 * Secret arguments of a container's `args` / `command`: `--password=…`, `--password …` (the
 * flag's name is returned), or an argument holding credentials (`#N`, its position).
 */
export function secretArguments(args: readonly string[]): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    const flag = flagAssignment(a);
    if (flag && flag.value !== '' && isSensitiveName(flag.name.replace(/-/g, '_'))) out.push(`--${flag.name}=…`);
    else if (/^--?[A-Za-z][\w.-]*$/.test(a) && isSensitiveName(a.replace(/^-+/, '').replace(/-/g, '_')) && typeof args[i + 1] === 'string' && args[i + 1] !== '' && !args[i + 1].startsWith('-')) out.push(`${a} …`);
    else if (embedsCredentials(a)) out.push(`#${i} (credentials in the value)`);
  });
  return out;
}

/** Keys of a map attribute whose literal string value carries credentials (embedsCredentials). */
export function keysWithCredentials(v: Value | undefined): string[] {
  const m = Array.isArray(v) ? v[0] : v;
  if (!isObj(m)) return [];
  return Object.entries(m)
    .filter(([, x]) => typeof x === 'string' && embedsCredentials(x))
    .map(([k]) => k)
    .sort();
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
