/**
 * One rule-fixture case folder `test/rules/<RULE-ID>/<case>/` (docs/ARCHITECTURE.md): the mini
 * environment + `patch.yaml`, the configuration (`main.tf.json` / `main.tf`, at the top of the case
 * or one per stack in `<case>/<stack>/`), and `case.yaml` (asOf, expect, stack, description).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PACKAGE_ROOT } from '../../checks/version';
import type { Resource, RuleContext } from '../../checks/engine/types';
import type { Environment } from '../../checks/model/types';
import { normalizeTerraformJson } from '../../checks/engine/normalize/terraform-json';
import { isRealDate } from '../../checks/cli/args';
import { parseYaml } from '../../checks/model/yaml';
import { formatProblem } from '../../checks/model/errors';
import { asPatchOps } from './patch';
import type { PatchOp } from './patch';
import { loadPatchedMiniEnv } from './mini-env';
import { buildRuleContext, DEFAULT_AS_OF } from './rule-context';

export const RULES_FIXTURE_DIR = path.join(PACKAGE_ROOT, 'test', 'rules');
export const RULE_ID = /^(TOPO|NET|INV|MIG|MLPS|K8S|EXC)-\d{3}$/;

export interface CaseSpec {
  asOf: string;
  expect?: number;
  stack?: string;
  description?: string;
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
  for (const k of Object.keys(raw)) if (!['asOf', 'expect', 'stack', 'description'].includes(k)) throw new Error(`${where}: unknown field '${k}'`);
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
  return spec;
}

export function readPatch(dir: string): PatchOp[] {
  const file = path.join(dir, 'patch.yaml');
  return fs.existsSync(file) ? asPatchOps(readYamlValue(file), rel(file)) : [];
}

type HclNormalizer = (text: string, stack: string, file: string) => Promise<Resource[]>;

/** Loaded lazily: the HCL normalizer is optional for JSON-only cases. */
async function hclNormalizer(): Promise<HclNormalizer> {
  const modulePath = path.join(PACKAGE_ROOT, 'checks', 'engine', 'normalize', 'hcl.ts');
  if (!fs.existsSync(modulePath)) throw new Error('main.tf (HCL) needs checks/engine/normalize/hcl.ts (normalizeHcl), which does not exist yet');
  const mod = (await import(modulePath)) as { normalizeHcl?: HclNormalizer };
  if (typeof mod.normalizeHcl !== 'function') throw new Error('checks/engine/normalize/hcl.ts does not export normalizeHcl');
  return mod.normalizeHcl;
}

/** Configuration files of one stack folder. */
async function readStack(folder: string, stack: string): Promise<Resource[] | undefined> {
  const json = path.join(folder, 'main.tf.json');
  const hcl = path.join(folder, 'main.tf');
  if (fs.existsSync(json) && fs.existsSync(hcl)) throw new Error(`${rel(folder)}: has both main.tf.json and main.tf; keep one`);
  if (fs.existsSync(json)) {
    const text = fs.readFileSync(json, 'utf8');
    return normalizeTerraformJson(JSON.parse(text), stack, rel(json), text);
  }
  if (fs.existsSync(hcl)) return (await hclNormalizer())(fs.readFileSync(hcl, 'utf8'), stack, rel(hcl));
  return undefined;
}

/** The case's resources and whether it has any configuration at all. */
export async function readConfiguration(dir: string, spec: CaseSpec): Promise<{ resources: Resource[]; hasConfiguration: boolean }> {
  const resources: Resource[] = [];
  let hasConfiguration = false;
  const top = await readStack(dir, spec.stack ?? path.basename(dir));
  if (top) {
    resources.push(...top);
    hasConfiguration = true;
  }
  for (const sub of fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()) {
    const found = await readStack(path.join(dir, sub), sub);
    if (found) {
      resources.push(...found);
      hasConfiguration = true;
    }
  }
  return { resources, hasConfiguration };
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
  const { resources, hasConfiguration } = await readConfiguration(c.dir, spec);
  return { spec, env, ctx: buildRuleContext(env, resources, spec.asOf, hasConfiguration) };
}
