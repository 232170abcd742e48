/**
 * Plain data → YAML text, the way the shipped environments are written: block style for the
 * document's outline, flow style (`{ a: b }`) for the small leaves of each entry, so a generated
 * inventory of thousands of systems stays readable and compact. Quoting is left to the yaml
 * library (a string like "1" or "true" is quoted, so it stays a string).
 */
import { Document, isMap, isSeq, visit } from 'yaml';
import type { Node as YamlNode, Pair } from 'yaml';

/** Collections this deep (counting maps and sequences above them) are written in flow style. */
const FLOW_DEPTH = 3;
/** Keys whose value stays in block style although deep enough for flow. */
const BLOCK_KEYS = new Set(['workload', 'moves']);

export function toYamlText(value: unknown, header: string): string {
  const doc = new Document(value);
  doc.commentBefore = header
    .split('\n')
    .map((line) => ` ${line}`)
    .join('\n');
  const style = (_key: unknown, node: YamlNode, path: readonly (YamlNode | Document | Pair)[]): void => {
    const depth = path.filter((p) => isMap(p) || isSeq(p)).length;
    const parent = path[path.length - 1] as Pair | undefined;
    const key = parent && 'key' in parent ? String((parent.key as { value?: unknown })?.value ?? parent.key) : '';
    if (depth >= FLOW_DEPTH && !BLOCK_KEYS.has(key)) (node as { flow?: boolean }).flow = true;
  };
  visit(doc, { Map: style, Seq: style });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
