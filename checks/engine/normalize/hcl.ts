/**
 * Plain `.tf` HCL → resources, through @cdktf/hcl2json (HCL → Terraform JSON; blocks come as
 * lists). Line numbers come from scanning the text for `resource "TYPE" "NAME"`.
 * Nothing is evaluated: expressions come back as `${…}` strings and stay Unresolved.
 */
import { InputError, type InputProblem } from '../../core/errors';
import { printableProblem } from '../../core/printable';
import { lineIndex, type LineOf } from '../../core/line-index';
import type { Resource } from '../types';
import { NO_KEY_LINES } from './json-keys';
import { normalizeTerraformJson } from './terraform-json';
import { isJsonObject as isMap } from '../../core/json';

/** Lines of `resource "TYPE" "NAME"` headers, keyed `TYPE.NAME`. */
export function hclResourceLines(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  // Labels may be quoted or bare identifiers (`resource kubernetes_pod p {`).
  const re = /^[ \t]*resource[ \t]+(?:"([^"\n]+)"|([A-Za-z_][\w-]*))[ \t]+(?:"([^"\n]+)"|([A-Za-z_][\w-]*))/gm;
  const lineOf = lineIndex(text);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const key = `${m[1] ?? m[2]}.${m[3] ?? m[4]}`;
    if (!lines.has(key)) lines.set(key, lineOf(m.index));
  }
  return lines;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `main.tf:2,7-3,1: Invalid expression; …` → line 2, column 7. */
function hclProblems(message: string, file: string): InputError {
  const inner = /\[(.*)\]\s*$/s.exec(message)?.[1] ?? message;
  // hcl2json joins its diagnostics with ", " or ". " before the next `FILE:L,C`; a position
  // inside a message ("already set at FILE:2,3-4") follows a word, so it does not split.
  const next = new RegExp(`(?:,|(?<=\\.))\\s+(?=${escapeRegExp(file)}:\\d+,\\d+)`);
  const problems = inner
    .split(next)
    .map((part) => {
      const m = /^.*?:(\d+),(\d+)(?:-\d+(?:,\d+)?)?:\s*(.*)$/s.exec(part.trim());
      return m
        ? { file, line: Number(m[1]), column: Number(m[2]), message: `invalid HCL: ${m[3].trim()}` }
        : { file, message: `invalid HCL: ${part.trim().replace(/^parse config:\s*/, '')}` };
    });
  return new InputError((problems.length > 0 ? problems : [{ file, message: 'invalid HCL' }]).map(printableProblem));
}

/**
 * A resource block has exactly two labels, type and name. hcl2json accepts any number (one label
 * gives `TYPE: [body]`, three give `TYPE: {NAME: {X: [body]}}`); read as-is, such a block would
 * become a resource named after an argument, or vanish. Terraform refuses them: so do we.
 */
function labelProblems(json: Record<string, unknown>, text: string, file: string): InputProblem[] {
  const problems: InputProblem[] = [];
  const resources = json.resource;
  if (!isMap(resources)) return problems;
  let lines: LineOf | undefined;
  const lineOf = (type: string): number | undefined => {
    const m = new RegExp(`^[ \\t]*resource[ \\t]+"?${escapeRegExp(type)}"?[ \\t{]`, 'm').exec(text);
    return m ? (lines ??= lineIndex(text))(m.index) : undefined;
  };
  for (const [type, byName] of Object.entries(resources)) {
    const bad = !isMap(byName) ? undefined : Object.keys(byName).find((name) => !Array.isArray(byName[name]));
    if (isMap(byName) && bad === undefined) continue;
    const line = lineOf(type);
    const message = !isMap(byName)
      ? `invalid HCL: resource block "${type}" needs two labels, a type and a name`
      : `invalid HCL: resource block "${type}" "${bad}" has more than two labels (a type and a name)`;
    problems.push({ file, ...(line !== undefined ? { line } : {}), message });
  }
  return problems;
}

/** HCL text → its Terraform JSON (hcl2json), or an InputError naming file, line and column. */
export async function parseHcl(text: string, file: string): Promise<Record<string, unknown>> {
  // Required lazily: the Go/wasm bridge is only loaded when HCL is read.
  const { parse } = require('@cdktf/hcl2json') as { parse(filename: string, contents: string): Promise<Record<string, unknown>> };
  let json: Record<string, unknown>;
  try {
    json = await parse(file, text);
  } catch (e) {
    throw hclProblems(e instanceof Error ? e.message : String(e), file);
  }
  const labels = labelProblems(json, text, file);
  if (labels.length > 0) throw new InputError(labels.map(printableProblem));
  return json;
}

export async function normalizeHcl(text: string, stack: string, file: string): Promise<Resource[]> {
  return hclResources(await parseHcl(text, file), text, stack, file);
}

/**
 * The resources of a parsed HCL file (`json` from parseHcl, possibly transformed), in source order
 * with lines. `inPlace`: `json` is the parse's own output, referenced nowhere else (normalize/value.ts).
 */
export function hclResources(json: Record<string, unknown>, text: string, stack: string, file: string, inPlace = false): Resource[] {
  const lines = hclResourceLines(text);
  const withLines = normalizeTerraformJson(json, stack, file, { lines: NO_KEY_LINES, inPlace }).map((r) => {
    const line = lines.get(`${r.type}.${r.name}`);
    return line === undefined ? r : Object.freeze({ ...r, line });
  });
  // hcl2json sorts keys; give the resources back in source order.
  return withLines.sort((a, b) => (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER));
}
