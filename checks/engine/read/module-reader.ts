/**
 * A Terraform root module folder → resources and configuration problems, read the way Terraform
 * would load it (nothing is evaluated or executed):
 *  - every `.tf` / `.tf.json` in the folder (terraform-files.ts);
 *  - input variables bound to literals — defaults, tfvars, `--var-file` (variables.ts) — and
 *    whole-value `${var.x}` references replaced by them (substitute.ts);
 *  - `dynamic` blocks over literal collections expanded (dynamic-blocks.ts);
 *  - every local module it calls read the same way, recursively, its resources addressed
 *    `module.m.TYPE.NAME` and its variables bound from the call's arguments (module-calls.ts).
 * What cannot be read is a problem for the CFG rules, never a silent skip: a module call whose
 * source cannot be read, a cycle, nesting too deep (CFG-004); a block the parse dropped (CFG-001).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { InputError, type InputProblem } from '../../core/errors';
import { printable } from '../../core/printable';
import { hclResources } from '../normalize/hcl';
import { normalizeTerraformJson } from '../normalize/terraform-json';
import { templatesOutsideResources } from '../template-problems';
import type { ConfigurationProblem, Resource } from '../types';
import { expandDynamicBlocks } from './dynamic-blocks';
import { hiddenBlockProblems } from './hidden-blocks';
import { isMap } from './literal';
import { callArguments, moduleCalls, moduleSource, type ModuleCall } from './module-calls';
import { substitute, variableResolver } from './substitute';
import { configFileNames, readConfigFiles, type ConfigFile } from './terraform-files';
import { autoVarFiles, bindVariables, declaredVariables, readVarFile, type KnownValues } from './variables';

export interface ReadConfiguration {
  resources: Resource[];
  problems: ConfigurationProblem[];
}

export interface RootModuleOptions {
  /** Stack id of every resource read (the folder's name for `--tf`, the stack folder for `--synth`). */
  stack: string;
  cwd: string;
  /** `--var-file` files, applied after the ones Terraform loads by itself. */
  varFiles?: readonly string[];
}

/** Module calls deeper than this are not followed (Terraform configurations nest a few levels). */
export const MAX_MODULE_DEPTH = 16;
/** Module instances one root may read in all (calls repeated at every level multiply). */
export const MAX_MODULE_READS = 500;

interface Scope {
  readonly stack: string;
  readonly cwd: string;
  readonly prefix: string;
  readonly assignments: readonly ReadonlyMap<string, unknown>[];
  /** Real paths of the module folders from the root to this one (cycle guard). */
  readonly chain: readonly string[];
  readonly reads: { count: number };
}

const oneOrMany = (v: unknown, f: (x: unknown) => unknown): unknown => (Array.isArray(v) ? v.map(f) : f(v));
const mapValues = (m: unknown, f: (x: unknown) => unknown): unknown => (isMap(m) ? Object.fromEntries(Object.entries(m).map(([k, x]) => [k, f(x)])) : m);

/** The document with every resource body passed through `transform`, every other shape kept as written. */
function transformResourceBodies(doc: Readonly<Record<string, unknown>>, transform: (body: Record<string, unknown>) => unknown): Record<string, unknown> {
  if (doc.resource === undefined || doc.resource === null) return { ...doc };
  const body = (b: unknown): unknown => (isMap(b) ? transform(b) : b);
  const resource = oneOrMany(doc.resource, (group) => mapValues(group, (byName) => oneOrMany(byName, (names) => mapValues(names, (raw) => oneOrMany(raw, body)))));
  return { ...doc, resource };
}

function fileResources(f: ConfigFile, known: KnownValues, scope: Scope): Resource[] {
  const resolve = variableResolver(known);
  // Only files that can hold a reference or a dynamic block pay for the walk.
  const substituteVars = known.size > 0 && f.mentionsVar;
  const expand = f.mayHaveDynamicBlocks;
  const doc =
    substituteVars || expand
      ? transformResourceBodies(f.doc, (b) => {
          const resolved = substituteVars ? substitute(b, resolve) : b;
          return expand ? expandDynamicBlocks(resolved) : resolved;
        })
      : f.doc;
  // The file's own parse output is normalized in place; a transformed document may share parts
  // (a variable's value substituted at every reference): it is copied.
  const inPlace = doc === f.doc;
  const resources =
    f.format === 'json' ? normalizeTerraformJson(doc, scope.stack, f.file, { lines: f.keyLines, inPlace }) : hclResources(doc, f.text, scope.stack, f.file, inPlace);
  return scope.prefix === '' ? resources : resources.map((r) => Object.freeze({ ...r, address: `${scope.prefix}${r.address}` }));
}

