/**
 * Exceptions as the engine judges them, for the EXC rules: whether a suppression is complete and
 * in force, what it covers, and the engine's review of the policy (weakening settings and their
 * approvals, passed to rules in `ctx.policyReview`).
 */
export { suppressesAny, suppressionProblems, targetStack, UNSUPPRESSIBLE, type SuppressionProblem } from '../../checks/engine/suppress';
export type { PolicyReview, PolicyWeakening } from '../../checks/engine/effective-policy';
