/**
 * One rule-fixture case folder `test/rules/<RULE-ID>/<case>/` (docs/ARCHITECTURE.md): the mini
 * environment + `patch.yaml`, the configuration (`main.tf.json` / `main.tf`, at the top of the case
 * or one per stack in `<case>/<stack>/`), and `case.yaml` (asOf, expect, stack, description).
 */
import { RULE_ID_PATTERN } from '../../policies';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_ROOT } from '../../checks/core/version';
import type { ConfigurationProblem, Resource, RuleContext } from '../../checks/engine/types';
import type { Environment } from '../../checks/core/types';
import { readRootModule, type ReadConfiguration } from '../../checks/engine/read/module-reader';
import { isRealDate } from '../../checks/app/cli/args';
import { parseYaml } from '../../checks/core/yaml';
import { formatProblem } from '../../checks/core/errors';
import { asPatchOps } from './patch';
import type { PatchOp } from './patch';
import { loadPatchedMiniEnv } from './mini-env';
import { buildRuleContext, DEFAULT_AS_OF } from './rule-context';
import { reviewPolicy } from '../../checks/engine/effective-policy';
import { judgedRuleIds, runChecks } from '../../checks/engine/run';
import { ALL_RULES, ruleById } from '../../policies/index';

export const RULES_FIXTURE_DIR = path.join(PACKAGE_ROOT, 'test', 'rules');
export const RULE_ID = RULE_ID_PATTERN;

export interface CaseSpec {
  asOf: string;
  expect?: number;
  stack?: string;
  description?: string;
  /**
   * For a rule that judges the other rules' findings (inputs 'findings', EXC-002): the rules the
   * engine evaluates before it; their findings, suppressions applied, are its ctx.priorFindings.
   */
  priorRules?: string[];
}

export interface FixtureCase {
  ruleId: string;
  name: string;
  dir: string;
  expectation: 'pass' | 'fail';
}

function rel(p: string): string {
  return path.relative(PACKAGE_ROOT, p).split(path.sep).join('/');
}

/** Every `<RULE-ID>/<pass…|fail…>/` folder under test/rules, sorted. */
export function discoverCases(root = RULES_FIXTURE_DIR): FixtureCase[] {
  if (!fs.existsSync(root)) return [];
  const out: FixtureCase[] = [];
  for (const ruleDir of fs.readdirSync(root, { withFileTypes: true })) {
    if (!ruleDir.isDirectory() || !RULE_ID.test(ruleDir.name)) continue;
    for (const c of fs.readdirSync(path.join(root, ruleDir.name), { withFileTypes: true })) {
      if (!c.isDirectory()) continue;
      const expectation = c.name.startsWith('pass') ? 'pass' : c.name.startsWith('fail') ? 'fail' : undefined;
      if (!expectation) continue;
      out.push({ ruleId: ruleDir.name, name: c.name, dir: path.join(root, ruleDir.name, c.name), expectation });
    }
  }
  return out.sort((a, b) => (a.ruleId + '/' + a.name < b.ruleId + '/' + b.name ? -1 : 1));
}

/** Folders under test/rules that look like rule folders but hold no valid case (typos, wrong prefix). */
export function strayCaseFolders(root = RULES_FIXTURE_DIR): string[] {
  if (!fs.existsSync(root)) return [];
  const out: string[] = [];
  for (const ruleDir of fs.readdirSync(root, { withFileTypes: true })) {
    if (!ruleDir.isDirectory() || !RULE_ID.test(ruleDir.name)) continue;
    for (const c of fs.readdirSync(path.join(root, ruleDir.name), { withFileTypes: true })) {
      if (c.isDirectory() && !c.name.startsWith('pass') && !c.name.startsWith('fail')) out.push(`${ruleDir.name}/${c.name}`);
    }
  }
  return out.sort();
}

function readYamlValue(file: string): unknown {
  const parsed = parseYaml(fs.readFileSync(file, 'utf8'), rel(file));
  if (parsed.value === undefined) throw new Error(parsed.problems.map(formatProblem).join('\n'));
  return parsed.value;
}