function moduleProblem(call: ModuleCall, scope: Scope, address: string, zh: string, en: string): ConfigurationProblem {
  return {
    rule: 'CFG-004',
    message: {
      zh: printable(`${address}（模块 "${call.name}"）${zh}，其中的资源未能检查`),
      en: printable(`${address} (module "${call.name}") ${en}, so its resources cannot be checked`),
    },
    file: call.file,
    ...(call.line !== undefined ? { line: call.line } : {}),
    stack: scope.stack,
    address,
  };
}

async function readCall(call: ModuleCall, callerDir: string, known: KnownValues, scope: Scope, out: ReadConfiguration): Promise<void> {
  const address = `${scope.prefix}module.${call.name}`;
  const source = moduleSource(call, callerDir, scope.cwd);
  if (source.kind === 'unreadable') {
    out.problems.push(moduleProblem(call, scope, address, source.why.zh, source.why.en));
    return;
  }
  const real = fs.realpathSync(path.resolve(scope.cwd, source.dir));
  if (scope.chain.includes(real)) {
    out.problems.push(moduleProblem(call, scope, address, '调用了自身所在的模块（循环调用）', 'calls a module that is already being read (a cycle)'));
    return;
  }
  if (scope.chain.length > MAX_MODULE_DEPTH) {
    out.problems.push(moduleProblem(call, scope, address, `嵌套超过 ${MAX_MODULE_DEPTH} 层`, `is nested more than ${MAX_MODULE_DEPTH} modules deep`));
    return;
  }
  if (++scope.reads.count > MAX_MODULE_READS) {
    out.problems.push(moduleProblem(call, scope, address, `超出可读取的模块实例数（${MAX_MODULE_READS}）`, `is past the ${MAX_MODULE_READS} module instances one configuration may read`));
    return;
  }
  if (configFileNames(source.dir, scope.cwd).length === 0) {
    out.problems.push(moduleProblem(call, scope, address, '的目录中没有 .tf 或 .tf.json 文件', 'has a source folder with no .tf or .tf.json file'));
    return;
  }
  // The call's arguments, resolved in the caller: a literal binds the module's variable.
  const resolve = variableResolver(known);
  const args = new Map([...callArguments(call)].map(([k, v]) => [k, substitute(v, resolve)]));
  await readModule(source.dir, { ...scope, prefix: `${address}.`, assignments: [args], chain: [...scope.chain, real] }, out);
}

/**
 * An override file is read like any other (its literal settings are judged), but Terraform would
 * merge it into the blocks it names, which the readers do not: what is checked may not be what is
 * deployed (CFG-004).
 */
function overrideProblem(f: ConfigFile, scope: Scope): ConfigurationProblem {
  return {
    rule: 'CFG-004',
    message: {
      zh: printable(`${f.file} 是覆盖文件：Terraform 会把它合并进其所指的块，检查不做这种合并，所检查的可能不是所部署的`),
      en: printable(`${f.file} is an override file: Terraform merges it into the blocks it names, which the check does not do, so what is checked may not be what is deployed`),
    },
    file: f.file,
    stack: scope.stack,
  };
}

async function readModule(dir: string, scope: Scope, out: ReadConfiguration): Promise<void> {
  const files = await readConfigFiles(dir, scope.cwd);
  for (const f of files) {
    if (f.override) out.problems.push(overrideProblem(f, scope));
    // cdktf output: a template in the provider or backend block (CFG-003).
    if (f.format === 'json') out.problems.push(...templatesOutsideResources(f.doc, scope.stack, f.file));
  }
  const known = bindVariables(declaredVariables(files), scope.assignments);
  const bad: InputProblem[] = [];
  for (const f of files) {
    try {
      const resources = fileResources(f, known, scope);
      out.resources.push(...resources);
      out.problems.push(...hiddenBlockProblems(f, resources, scope));
    } catch (err) {
      if (err instanceof InputError) bad.push(...err.problems);
      else throw err;
    }
  }
  if (bad.length > 0) throw new InputError(bad);
  for (const f of files) for (const call of moduleCalls(f)) await readCall(call, dir, known, scope, out);
}

/** A root module folder (which must exist and hold configuration files) with every local module it calls. */
export async function readRootModule(dir: string, opts: RootModuleOptions): Promise<ReadConfiguration> {
  const assignments: Map<string, unknown>[] = [];
  for (const file of [...autoVarFiles(dir, opts.cwd), ...(opts.varFiles ?? [])]) assignments.push(await readVarFile(file, opts.cwd));
  const out: ReadConfiguration = { resources: [], problems: [] };
  const real = fs.realpathSync(path.resolve(opts.cwd, dir));
  await readModule(dir, { stack: opts.stack, cwd: opts.cwd, prefix: '', assignments, chain: [real], reads: { count: 0 } }, out);
  return out;
}
