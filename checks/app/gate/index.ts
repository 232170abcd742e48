/**
 * The deploy gate: one path for every writer of deployable output (output-gate.ts), one decision
 * (evaluate.ts).
 */
export { gatedSynthesis, gateModel, policyOutputGate, type GatedSynthOptions, type StackGateOptions } from './output-gate';
export { evaluateGate, PolicyGateError, printDecision, type GateDecision, type GateOptions } from './evaluate';
