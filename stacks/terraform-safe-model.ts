/**
 * Every string the stacks take from the environment model is escaped for Terraform (`${` → `$${`,
 * `%{` → `%%{`) before any construct sees it, so the deployed value is the literal string and
 * nothing in the YAML — a `${file("~/.kube/config")}` as a kubeContext, an image, an admin group —
 * is ever evaluated by Terraform (CFG-003). Done once, on the model, rather than at each of the
 * many places a construct writes a model value: a construct cannot forget it.
 */
import type { Environment } from '../checks/core/types';
import { escapeTemplate } from '../checks/core/terraform-template';

function escaped<T>(v: T): T {
  if (typeof v === 'string') return escapeTemplate(v) as T;
  if (Array.isArray(v)) return Object.freeze(v.map(escaped)) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = escaped(x);
    return Object.freeze(out) as T;
  }
  return v;
}

const cache = new WeakMap<Environment, Environment>();

/** The environment with its documents' strings escaped; names, files and the locator as they were. */
export function terraformSafeModel(env: Environment): Environment {
  let safe = cache.get(env);
  if (!safe) {
    safe = Object.freeze({
      ...env,
      topology: escaped(env.topology),
      networks: escaped(env.networks),
      inventory: escaped(env.inventory),
      migration: escaped(env.migration),
      policy: escaped(env.policy),
    });
    cache.set(env, safe);
  }
  return safe;
}
