/**
 * cdktf resolves every token of a stack three times during `app.synth()`
 * (node_modules/cdktf/lib/terraform-stack.js, app.js):
 *
 *  1. `prepareStack()`: every element's `toTerraform()` resolved with `preparing: true` and thrown
 *     away. Its only effect (tfExpression.js, `Reference.resolve`) is to register cross-stack
 *     references: a reference resolved in a stack other than the one it comes from. In an app that
 *     holds a single stack (and no stack nested in it) there is no other stack, so the pass adds
 *     nothing: it is skipped, the backend check it also does is kept.
 *  2. `toTerraform()`: every element's fragment resolved once and merged — the pass that matters.
 *  3. the merged tree resolved again as a whole. It changes a tree only where the tree still holds
 *     something unresolved: a token marker in a string or key, a token number, a resolvable object,
 *     or an `undefined` (dropped). After pass 2 only the stack's own metadata literal (`cloud:
 *     undefined`) and the stack-level overrides were not resolved; `settled` checks the whole tree
 *     for every such case, and the full resolve still runs whenever anything is found.
 *
 * Measured on the heaviest stack at 2,000 systems (issue 18): −44 % CPU with the trace capture gone
 * too (token-traces.ts), byte-identical output (test/stacks/resolve-once.test.ts compares with
 * cdktf's own three-pass synthesis of every stack in one app).
 */
import { createRequire } from 'node:module';
import { Token, TerraformStack } from 'cdktf';

type Resolve = (scope: unknown, obj: unknown, preparing?: boolean) => unknown;

/** cdktf's module-level resolve, looked up by terraform-stack.js at each call (`(0, _tokens_1.resolve)`). */
const tokens = createRequire(require.resolve('cdktf'))('./_tokens') as { resolve: Resolve };

/** cdktf's pattern of numbers concatenated into strings (tokens/private/encoding.js NUMBER_TOKEN_REGEX). */
const NUMBER_IN_STRING = /[-|\d|.+]+(e[-|\d|.|e|E|+]+)/g;
/** resolve() refuses deeper trees (a cycle guard); such a tree is left to it. */
const MAX_DEPTH = 200;

function plainString(s: string): boolean {
  if (s.includes('TfToken[')) return false; // string, list or map token markers
  if (!s.includes('e')) return true;
  for (const m of s.matchAll(NUMBER_IN_STRING)) if (Token.isUnresolved(parseFloat(m[0]))) return false;
  return true;
}

/**
 * True when resolving `value` again would give `value` back, after deleting `undefined` object
 * values in place (what resolve drops). False as soon as anything would need the real resolve.
 */
function settled(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'string') return plainString(value);
  if (typeof value === 'number') return !Token.isUnresolved(value);
  if (typeof value !== 'object' || depth > MAX_DEPTH) return false; // undefined in an array, functions, symbols, bigints
  if (Array.isArray(value)) {
    for (const x of value) if (!settled(x, depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if ((proto !== Object.prototype && proto !== null) || Object.isFrozen(value)) return false;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!plainString(key)) return false;
    const x = record[key];
    if (x === undefined) delete record[key];
    else if (!settled(x, depth + 1)) return false;
  }
  return true;
}

/** The merged tree of `toTerraform()` (pass 3's argument): the only object with the stack's `//` block. */
function isMergedTree(obj: unknown): obj is Record<string, unknown> {
  if (obj === null || typeof obj !== 'object' || !Object.prototype.hasOwnProperty.call(obj, '//')) return false;
  const meta = (obj as Record<string, unknown>)['//'] as Record<string, unknown> | null;
  return typeof meta === 'object' && meta !== null && 'metadata' in meta && 'outputs' in meta;
}

/** Nothing but this stack in its app, and no stack nested in it: no cross-stack reference can exist. */
function aloneInItsApp(stack: TerraformStack): boolean {
  const app = stack.node.scope;
  if (!app || app.node.children.length !== 1) return false;
  return !stack.node.findAll().some((c) => c !== stack && TerraformStack.isStack(c));
}

/** Makes `stack` resolve each token once during synthesis (see above); the output is unchanged. */
export function resolveOnce(stack: TerraformStack): void {
  const prepareStack = stack.prepareStack.bind(stack);
  const toTerraform = stack.toTerraform.bind(stack);
  stack.prepareStack = (): void => {
    if (aloneInItsApp(stack)) stack.ensureBackendExists();
    else prepareStack();
  };
  stack.toTerraform = (): Record<string, unknown> => {
    const resolve = tokens.resolve;
    tokens.resolve = (scope, obj, preparing) => (scope === stack && !preparing && isMergedTree(obj) && settled(obj, 0) ? obj : resolve(scope, obj, preparing));
    try {
      return toTerraform() as Record<string, unknown>;
    } finally {
      tokens.resolve = resolve;
    }
  };
}
