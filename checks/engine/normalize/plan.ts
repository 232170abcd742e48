/**
 * `terraform show -json` plan output → resources: planned_values.root_module.resources and every
 * child module, recursively; `values` is the body, the address comes from the plan.
 */
import { InputError, type InputProblem } from '../../core/errors';
import type { Resource } from '../types';
import { makeResource } from './resource';
import { isJsonObject as isObject } from '../../core/json';

interface PlanResource {
  address?: unknown;
  mode?: unknown;
  type?: unknown;
  name?: unknown;
  index?: unknown;
  values?: unknown;
}
interface PlanModule {
  resources?: PlanResource[];
  child_modules?: PlanModule[];
  address?: unknown;
}

/** Refuses anything that is not a plan of format 1.x, with a message that says what it is. */
function checkPlanShape(doc: unknown, file: string): Record<string, unknown> {
  if (!isObject(doc)) throw new InputError([{ file, path: '', message: 'not a Terraform plan: expected a JSON object (output of `terraform show -json PLANFILE`)' }]);
  const fv = doc.format_version;
  if (typeof fv !== 'string') {
    throw new InputError([{ file, path: '/format_version', message: 'not a Terraform plan: format_version is missing (output of `terraform show -json PLANFILE` expected)' }]);
  }
  if (fv.split('.')[0] !== '1') {
    throw new InputError([{ file, path: '/format_version', message: `unsupported plan format_version ${JSON.stringify(fv)}: major version 1 expected` }]);
  }
  if (!isObject(doc.planned_values)) {
    const hint = isObject(doc.values) ? ' (this looks like a state, from `terraform show -json` without a plan file)' : '';
    throw new InputError([{ file, path: '/planned_values', message: `not a Terraform plan: planned_values is missing${hint}` }]);
  }
  return doc;
}

/** Local name of a resource, with its count/for_each index so that addresses stay unique. */
function localAddress(r: PlanResource, modulePrefix: string): { name: string; prefix: string } {
  const address = typeof r.address === 'string' ? r.address : '';
  const type = String(r.type);
  // The plan address is `module.a.module.b.TYPE.NAME[idx]`: the part before `TYPE.` is the module path.
  const at = address.lastIndexOf(`${type}.`);
  const prefix = at > 0 ? address.slice(0, at) : modulePrefix;
  const name = at >= 0 ? address.slice(at + type.length + 1) : String(r.name);
  return { name, prefix };
}

function kindOf(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'a map' : `a ${typeof v}`;
}

/** Deeper module nesting than this is refused (Terraform itself nests a few levels). */
const MAX_MODULE_DEPTH = 64;

/** `inPlace`: `doc` is the reader's own parse output, referenced nowhere else (normalize/value.ts). */
export function normalizePlan(doc: unknown, stack: string, file: string, inPlace = false): Resource[] {
  const plan = checkPlanShape(doc, file);
  const root = (plan.planned_values as Record<string, unknown>).root_module;
  const out: Resource[] = [];
  // A part of the plan with the wrong shape is reported, never skipped: a skipped resource is
  // a resource nobody checked.
  const problems: InputProblem[] = [];
  const bad = (path: string, message: string): void => {
    problems.push({ file, path, message });
  };
  const visit = (mod: unknown, pointer: string, depth: number): void => {
    if (!isObject(mod)) {
      bad(pointer, `a module must be a map (got ${kindOf(mod)})`);
      return;
    }
    if (depth > MAX_MODULE_DEPTH) {
      bad(pointer, `modules are nested too deeply (limit ${MAX_MODULE_DEPTH} levels)`);
      return;
    }
    const m = mod as PlanModule;
    const modulePrefix = typeof m.address === 'string' && m.address !== '' ? `${m.address}.` : '';
    if (m.resources !== undefined && !Array.isArray(m.resources)) bad(`${pointer}/resources`, `must be a list of resources (got ${kindOf(m.resources)})`);
    (Array.isArray(m.resources) ? m.resources : []).forEach((r: unknown, i) => {
      const at = `${pointer}/resources/${i}`;
      if (!isObject(r)) return bad(at, `a resource must be a map (got ${kindOf(r)})`);
      if (r.mode === 'data') return;
      if (typeof r.type !== 'string' || r.type === '') return bad(`${at}/type`, 'a resource needs its type (a string)');
      if (typeof r.name !== 'string' || r.name === '') return bad(`${at}/name`, 'a resource needs its name (a string)');
      if (r.values !== undefined && r.values !== null && !isObject(r.values)) return bad(`${at}/values`, `must be a map of attribute values (got ${kindOf(r.values)})`);
      const { name, prefix } = localAddress(r, modulePrefix);
      out.push(makeResource({ type: r.type, name, body: r.values, stack, file, modulePrefix: prefix, inPlace }));
    });
    if (m.child_modules !== undefined && !Array.isArray(m.child_modules)) bad(`${pointer}/child_modules`, `must be a list of modules (got ${kindOf(m.child_modules)})`);
    (Array.isArray(m.child_modules) ? m.child_modules : []).forEach((child: unknown, i) => visit(child, `${pointer}/child_modules/${i}`, depth + 1));
  };
  // A plan with nothing planned may leave root_module out.
  if (root !== undefined) visit(root, '/planned_values/root_module', 0);
  if (problems.length > 0) throw new InputError(problems);
  return out;
}
