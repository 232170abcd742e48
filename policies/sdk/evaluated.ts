/**
 * Counting what a model or cross-resource rule judged (`defineRule`): centers, networks, systems,
 * waves, moves, exceptions, policy settings… The engine gives each rule its own counter
 * (`ctx.evaluated`); a hand-built context (a unit test) has none, and counting is then a no-op.
 * Resource rules (`defineResourceRule`) are counted by the engine and need nothing of this.
 */
import type { JudgedEntry, RuleContext } from '../../checks/engine/types';

export type { JudgedEntry };

/**
 * Records that the rule judged `n` resources or model entries (n ≤ 0 records nothing). `judged`:
 * which systems' entries they were — the control matrix (单项测评) can then say 符合 for a system
 * the rule judged and found compliant; a rule that does not tell leaves its systems 未判定.
 */
export function countEvaluated(ctx: Pick<RuleContext, 'evaluated'>, n: number, judged?: readonly JudgedEntry[]): void {
  if (n > 0) ctx.evaluated?.(n, judged);
}

/** The systems a model rule judged, as the control matrix names them (`inventory <system id>`). */
export function judgedSystems(ids: readonly string[]): JudgedEntry[] {
  return ids.map((system) => ({ system, evidence: `inventory ${system}` }));
}
