/**
 * Unit-test support for the MLPS pack: the mini environment (test/fixtures/envs/mini) loaded once,
 * Terraform JSON per stack normalized like the engine does, and the RuleContext the engine builds.
 */
import path from 'node:path';
import { normalizeTerraformJson } from '../../../checks/engine/normalize/terraform-json';
import type { RawFinding, Resource, Rule, RuleContext } from '../../../checks/engine/types';
import { loadEnvironment } from '../../../checks/core/load';
import type { Environment } from '../../../checks/core/types';
import { buildRuleContext } from '../../helpers/rule-context';

const MINI = path.join(__dirname, '..', '..', 'fixtures', 'envs', 'mini');

let cached: Environment | undefined;

export function miniEnv(): Environment {
  cached ??= loadEnvironment(MINI);
  return cached;
}

/** A changed copy of an environment (the loaded one is frozen). */
export function withEnv(env: Environment, change: (e: Environment) => Partial<Environment>): Environment {
  return { ...env, ...change(env) };
}

export type TfResources = Record<string, Record<string, unknown>>;

/** `{ stack: { TYPE: { NAME: body } } }` → resources. */
export function resourcesOf(stacks: Record<string, TfResources>): Resource[] {
  return Object.entries(stacks).flatMap(([stack, resource]) => normalizeTerraformJson({ resource }, stack, `${stack}/cdk.tf.json`));
}

export function ctx(stacks: Record<string, TfResources> | undefined, env: Environment = miniEnv()): RuleContext {
  return buildRuleContext(env, stacks ? resourcesOf(stacks) : [], '2018-07-01', stacks !== undefined);
}

export function run(rule: Rule, stacks: Record<string, TfResources> | undefined, env?: Environment): RawFinding[] {
  return rule.check(ctx(stacks, env));
}

/** Metadata with `xjbt.gov.cn/*` labels given by short key (system, zone, role, …). */
export function meta(name: string, namespace?: string, labels: Record<string, string> = {}, annotations?: Record<string, string>): Record<string, unknown> {
  const full: Record<string, string> = {};
  for (const [k, v] of Object.entries(labels)) full[k.includes('/') ? k : `xjbt.gov.cn/${k}`] = v;
  return {
    name,
    ...(namespace !== undefined ? { namespace } : {}),
    labels: full,
    ...(annotations ? { annotations } : {}),
  };
}

/** Both messages of findings, for assertions on content. */
export function texts(fs: RawFinding[]): string {
  return fs.map((f) => `${f.message.zh}\n${f.message.en}`).join('\n');
}
