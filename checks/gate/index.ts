/**
 * The deploy gate. Two integrations, one decision (evaluate.ts):
 *  - `attachPolicyGate(app, env)` on any cdktf App, before `app.synth()` (error annotations on the
 *    offending constructs);
 *  - `policyGateBeforeWrite(env, { stacks })` as the `beforeWrite` of `synthEnvironment`
 *    (stacks/synth.ts), which then writes nothing.
 */
export { attachPolicyGate, gateMessage, PolicyGate, type PolicyGateOptions } from './policy-gate';
export { policyGateBeforeWrite, type BeforeWriteGateOptions } from './before-write';
export { evaluateGate, PolicyGateError, printDecision, type GateDecision, type GateOptions } from './evaluate';
