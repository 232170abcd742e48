/**
 * `terraform show -json` plan output → resources: planned_values.root_module.resources and every
 * child module, recursively; `values` is the body, the address comes from the plan.
 */
import { InputError } from '../../model/errors';
import type { Resource } from '../types';
import { makeResource } from './resource';

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

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
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

export function normalizePlan(doc: unknown, stack: string, file: string): Resource[] {
  const plan = checkPlanShape(doc, file);
  const root = (plan.planned_values as Record<string, unknown>).root_module;
  const out: Resource[] = [];
  const visit = (mod: unknown, depth: number): void => {
    if (!isObject(mod) || depth > 64) return;
    const m = mod as PlanModule;
    const modulePrefix = typeof m.address === 'string' && m.address !== '' ? `${m.address}.` : '';
    for (const r of Array.isArray(m.resources) ? m.resources : []) {
      if (!isObject(r) || r.mode === 'data' || typeof r.type !== 'string' || typeof r.name !== 'string') continue;
      const { name, prefix } = localAddress(r, modulePrefix);
      out.push(makeResource({ type: r.type, name, body: r.values, stack, file, modulePrefix: prefix }));
    }
    for (const child of Array.isArray(m.child_modules) ? m.child_modules : []) visit(child, depth + 1);
  };
  visit(root, 0);
  return out;
}
