/**
 * The recipes of docs/deploying.md as data: each `yaml` block preceded by a comment
 * `<!-- recipe: NAME PHASE append FILE LIST -->` (append the block's entries to a top-level list)
 * or `<!-- recipe: NAME PHASE set FILE LIST[id,…].LIST[id,…] -->` (set the block's fields on the
 * entries with those ids — `id`, or `system` for moves). Applied to an environment folder with the
 * `yaml` document model, so that the rest of the file — comments included — stays as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isMap, isSeq, parse, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';

export interface RecipeStep {
  recipe: string;
  phase: string;
  op: 'append' | 'set';
  file: string;
  target: string;
  block: string;
}

const STEP = /<!-- recipe: (\S+) (\S+) (append|set) (\S+) (\S+) -->\n```yaml\n([\s\S]*?)```/g;

export function recipeSteps(markdown: string): RecipeStep[] {
  return [...markdown.matchAll(STEP)].map((m) => ({ recipe: m[1], phase: m[2], op: m[3] as RecipeStep['op'], file: m[4], target: m[5], block: m[6] }));
}

const keyOf = (item: YAMLMap): unknown => item.get('id') ?? item.get('system');

/** The entries `LIST[a,b].LIST[c]` names; every id must name one. */
function select(doc: Document, target: string): YAMLMap[] {
  let scope: YAMLMap[] = [doc.contents as YAMLMap];
  for (const segment of target.split('.')) {
    const m = /^(\w+)\[([^\]]+)\]$/.exec(segment);
    if (!m) throw new Error(`recipe target '${target}': '${segment}' is not LIST[id,…]`);
    const ids = m[2].split(',');
    const next: YAMLMap[] = [];
    for (const parent of scope) {
      const seq = parent.get(m[1]);
      if (!isSeq(seq)) throw new Error(`recipe target '${target}': no list '${m[1]}'`);
      for (const id of ids) {
        const found = (seq as YAMLSeq).items.filter((i): i is YAMLMap => isMap(i) && keyOf(i) === id);
        if (found.length !== 1) throw new Error(`recipe target '${target}': ${found.length} entries '${id}' in '${m[1]}'`);
        next.push(...found);
      }
    }
    scope = next;
  }
  return scope;
}

export function applyStep(envDir: string, step: RecipeStep): void {
  const file = path.join(envDir, step.file);
  const doc = parseDocument(fs.readFileSync(file, 'utf8'));
  const value = parse(step.block) as unknown;
  if (step.op === 'append') {
    const seq = doc.get(step.target);
    if (!isSeq(seq) || !Array.isArray(value)) throw new Error(`recipe: append ${step.file} ${step.target} needs a list there and a list in the block`);
    for (const entry of value) seq.items.push(doc.createNode(entry));
  } else {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`recipe: set ${step.file} ${step.target} needs a map in the block`);
    for (const entry of select(doc, step.target)) for (const [k, v] of Object.entries(value)) entry.set(k, doc.createNode(v));
  }
  fs.writeFileSync(file, doc.toString());
}
