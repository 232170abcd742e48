/**
 * Walks what the rules judge in a resource (checks/engine/judged-fields.ts) and says what cannot
 * be verified there:
 *  - CFG-001, not readable: a block of the wrong shape (a string or number where a block belongs,
 *    a list item that is not a block), a block the provider allows once written twice (the rules
 *    read the first), a field of the wrong type (`privileged = "yes"`), a `dynamic` block the
 *    reader could not expand although its for_each is written out;
 *  - CFG-002, not known before deployment: an expression left in a judged field or block after
 *    the readers resolved the variables, or a `dynamic` block iterating over one.
 * The rules themselves read these values leniently (a string where a block belongs reads as
 * "missing", which a "must not" rule passes), so without this they would pass without a word.
 */
import {
  fieldPath,
  isObj,
  isUnresolved,
  judgedBody,
  MAX_DYNAMIC_BLOCKS,
  parseReference,
  type JudgedBlock,
  type JudgedField,
  type Obj,
  type PathStep,
  type Resource,
  type Value,
} from '../../sdk';

export interface Issue {
  readonly rule: 'CFG-001' | 'CFG-002';
  readonly zh: string;
  readonly en: string;
}

const MAX_SHOWN = 120;

function clip(s: string): string {
  return s.length > MAX_SHOWN ? `${s.slice(0, MAX_SHOWN)}…` : s;
}

function kindOf(v: Value): { zh: string; en: string } {
  if (typeof v === 'string') return { zh: `字符串 ${clip(JSON.stringify(v))}`, en: `a string (${clip(JSON.stringify(v))})` };
  if (typeof v === 'number') return { zh: `数字 ${v}`, en: `a number (${v})` };
  if (typeof v === 'boolean') return { zh: `布尔值 ${v}`, en: `a boolean (${v})` };
  if (Array.isArray(v)) return { zh: '列表', en: 'a list' };
  if (v === null) return { zh: 'null', en: 'null' };
  return { zh: '块（映射）', en: 'a block (map)' };
}

const TYPE_TEXT: Record<JudgedField['type'], { zh: string; en: string }> = {
  bool: { zh: '布尔值', en: 'a boolean' },
  number: { zh: '数字', en: 'a number' },
  string: { zh: '字符串', en: 'a string' },
  strings: { zh: '字符串列表', en: 'a list of strings' },
};

/** Roots of a reference that are not a managed resource. */
const NOT_RESOURCES = new Set(['var', 'local', 'data', 'module', 'each', 'count', 'path', 'terraform', 'self']);

/** `${kubernetes_service_account_v1.web.metadata[0].name}`: a reference to a resource of this configuration. */
function isResourceReference(expr: string): boolean {
  const ref = parseReference(expr);
  return ref !== undefined && ref.root.includes('_') && !NOT_RESOURCES.has(ref.root) && ref.steps.length >= 2;
}

/** Literal text around a template (`registry.x/${var.app}:1.2` has both); a value that is one expression has none. */
function hasLiteralParts(expr: string): boolean {
  const head = expr.slice(0, Math.max(0, expr.indexOf('${')));
  const tail = expr.slice(expr.lastIndexOf('}') + 1);
  return head !== '' || tail !== '';
}

function rulesText(rules: readonly string[]): string {
  return rules.join(', ');
}

/**
 * The blocks from the resource body down to where the walk is, innermost first: one node per block
 * entered, spelt out as a field path only for an issue (copying the steps at each block entered cost
 * more than the walk, issue #18).
 */
interface Trail {
  readonly up: Trail | undefined;
  readonly step: PathStep;
}

/** The field path of `last` under `trail` (`spec.template.spec.container[0].image`). */
function pathTo(trail: Trail | undefined, last: PathStep): string {
  const steps: PathStep[] = [last];
  for (let t = trail; t !== undefined; t = t.up) steps.push(t.step);
  return fieldPath(steps.reverse());
}

