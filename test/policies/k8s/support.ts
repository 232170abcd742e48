/**
 * Test support for the K8S pack's unit tests: rule contexts built the way the engine builds them
 * (test/helpers), on the mini environment, optionally with policy settings patched in.
 */
import type { Environment, Policy } from '../../../checks/core/types';
import type { Resource, RuleContext } from '../../../checks/engine/types';
import { normalizeTerraformJson } from '../../../checks/engine/normalize/terraform-json';
import { loadMiniEnv, loadPatchedMiniEnv } from '../../helpers/mini-env';
import { buildRuleContext } from '../../helpers/rule-context';

/** The mini environment (approved registry registry.xjbt.gov.cn, default level 3), with `policy` set. */
export function miniEnvWith(policy: Partial<Pick<Policy, 'approvedRegistries' | 'defaultMlpsLevel'>> = {}): Environment {
  const ops = Object.entries(policy).map(([key, value]) => ({ op: 'add' as const, doc: 'policy' as const, path: `/${key}`, value }));
  return ops.length === 0 ? loadMiniEnv() : loadPatchedMiniEnv(ops, 'k8s-unit');
}

let mini: Environment | undefined;

export function contextFor(resources: readonly Resource[], env: Environment = (mini ??= loadMiniEnv())): RuleContext {
  return buildRuleContext(env, resources, '2026-11-24', true);
}

/** Resources of one cdk.tf.json-like document, for inline unit tests. */
export function fromJson(doc: unknown, stack = 'test'): Resource[] {
  return normalizeTerraformJson(doc, stack, 'main.tf.json');
}
