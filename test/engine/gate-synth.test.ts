/** The gate as synthEnvironment's beforeWrite: the real stacks of the mini environment. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policyGateBeforeWrite, PolicyGateError, type GateDecision } from '../../checks/gate';
import { UsageError } from '../../checks/model/errors';
import { synthEnvironment } from '../../stacks/synth';
import { loadMiniEnv } from '../helpers/mini-env';
import { fakeRule } from './helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-synth-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Flags the ops namespace of corps-primary only (critical). */
const RULE = fakeRule(
  'K8S-951',
  (ctx) => ctx.resources.byKind('namespace').filter((r) => r.stack === 'corps-primary' && r.metadata.name === 'btyun-ops').map((r) => ({ resource: r, message: { zh: '违规', en: 'flagged' } })),
  'critical',
);
/** Sees every stack (proves the stacks not being synthesized are built for the check). */
const SEEN = fakeRule('K8S-952', () => [], 'info');

describe('policyGateBeforeWrite', () => {
  const env = loadMiniEnv();

  it('refuses a stack with a blocking finding: nothing written, findings printed, every center checked', () => {
    const outDir = path.join(tmp, 'refused');
    const log: string[] = [];
    let decision: GateDecision | undefined;
    const gate = policyGateBeforeWrite(env, { stacks: ['corps-primary'], rules: [RULE, SEEN], asOf: '2018-07-01', log: (s) => log.push(s), onDecision: (d) => (decision = d) });
    let error: unknown;
    try {
      synthEnvironment(env, { outDir, stacks: ['corps-primary'], asOf: '2018-07-01', beforeWrite: gate });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PolicyGateError);
    expect(error).toBeInstanceOf(UsageError); // printed as one line by the CLI entry, exit 1 (findings at or above fail-on)
    expect((error as Error).message).toMatch(/policy gate refused corps-primary: 1 finding\(s\) at or above high/);
    expect(fs.existsSync(outDir)).toBe(false);
    expect(decision!.blocking.map((f) => `${f.stack} ${f.ruleId} ${f.constructPath}`)).toEqual(['corps-primary K8S-951 corps-primary/audit/ops/namespace']);
    expect(decision!.result.summary.resources).toBeGreaterThan(0);
    expect(log.join('')).toContain('K8S-951');
  });

  it('findings of stacks not being synthesized do not block; the output is written', () => {
    const outDir = path.join(tmp, 'ok');
    const gate = policyGateBeforeWrite(env, { stacks: ['div-8'], rules: [RULE], asOf: '2018-07-01', log: () => undefined });
    synthEnvironment(env, { outDir, stacks: ['div-8'], asOf: '2018-07-01', beforeWrite: gate });
    expect(fs.existsSync(path.join(outDir, 'stacks', 'div-8', 'cdk.tf.json'))).toBe(true);
  });
});