class Walk {
  readonly issues: Issue[] = [];
  constructor(readonly address: string) {}

  unreadable(at: string, zh: string, en: string): void {
    this.issues.push({ rule: 'CFG-001', zh: `${this.address}：${at} ${zh}，无法验证`, en: `${this.address}: ${at} ${en}: it cannot be verified` });
  }

  unknown(at: string, expr: string, rules: readonly string[]): void {
    const by = rules.length > 0 ? `（${rulesText(rules)} 据此判断）` : '';
    const byEn = rules.length > 0 ? `, judged by ${rulesText(rules)}` : '';
    this.issues.push({
      rule: 'CFG-002',
      zh: `${this.address}：${at} 的值在部署前未知（${clip(expr)}）${by}，无法验证`,
      en: `${this.address}: ${at} is not known before deployment (${clip(expr)})${byEn}: it cannot be verified`,
    });
  }

  /** Whether the value is of the field's type (an expression is judged apart). */
  private static typed(v: Value, type: JudgedField['type']): boolean {
    switch (type) {
      case 'bool':
        return typeof v === 'boolean' || v === 'true' || v === 'false';
      case 'number':
        return typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)));
      case 'string':
        return typeof v === 'string' || typeof v === 'number';
      case 'strings':
        return typeof v === 'string' || Array.isArray(v);
    }
  }

  // Field paths are built only for an issue: nearly every judged value is fine, and building the
  // path of each cost more than the walk (issue #18).
  field(obj: Obj, name: string, f: JudgedField, trail: Trail | undefined): void {
    const v = obj[name];
    if (v === undefined || v === null) return;
    if (isUnresolved(v)) {
      const expr = v.$unresolved;
      if (f.resourceReferences && isResourceReference(expr)) return;
      if (f.literalParts && hasLiteralParts(expr)) return;
      return this.unknown(pathTo(trail, { name }), expr, f.rules);
    }
    if (!Walk.typed(v, f.type)) {
      return this.unreadable(pathTo(trail, { name }), `应为${TYPE_TEXT[f.type].zh}，实为${kindOf(v).zh}`, `is ${kindOf(v).en}, not ${TYPE_TEXT[f.type].en}`);
    }
    if (f.type !== 'strings' || !Array.isArray(v)) return;
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      if (typeof item === 'string') continue;
      const itemAt = `${pathTo(trail, { name })}[${i}]`;
      if (isUnresolved(item)) this.unknown(itemAt, item.$unresolved, f.rules);
      else this.unreadable(itemAt, `应为字符串，实为${kindOf(item).zh}`, `is ${kindOf(item).en}, not a string`);
    }
  }

  block(parent: Obj, name: string, b: JudgedBlock, trail: Trail | undefined): void {
    const v = parent[name];
    if (v === undefined || v === null) return;
    if (isUnresolved(v)) return this.unknown(pathTo(trail, { name }), v.$unresolved, b.rules);
    if (isObj(v)) return this.body(v, b, { up: trail, step: { name, index: 0 } });
    if (!Array.isArray(v)) return this.unreadable(pathTo(trail, { name }), `应为块，实为${kindOf(v).zh}`, `is ${kindOf(v).en} where a block belongs`);
    const objects: [Obj, number][] = [];
    v.forEach((item, index) => {
      if (isObj(item)) return void objects.push([item, index]);
      const itemAt = pathTo(trail, { name, index });
      if (isUnresolved(item)) this.unknown(itemAt, item.$unresolved, b.rules);
      else this.unreadable(itemAt, `应为块，实为${kindOf(item).zh}`, `is ${kindOf(item).en} where a block belongs`);
    });
    if (b.once && objects.length > 1) {
      this.unreadable(pathTo(trail, { name }), `写了 ${objects.length} 次（provider 只允许一个，规则只读取第一个）`, `is written ${objects.length} times (the provider allows one, and the rules read only the first)`);
    }
    for (const [item, index] of b.once ? objects.slice(0, 1) : objects) this.body(item, b, { up: trail, step: { name, index } });
  }

  /** `dynamic` blocks the reader left in place: it could not expand them. */
  dynamic(obj: Obj, b: JudgedBlock, trail: Trail | undefined): void {
    const dyn = obj.dynamic;
    if (dyn === undefined || dyn === null) return;
    if (!isObj(dyn)) return this.unreadable(pathTo(trail, { name: 'dynamic' }), `应为按块类型组织的映射，实为${kindOf(dyn).zh}`, `is ${kindOf(dyn).en}, not a map of block types`);
    for (const [name, raw] of Object.entries(dyn)) {
      const judged = b.blocks?.[name];
      if (judged === undefined) continue; // a block no rule reads
      (Array.isArray(raw) ? raw : [raw]).forEach((spec, index) => {
        const at = pathTo(trail, { name: `dynamic "${name}"`, index });
        const forEach = isObj(spec) ? spec.for_each : undefined;
        if (isUnresolved(forEach)) {
          this.issues.push({
            rule: 'CFG-002',
            zh: `${this.address}：${at} 遍历的 ${clip(forEach.$unresolved)} 在部署前未知，其生成的 ${name} 块无法验证`,
            en: `${this.address}: ${at} iterates over ${clip(forEach.$unresolved)}, which is not known before deployment: the ${name} blocks it produces cannot be verified`,
          });
          return;
        }
        const why =
          forEach === undefined || forEach === null
            ? { zh: '没有 for_each', en: 'has no for_each' }
            : !Array.isArray(forEach) && !isObj(forEach)
              ? { zh: `的 for_each 是${kindOf(forEach).zh}，不是列表或映射`, en: `has a for_each that is ${kindOf(forEach).en}, not a list or map` }
              : { zh: `无法展开（content 须恰为一个块、iterator 须为名称、至多 ${MAX_DYNAMIC_BLOCKS} 个块）`, en: `cannot be expanded (it needs exactly one content block, an iterator that is a name, and at most ${MAX_DYNAMIC_BLOCKS} blocks)` };
        this.issues.push({
          rule: 'CFG-001',
          zh: `${this.address}：${at} ${why.zh}，其生成的 ${name} 块无法验证`,
          en: `${this.address}: ${at} ${why.en}: the ${name} blocks it produces cannot be verified`,
        });
      });
    }
  }

  body(obj: Obj, b: JudgedBlock, trail: Trail | undefined): void {
    const { fields, blocks } = partsOf(b);
    for (const [name, f] of fields) this.field(obj, name, f, trail);
    for (const [name, child] of blocks) this.block(obj, name, child, trail);
    this.dynamic(obj, b, trail);
  }
}

/** The fields and blocks of a judged block as lists, made once per block of the (constant) schema, not per body walked. */
const parts = new WeakMap<JudgedBlock, { fields: readonly [string, JudgedField][]; blocks: readonly [string, JudgedBlock][] }>();

function partsOf(b: JudgedBlock): { fields: readonly [string, JudgedField][]; blocks: readonly [string, JudgedBlock][] } {
  let p = parts.get(b);
  if (p === undefined) parts.set(b, (p = { fields: Object.entries(b.fields ?? {}), blocks: Object.entries(b.blocks ?? {}) }));
  return p;
}

const cache = new WeakMap<Resource, readonly Issue[]>();

/** Everything about the resource's judged fields that cannot be verified (cached per resource). */
export function judgedValueIssues(r: Resource): readonly Issue[] {
  const hit = cache.get(r);
  if (hit) return hit;
  const schema = judgedBody(r.kind);
  const walk = new Walk(r.address);
  if (schema) walk.body(r.attrs, schema, undefined);
  cache.set(r, walk.issues);
  return walk.issues;
}
