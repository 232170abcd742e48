import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../checks/core/errors';
import { readSynthRecord } from '../../checks/core/synth-record';
import { synthEnvironment, synthEnvironmentInProcess, UNGATED_TEMPORARY_OUTPUT, type OutputGate } from '../../stacks/synth';
import { miniEnv } from './fixture-env';

const env = miniEnv();
/** A gate that lets everything through (the policy gate has its own tests). */
const gate: OutputGate = UNGATED_TEMPORARY_OUTPUT;
let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-stacks-'));
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

/** Synthesis is synchronous: let the worker answer the test runner between runs. */
const tick = () => new Promise((resolve) => setImmediate(resolve));
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const manifestStacks = (dir: string) => Object.keys(JSON.parse(read(dir, 'manifest.json')).stacks).sort();

describe('synthEnvironment', () => {
  it('writes one stack per center, byte-identical across two runs', async () => {
    const a = path.join(work, 'a');
    const b = path.join(work, 'b');
    const first = synthEnvironment(env, { outDir: a, asOf: '2018-07-01', gate });
    await tick();
    synthEnvironment(env, { outDir: b, asOf: '2018-07-01', gate });
    const centers = env.topology.centers.map((c) => c.id);
    expect(first.stacks).toEqual(centers);
    expect(manifestStacks(a)).toEqual([...centers].sort());
    for (const id of centers) expect(read(a, `stacks/${id}/cdk.tf.json`)).toBe(read(b, `stacks/${id}/cdk.tf.json`));
    expect(read(a, 'manifest.json')).toBe(read(b, 'manifest.json'));
    // Nothing machine- or folder-specific leaks into the output.
    expect(read(a, 'stacks/corps-primary/cdk.tf.json')).not.toContain(work);
  });

  it('builds only the requested stack', () => {
    const out = path.join(work, 'one');
    const result = synthEnvironment(env, { outDir: out, stacks: ['div-8'], asOf: '2018-07-01', gate });
    expect(result.stacks).toEqual(['div-8']);
    expect(manifestStacks(out)).toEqual(['div-8']);
    expect(fs.readdirSync(path.join(out, 'stacks'))).toEqual(['div-8']);
  });

  it('rejects an unknown stack id with a usage error listing the valid ids', () => {
    const out = path.join(work, 'unknown');
    expect(() => synthEnvironment(env, { outDir: out, stacks: ['nope'], gate })).toThrow(UsageError);
    expect(() => synthEnvironment(env, { outDir: out, stacks: ['nope'], gate })).toThrow(/corps-primary, corps-dr-urumqi, corps-dr-shihezi, div-8/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('leaves the previous output intact when the gate refuses, and keeps Terraform working files on success', async () => {
    const out = path.join(work, 'gated');
    synthEnvironment(env, { outDir: out, stacks: ['div-8'], asOf: '2018-07-01', gate });
    const before = read(out, 'stacks/div-8/cdk.tf.json');
    fs.writeFileSync(path.join(out, 'stacks/div-8/terraform.div-8.tfstate'), '{"state":"kept"}');
    await tick();
    const seen: string[] = [];
    expect(() =>
      synthEnvironment(env, {
        outDir: out,
        asOf: '2018-07-01',
        gate: (stacks) => {
          seen.push(...stacks.keys());
          expect(stacks.get('corps-primary')).toHaveProperty('resource');
          throw new Error('blocked by the policy gate');
        },
      }),
    ).toThrow('blocked by the policy gate');
    expect(seen).toEqual(['corps-primary', 'corps-dr-urumqi', 'corps-dr-shihezi', 'div-8']);
    expect(manifestStacks(out)).toEqual(['div-8']);
    expect(read(out, 'stacks/div-8/cdk.tf.json')).toBe(before);
    expect(fs.readdirSync(work).filter((f) => f.startsWith('gated.'))).toEqual([]);
    await tick();

    synthEnvironment(env, { outDir: out, asOf: '2018-07-01', gate });
    expect(manifestStacks(out)).toHaveLength(4);
    expect(read(out, 'stacks/div-8/terraform.div-8.tfstate')).toBe('{"state":"kept"}');
  });
});

describe('synthEnvironmentInProcess (the commands’ in-process synthesis)', () => {
  it('writes what synthEnvironment writes, giving the event loop a turn between stacks', async () => {
    const serial = path.join(work, 'serial-ref');
    const yielding = path.join(work, 'yielding');
    synthEnvironment(env, { outDir: serial, asOf: '2018-07-01', gate });
    // Scheduled before the synthesis starts: it runs before the synthesis ends only if the
    // synthesis yields (a signal handler is run the same way: on a turn of the loop).
    let finishedWhenTurnCame: boolean | undefined;
    setImmediate(() => (finishedWhenTurnCame = fs.existsSync(yielding)));
    const result = await synthEnvironmentInProcess(env, { outDir: yielding, asOf: '2018-07-01', gate });
    expect(finishedWhenTurnCame).toBe(false);
    expect(result.stacks).toEqual(env.topology.centers.map((c) => c.id));
    for (const file of ['manifest.json', ...result.stacks.map((id) => `stacks/${id}/cdk.tf.json`)]) expect(read(yielding, file), file).toBe(read(serial, file));
  });
});

describe('a partial synthesis after a full one', () => {
  it('replaces only its stacks and keeps the others as they were: folders, manifest entries, record entries', async () => {
    const out = path.join(work, 'partial');
    synthEnvironment(env, { outDir: out, asOf: '2018-07-01', gate });
    const primary = read(out, 'stacks/corps-primary/cdk.tf.json');
    const recordBefore = readSynthRecord(out);
    await tick();
    synthEnvironment(env, { outDir: out, stacks: ['div-8'], asOf: '2018-07-01', gate });
    expect(manifestStacks(out)).toEqual(['corps-dr-shihezi', 'corps-dr-urumqi', 'corps-primary', 'div-8']);
    expect(read(out, 'stacks/corps-primary/cdk.tf.json')).toBe(primary);
    const record = readSynthRecord(out);
    expect(record).toEqual(recordBefore);
    expect(typeof record === 'object' && record.stacks['div-8'].environment.fingerprint).toBe(env.fingerprint);
  });
});
