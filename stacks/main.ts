/**
 * The cdktf app entry (cdktf.json: `node dist/stacks/main.js`), so `cdktf synth` / `cdktf deploy
 * <center>` work as every CDKTF user expects.
 *
 * - BTYUN_ENV: environment name under environments/ or a folder path (default `production`).
 * - BTYUN_STACKS: comma list of stack (center) ids to build; default all. The cdktf CLI does not
 *   tell the app which stack `cdktf deploy <stack>` targets (it synthesizes the whole app, then
 *   deploys that stack), so `BTYUN_STACKS=<stack> cdktf deploy <stack>` builds only that one.
 * - BTYUN_AS_OF: synth date for replacement deadlines (default today).
 * - CDKTF_OUTDIR (set by the cdktf CLI): output folder, default `cdktf.out`.
 *
 * Bad input exits 2 with one line per problem, never a stack trace. The policy gate (checks/gate)
 * refuses, with the findings printed, while any finding reaches the policy's failOn.
 */
import { loadEnvironment } from '../checks/model/load';
import { reportError } from '../checks/cli/main';
import { attachPolicyGate, policyGateBeforeWrite, PolicyGateError, type PolicyGate } from '../checks/gate';
import { selectStacks, stackIds, synthAsOf, synthEnvironment } from './synth';

function requestedStacks(): string[] | undefined {
  const list = process.env.BTYUN_STACKS;
  if (list === undefined || list.trim() === '') return undefined;
  return list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function run(): void {
  try {
    const env = loadEnvironment(process.env.BTYUN_ENV || undefined);
    const stacks = selectStacks(env, requestedStacks());
    const asOf = synthAsOf();
    const outDir = process.env.CDKTF_OUTDIR || 'cdktf.out';
    // The policy gate: the same checks as `btyun check`; a finding at or above the policy's failOn
    // refuses the synth (and so `cdktf deploy`), printing the findings, and writes no output.
    if (stacks.length === stackIds(env).length) {
      // Every center is in the app: the gate runs on the constructs and attaches each blocking
      // finding to the offending construct as a cdktf error annotation.
      let gate: PolicyGate | undefined;
      try {
        synthEnvironment(env, { outDir, stacks, asOf, prepareApp: (app) => (gate = attachPolicyGate(app, env, { asOf })) });
      } catch (e) {
        // cdktf fails the synth on the annotations; report it as the gate's refusal, in one line.
        if (gate && gate.findings.length > 0) throw new PolicyGateError(gate.findings, env.policy.failOn, stacks);
        throw e;
      }
    } else {
      // Only some centers are built: the gate builds the others in memory for cross-center rules.
      synthEnvironment(env, { outDir, stacks, asOf, beforeWrite: policyGateBeforeWrite(env, { stacks, asOf }) });
    }
  } catch (e) {
    process.exitCode = reportError(e, { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), isTTY: false, cwd: process.cwd() }, 'cdktf app');
  }
}

run();
