/**
 * Plain data → YAML text, the way the shipped environments are written: block style for the
 * document's outline, flow style (`{ a: b }`) for the small leaves of each entry, so a generated
 * inventory of thousands of systems stays readable and compact. Quoting is left to js-yaml under
 * the YAML 1.2 core schema the loader reads with (a string like "1" or "true" is quoted, so it
 * stays a string; a date stays plain text, as the loader reads it).
 */
import { COLLECTION_STYLE, CORE_SCHEMA, dump } from 'js-yaml';
import type { Node as YamlNode } from 'js-yaml';

/** Collections this deep (counting maps and sequences above them) are written in flow style. */
const FLOW_DEPTH = 3;
/** Keys whose value stays in block style although deep enough for flow. */
const BLOCK_KEYS = new Set(['workload', 'moves']);

/** `depth`: collections above `node`; `key`: the map key whose value it is ('' for a list item or the root). */
function style(node: YamlNode, depth: number, key: string): void {
  if (node.kind !== 'sequence' && node.kind !== 'mapping') return;
  if (depth >= FLOW_DEPTH && !BLOCK_KEYS.has(key)) node.style = COLLECTION_STYLE.FLOW;
  if (node.kind === 'sequence') for (const item of node.items) style(item, depth + 1, '');
  else for (const pair of node.items) style(pair.value, depth + 1, pair.key.kind === 'scalar' ? pair.key.value : '');
}

export function toYamlText(value: unknown, header: string): string {
  const comment = header
    .split('\n')
    .map((line) => `# ${line}`)
    .join('\n');
  const body = dump(value, {
    schema: CORE_SCHEMA,
    lineWidth: -1,
    noRefs: true,
    flowBracketPadding: true,
    quoteStyle: 'double',
    transform: (documents) => {
      for (const doc of documents) if (doc.contents) style(doc.contents, 0, '');
    },
  });
  return `${comment}\n\n${body}`;
}
