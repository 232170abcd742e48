/** The policy gate of every writer (checks/app/gate/output-gate.ts) on the real stacks of the mini environment. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gatedSynthesis, PolicyGateError, type GateDecision } from '../../checks/app/gate';
import { UsageError } from '../../checks/core/errors';
import { readSynthRecord } from '../../checks/core/synth-record';
import { loadMiniEnv, loadPatchedMiniEnv } from '../helpers/mini-env';
import { fakeRule } from './helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-synth-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Flags the ops namespace of corps-primary only (critical). */
const RULE = fakeRule(
  'K8S-951',
  (ctx) => ctx.resources.byKind('namespace').filter((r) => r.stack === 'corps-primary' && r.metadata.name === 'btyun-ops').map((r) => ({ resource: r, message: { zh: '违规', en: 'flagged' } })),
  'critical',
);
/** Records the stacks it sees (proves the stacks not being synthesized are built for the check). */
const seenStacks = new Set<string>();
const SEEN = fakeRule('K8S-952', (ctx) => {
  for (const s of ctx.resources.stacks) seenStacks.add(s);
  return [];
}, 'info');
/** A model finding about corps-primary (low). */
const MODEL = fakeRule('TOPO-950', () => [{ doc: 'topology', path: '/centers/0', center: 'corps-primary', message: { zh: '提示', en: 'a low note' } }], 'low');
/** A rule that throws: the check is incomplete. */
const BROKEN = fakeRule('K8S-953', () => {
  throw new Error('boom');
});

describe('the policy gate (gatedSynthesis)', () => {
  const env = loadMiniEnv();
  const AS_OF = '2018-07-01';

  it('refuses a stack with a blocking finding: nothing written, findings printed, every center checked', async () => {
    const outDir = path.join(tmp, 'refused');
    const log: string[] = [];
    const decisions: GateDecision[] = [];
    const error = await gatedSynthesis(env, { outDir, stacks: ['corps-primary'], rules: [RULE, SEEN], asOf: AS_OF, log: (s) => log.push(s), onDecision: (d) => decisions.push(d) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyGateError);
    expect(error).toBeInstanceOf(UsageError); // printed as one line by the CLI entry, exit 1 (findings at or above fail-on)
    expect((error as Error).message).toMatch(/policy gate refused corps-primary: 1 finding\(s\) at or above high/);
    expect(fs.existsSync(outDir)).toBe(false);
    // First the model gate (no configuration), then the output gate over every center.
    expect(decisions).toHaveLength(2);
    expect(decisions[0].result.summary.resources).toBe(0);
    const output = decisions[1];
    expect(output.blocking.map((f) => `${f.stack} ${f.ruleId} ${f.constructPath}`)).toEqual(['corps-primary K8S-951 corps-primary/audit/ops/namespace']);
    expect([...seenStacks].sort()).toEqual(['corps-dr-shihezi', 'corps-dr-urumqi', 'corps-primary', 'div-8']);
    expect(output.result.summary.resources).toBeGreaterThan(0);
    expect(log.join('')).toContain('K8S-951');
  });

  it('findings of stacks not being synthesized do not block; the output is written with its record', async () => {
    const outDir = path.join(tmp, 'ok');
    await gatedSynthesis(env, { outDir, stacks: ['div-8'], rules: [RULE], asOf: AS_OF, log: () => undefined });
    expect(fs.existsSync(path.join(outDir, 'stacks', 'div-8', 'cdk.tf.json'))).toBe(true);
    const record = readSynthRecord(outDir);
    expect(record).toMatchObject({ tool: { name: 'btyun' }, stacks: { 'div-8': { environment: { fingerprint: env.fingerprint }, gate: { checkedBy: 'policy-gate', asOf: AS_OF, blocking: 0 } } } });
  });

  it('a model finding at fail-on blocks before any stack is built; below fail-on it does not', async () => {
    const below = path.join(tmp, 'model-below');
    await gatedSynthesis(env, { outDir: below, stacks: ['corps-primary'], rules: [MODEL], asOf: AS_OF, log: () => undefined });
    expect(fs.existsSync(path.join(below, 'stacks', 'corps-primary', 'cdk.tf.json'))).toBe(true);

    const at = path.join(tmp, 'model-at');
    const decisions: GateDecision[] = [];
    const error = await gatedSynthesis(env, { outDir: at, stacks: ['corps-primary'], rules: [MODEL], failOn: 'low', asOf: AS_OF, log: () => undefined, onDecision: (d) => decisions.push(d) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PolicyGateError);
    expect(decisions).toHaveLength(1); // refused by the model gate: nothing was synthesized
    expect(fs.existsSync(at)).toBe(false);
    // The model finding is about corps-primary: it does not block div-8.
    await gatedSynthesis(env, { outDir: path.join(tmp, 'model-other'), stacks: ['div-8'], rules: [MODEL], failOn: 'low', asOf: AS_OF, log: () => undefined });
  });

  it('a rule that fails internally refuses: the check is incomplete', async () => {
    const error = await gatedSynthesis(env, { outDir: path.join(tmp, 'broken'), stacks: ['div-8'], rules: [BROKEN], asOf: AS_OF, log: () => undefined }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/rule\(s\) failed internally, the check is incomplete/);
    expect(fs.existsSync(path.join(tmp, 'broken'))).toBe(false);
  });

  it('a suppressed finding does not block', async () => {
    const suppressed = loadPatchedMiniEnv([
      { op: 'add', doc: 'policy', path: '/suppressions', value: [{ rule: 'K8S-951', target: { stack: 'corps-primary' }, reason: 'r', approvedBy: 'a', expires: '2019-01-01' }] },
    ]);
    const outDir = path.join(tmp, 'suppressed');
    await gatedSynthesis(suppressed, { outDir, stacks: ['corps-primary'], rules: [RULE], asOf: AS_OF, log: () => undefined });
    expect(fs.existsSync(path.join(outDir, 'stacks', 'corps-primary', 'cdk.tf.json'))).toBe(true);
  });
});
