/**
 * Builds the RuleContext a rule sees, the same way the engine does: levelOf = the resource's
 * level label, else its system's inventory level, else the policy default. Rule authors reuse it
 * in their own unit tests.
 */
import type { ConfigurationProblem, Resource, RuleContext } from '../../checks/engine/types';
import type { Environment, MlpsLevel } from '../../checks/core/types';
import { buildResourceIndex } from '../../checks/engine/resource-index';

/** The check date of fixtures without `asOf`: the day after the plan's 2018-06-30 deadlines. */
export const DEFAULT_AS_OF = '2018-07-01';

export function buildRuleContext(
  env: Environment,
  resources: readonly Resource[],
  asOf: string,
  hasConfiguration: boolean,
  configurationProblems: readonly ConfigurationProblem[] = [],
): RuleContext {
  const systemLevel = new Map<string, MlpsLevel>();
  for (const s of env.inventory.systems) if (s.mlps) systemLevel.set(s.id, s.mlps.level);
  return {
    env,
    resources: buildResourceIndex(resources),
    hasConfiguration,
    configurationProblems,
    asOf,
    levelOf: (r: Resource): MlpsLevel => r.level ?? (r.system !== undefined ? systemLevel.get(r.system) : undefined) ?? env.policy.defaultMlpsLevel,
  };
}
