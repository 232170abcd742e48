/**
 * Counting what a model or cross-resource rule judged (`defineRule`): centers, networks, systems,
 * waves, moves, exceptions, policy settings… The engine gives each rule its own counter
 * (`ctx.evaluated`); a hand-built context (a unit test) has none, and counting is then a no-op.
 * Resource rules (`defineResourceRule`) are counted by the engine and need nothing of this.
 */
import type { RuleContext } from '../../checks/engine/types';

/** Records that the rule judged `n` resources or model entries (n ≤ 0 records nothing). */
export function countEvaluated(ctx: Pick<RuleContext, 'evaluated'>, n: number): void {
  if (n > 0) ctx.evaluated?.(n);
}
