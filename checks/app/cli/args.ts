/**
 * A small, strict flag parser: every command declares its flags; an unknown flag or a missing
 * value is a UsageError (exit 2). Supports `--flag value`, `--flag=value`, repeated flags and
 * comma lists.
 */
import { isRealDate, todayUtc } from '../../core/dates';
import { UsageError } from '../../core/errors';

export interface FlagSpec {
  /** `string` takes one value (last wins), `list` collects (repeat or comma), `bool` takes none. */
  type: 'string' | 'list' | 'bool';
  /** For `list` flags: keep values after the flag until the next `--flag` (e.g. `--stack a b`). */
  variadic?: boolean;
}

export interface ParsedArgs {
  flags: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: Record<string, FlagSpec>, allowPositionals = false): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] === '-h' && spec.help !== undefined ? '--help' : argv[i];
    if (!arg.startsWith('--')) {
      if (!allowPositionals) throw new UsageError(`unexpected argument '${arg}'`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
    const s = spec[name];
    if (!s) throw new UsageError(`unknown flag --${name}${didYouMean(name, Object.keys(spec), '--')}`);
    if (s.type === 'bool') {
      if (eq >= 0) throw new UsageError(`flag --${name} takes no value`);
      flags[name] = true;
      continue;
    }
    const values: string[] = [];
    if (eq >= 0) values.push(arg.slice(eq + 1));
    else {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`flag --${name} needs a value`);
      values.push(argv[++i]);
      if (s.variadic) while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) values.push(argv[++i]);
    }
    if (s.type === 'string') {
      if (values[0] === '') throw new UsageError(`flag --${name} needs a value`);
      flags[name] = values[0];
    } else {
      const list = (flags[name] as string[] | undefined) ?? [];
      for (const v of values) for (const part of v.split(',')) if (part.trim() !== '') list.push(part.trim());
      flags[name] = list;
    }
  }
  return { flags, positionals };
}

export function stringFlag(a: ParsedArgs, name: string): string | undefined {
  const v = a.flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function listFlag(a: ParsedArgs, name: string): string[] | undefined {
  const v = a.flags[name];
  return Array.isArray(v) ? v : undefined;
}

export function boolFlag(a: ParsedArgs, name: string): boolean {
  return a.flags[name] === true;
}

/** Validates `--as-of`: a real calendar date; default today (UTC). */
export function asOfFlag(a: ParsedArgs): string {
  const v = stringFlag(a, 'as-of');
  if (v === undefined) return todayUtc();
  if (!isRealDate(v)) throw new UsageError(`--as-of '${v}' is not a date (YYYY-MM-DD)`);
  return v;
}

export { isRealDate };

/** Levenshtein distance (insertions, deletions, substitutions), for did-you-mean. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length];
}

/** ` (did you mean --format?)` for the closest candidate within a third of the word (at least 2 edits), else ''. */
export function didYouMean(word: string, candidates: readonly string[], prefix = ''): string {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  const allowed = Math.max(2, Math.floor(word.length / 3));
  return best !== undefined && bestD <= allowed ? ` (did you mean ${prefix}${best}?)` : '';
}

/**
 * A severity given on the command line, case-insensitive (`High`, `HIGH`); `allowNone`: `none`
 * too (`--fail-on none`: report, never fail).
 */
export function severityFlag<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  const v = value.trim().toLowerCase();
  if ((allowed as readonly string[]).includes(v)) return v as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got '${value}')${didYouMean(v, allowed)}`);
}
