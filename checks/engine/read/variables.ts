/**
 * Input variables of one module, bound as Terraform binds them, without evaluating anything:
 * the declared literal `default`, overridden — in a root module — by the tfvars files Terraform
 * loads itself (`terraform.tfvars`, `terraform.tfvars.json`, `*.auto.tfvars(.json)` in lexical
 * order) and then the `--var-file` files in the order given; in a called module by the call's
 * arguments. A value that is not a literal (an expression) makes the variable unknown: a later
 * source wins even then, as in Terraform. Values given at deploy time (`-var`, `TF_VAR_*`) are
 * not seen: the check judges what the files say.
 */
import * as path from 'node:path';
import { InputError, type InputProblem } from '../../core/errors';
import { printableProblem } from '../../core/printable';
import { displayPath, listDir, readText } from '../normalize/files';
import { parseHcl } from '../normalize/hcl';
import { parseJsonText } from '../normalize/json-text';
import { bodiesOf, isLiteral, isMap } from './literal';
import type { ConfigFile } from './terraform-files';

/** name → the variable's literal value; a declared variable that is absent here is unknown. */
export type KnownValues = ReadonlyMap<string, unknown>;

/** Variables declared in the module: name → the raw default (undefined when there is none). */
export function declaredVariables(files: readonly ConfigFile[]): Map<string, { default: unknown; hasDefault: boolean }> {
  const out = new Map<string, { default: unknown; hasDefault: boolean }>();
  const problems: InputProblem[] = [];
  const where = new Map<string, string>();
  // Terraform reads override files after every other file, whatever their names.
  for (const f of [...files.filter((x) => !x.override), ...files.filter((x) => x.override)]) {
    // `variable` maps names to bodies; Terraform JSON may also write it as a list of such maps.
    for (const group of Array.isArray(f.doc.variable) ? f.doc.variable : [f.doc.variable]) {
      if (!isMap(group)) continue;
      for (const [name, raw] of Object.entries(group)) {
        const body = bodiesOf(raw)[0] ?? {};
        const hasDefault = Object.prototype.hasOwnProperty.call(body, 'default');
        const earlier = out.get(name);
        // An override file merges into the declaration: its default wins (Terraform's override rules).
        if (earlier && f.override) {
          if (hasDefault) out.set(name, { default: body.default, hasDefault });
          continue;
        }
        if (earlier) {
          problems.push({ file: f.file, path: `/variable/${name}`, message: `variable "${name}" is declared twice (also in ${where.get(name)})` });
          continue;
        }
        where.set(name, f.file);
        out.set(name, { default: body.default, hasDefault });
      }
    }
  }
  if (problems.length > 0) throw new InputError(problems.map(printableProblem));
  return out;
}

/** Binds the declared variables: the default, then each assignment map in order (later wins). */
export function bindVariables(declared: ReadonlyMap<string, { default: unknown; hasDefault: boolean }>, assignments: readonly ReadonlyMap<string, unknown>[]): KnownValues {
  const known = new Map<string, unknown>();
  for (const [name, d] of declared) {
    let value: { v: unknown } | undefined = d.hasDefault ? { v: d.default } : undefined;
    for (const a of assignments) if (a.has(name)) value = { v: a.get(name) };
    if (value !== undefined && isLiteral(value.v)) known.set(name, value.v);
  }
  return known;
}

/** The tfvars files Terraform loads by itself from a root module folder, in its order. */
export function autoVarFiles(dir: string, cwd: string): string[] {
  const names = listDir(dir, cwd)
    .filter((e) => !e.isDirectory())
    .map((e) => e.name);
  const auto = names.filter((n) => n.endsWith('.auto.tfvars') || n.endsWith('.auto.tfvars.json')).sort();
  return [...['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n)), ...auto].map((n) => path.join(dir, n));
}

/** One tfvars file (HCL, or JSON when it ends in `.json`): name → raw value. */
export async function readVarFile(file: string, cwd: string): Promise<Map<string, unknown>> {
  const shown = displayPath(file, cwd);
  const text = readText(file, cwd);
  const doc = file.endsWith('.json') ? parseJsonText(text, shown) : await parseHcl(text, shown);
  if (!isMap(doc)) throw new InputError([{ file: shown, path: '', message: 'a variable-definitions file must be a map of variable names to values' }]);
  return new Map(Object.entries(doc));
}