export function readCaseSpec(dir: string): CaseSpec {
  const file = path.join(dir, 'case.yaml');
  if (!fs.existsSync(file)) return { asOf: DEFAULT_AS_OF };
  const raw = readYamlValue(file) as Record<string, unknown>;
  const where = rel(file);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`${where}: must be a map`);
  for (const k of Object.keys(raw)) if (!['asOf', 'expect', 'stack', 'description', 'priorRules'].includes(k)) throw new Error(`${where}: unknown field '${k}'`);
  const spec: CaseSpec = { asOf: DEFAULT_AS_OF };
  if (raw.asOf !== undefined) {
    if (typeof raw.asOf !== 'string' || !isRealDate(raw.asOf)) throw new Error(`${where}: asOf must be a date YYYY-MM-DD`);
    spec.asOf = raw.asOf;
  }
  if (raw.expect !== undefined) {
    if (!Number.isInteger(raw.expect) || (raw.expect as number) < 0) throw new Error(`${where}: expect must be a whole number ≥ 0`);
    spec.expect = raw.expect as number;
  }
  if (raw.stack !== undefined) {
    if (typeof raw.stack !== 'string' || raw.stack === '') throw new Error(`${where}: stack must be a non-empty string`);
    spec.stack = raw.stack;
  }
  if (typeof raw.description === 'string') spec.description = raw.description;
  if (raw.priorRules !== undefined) {
    if (!Array.isArray(raw.priorRules) || !raw.priorRules.every((id) => typeof id === 'string' && ruleById(id) !== undefined)) {
      throw new Error(`${where}: priorRules must be a list of rule ids of the catalogue`);
    }
    spec.priorRules = raw.priorRules as string[];
  }
  return spec;
}

export function readPatch(dir: string): PatchOp[] {
  const file = path.join(dir, 'patch.yaml');
  return fs.existsSync(file) ? asPatchOps(readYamlValue(file), rel(file)) : [];
}

/**
 * Configuration files of one stack folder, through the real readers (checks/engine/read/): every
 * `.tf` / `.tf.json` of the folder, its tfvars and the local modules it calls, with what the
 * readers could not read or verify. A folder is a stack when it has main.tf.json or main.tf.
 */
async function readStack(folder: string, stack: string): Promise<ReadConfiguration | undefined> {
  const json = path.join(folder, 'main.tf.json');
  const hcl = path.join(folder, 'main.tf');
  if (fs.existsSync(json) && fs.existsSync(hcl)) throw new Error(`${rel(folder)}: has both main.tf.json and main.tf; keep one`);
  if (!fs.existsSync(json) && !fs.existsSync(hcl)) return undefined;
  return readRootModule(rel(folder), { stack, cwd: PACKAGE_ROOT });
}

/** The case's resources, the readers' problems, and whether it has any configuration at all. */
export async function readConfiguration(
  dir: string,
  spec: CaseSpec,
): Promise<{ resources: Resource[]; problems: ConfigurationProblem[]; hasConfiguration: boolean }> {
  const resources: Resource[] = [];
  const problems: ConfigurationProblem[] = [];
  let hasConfiguration = false;
  const folders: [string, string][] = [[dir, spec.stack ?? path.basename(dir)]];
  for (const sub of fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) folders.push([path.join(dir, sub), sub]);
  for (const [folder, stack] of folders) {
    const found = await readStack(folder, stack);
    if (found) {
      resources.push(...found.resources);
      problems.push(...found.problems);
      hasConfiguration = true;
    }
  }
  return { resources, problems, hasConfiguration };
}

export interface PreparedCase {
  spec: CaseSpec;
  env: Environment;
  ctx: RuleContext;
}

/** Everything a case needs, loaded like real input. */
export async function prepareCase(c: FixtureCase): Promise<PreparedCase> {
  const spec = readCaseSpec(c.dir);
  const env = loadPatchedMiniEnv(readPatch(c.dir), `${rel(c.dir)}/mini+patch`);
  const { resources, problems, hasConfiguration } = await readConfiguration(c.dir, spec);
  // What the engine adds to every rule's context: the review of the policy (EXC-003), and for a
  // rule that reads findings, the findings of the rules before it (EXC-002).
  const base = { ...buildRuleContext(env, resources, spec.asOf, hasConfiguration, problems), policyReview: reviewPolicy(env.policy, spec.asOf, ALL_RULES) };
  if (spec.priorRules === undefined) return { spec, env, ctx: base };
  const priorRules = spec.priorRules.map((id) => ruleById(id)!);
  const prior = runChecks({ env, resources, configurationProblems: problems, hasConfiguration, rules: priorRules, asOf: spec.asOf, catalogue: ALL_RULES });
  return { spec, env, ctx: { ...base, priorFindings: { ruleIds: judgedRuleIds(priorRules, hasConfiguration), findings: prior.findings } } };
}
