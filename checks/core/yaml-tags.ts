/**
 * YAML tags as the reader sees them: the full name of a tag as written (`!!int`, `!<…>`, `!e!x`
 * under a `%TAG` directive), whether it only restates the YAML 1.2 core schema, and how people
 * write it back in a message.
 */

/** The `!!` prefix of the standard tags. */
const YAML_ORG = 'tag:yaml.org,2002:';

/** Explicit tags that only restate what the core schema already does, per node kind. Every other tag is refused. */
export const ALLOWED_TAGS: Readonly<Record<'scalar' | 'sequence' | 'mapping', ReadonlySet<string>>> = {
  scalar: new Set(['str', 'int', 'float', 'bool', 'null'].map((t) => YAML_ORG + t)),
  sequence: new Set([`${YAML_ORG}seq`]),
  mapping: new Set([`${YAML_ORG}map`]),
};

/** `%XX` escapes of a tag (percent-encoded UTF-8); malformed ones are kept as written. */
function percentDecode(text: string): string {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * The full name of a tag as written in the source (`handlers`: the document's `%TAG` directives).
 * `!` alone, the non-specific tag, stays `!` (it is refused like any tag the core schema does not name).
 */
export function fullTagName(raw: string, handlers: ReadonlyMap<string, string>): string {
  if (raw.startsWith('!<') && raw.endsWith('>')) return percentDecode(raw.slice(2, -1));
  if (raw === '!') return raw;
  const end = raw.indexOf('!', 1);
  const handle = end === -1 ? '!' : raw.slice(0, end + 1);
  const prefix = handlers.get(handle) ?? (handle === '!!' ? YAML_ORG : handle);
  return prefix + percentDecode(raw.slice(handle.length));
}

/** `tag:yaml.org,2002:js/function` → `!!js/function`, as people write it. */
export function shownTag(full: string): string {
  return full.startsWith(YAML_ORG) ? `!!${full.slice(YAML_ORG.length)}` : full;
}
