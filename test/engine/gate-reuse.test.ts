/**
 * A partial synthesis's gate takes the other centers' stacks from the earlier gated output in the
 * same folder when, and only when, they are provably current (checks/app/gate/reuse-stacks.ts):
 * same environment fingerprint, gated today, the one Terraform file unchanged. Otherwise it builds
 * them, as before. The proof of which was used: a marker resource written into corps-primary's
 * stack (with its record updated to match) is seen by the rules only when the stack was reused.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatedSynthesis } from '../../checks/app/gate';
import { readSynthRecord, sha256Of, writeSynthRecord } from '../../checks/core/synth-record';
import { loadMiniEnv } from '../helpers/mini-env';
import { fakeRule } from './helpers';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-reuse-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const env = loadMiniEnv();
const AS_OF = '2018-07-01';
const MARKER = 'btyun_reuse_marker';
/** Records whether the marker resource of corps-primary reached the rules. */
let sawMarker = false;
const SPY = fakeRule('K8S-960', (ctx) => {
  sawMarker = ctx.resources.all.some((r) => r.stack === 'corps-primary' && r.name === MARKER);
  return [];
}, 'info');

function gate(outDir: string, stacks: string[], asOf = AS_OF): Promise<unknown> {
  sawMarker = false;
  return gatedSynthesis(env, { outDir, stacks, rules: [SPY], asOf, log: () => undefined });
}

/** A full gated output with a marker resource added to corps-primary and its record updated to match. */
async function markedOutput(name: string): Promise<string> {
  const outDir = path.join(tmp, name);
  await gate(outDir, env.topology.centers.map((c) => c.id));
  const file = path.join(outDir, 'stacks', 'corps-primary', 'cdk.tf.json');
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  json.resource.kubernetes_namespace_v1[MARKER] = { metadata: { name: 'marker' } };
  const text = `${JSON.stringify(json, null, 2)}\n`;
  fs.writeFileSync(file, text);
  const record = readSynthRecord(outDir);
  if (record === undefined || record === 'unreadable') throw new Error('no record');
  record.stacks['corps-primary'].files['cdk.tf.json'] = sha256Of(text);
  writeSynthRecord(outDir, record);
  return outDir;
}

describe('the gate of a partial synthesis reuses the earlier output only when it is current', () => {
  beforeAll(() => expect(env.topology.centers.map((c) => c.id)).toContain('corps-primary'));

  it('reuses a stack gated today from this environment, its file as recorded', async () => {
    const outDir = await markedOutput('current');
    await gate(outDir, ['div-8']);
    expect(sawMarker).toBe(true);
  });
  it('builds it again when the file differs from its record (an edit)', async () => {
    const outDir = await markedOutput('edited');
    const file = path.join(outDir, 'stacks', 'corps-primary', 'cdk.tf.json');
    fs.appendFileSync(file, ' ');
    await gate(outDir, ['div-8']);
    expect(sawMarker).toBe(false);
  });
  it('builds it again when a Terraform file was added beside it', async () => {
    const outDir = await markedOutput('extra');
    fs.writeFileSync(path.join(outDir, 'stacks', 'corps-primary', 'extra.tf.json'), '{}\n');
    await gate(outDir, ['div-8']);
    expect(sawMarker).toBe(false);
  });
  it('builds it again on another day, or for another environment fingerprint', async () => {
    const outDir = await markedOutput('stale');
    await gate(outDir, ['div-8'], '2018-07-02');
    expect(sawMarker).toBe(false);
    const other = await markedOutput('other-env');
    const record = readSynthRecord(other);
    if (record === undefined || record === 'unreadable') throw new Error('no record');
    record.stacks['corps-primary'].environment.fingerprint = 'sha256:0';
    writeSynthRecord(other, record);
    await gate(other, ['div-8']);
    expect(sawMarker).toBe(false);
  });
  it('builds it again when another build of btyun wrote it (code fingerprint)', async () => {
    for (const code of ['sha256:0', undefined]) {
      const outDir = await markedOutput(`other-build-${code ?? 'none'}`);
      const record = readSynthRecord(outDir);
      if (record === undefined || record === 'unreadable') throw new Error('no record');
      if (code === undefined) delete record.stacks['corps-primary'].code;
      else record.stacks['corps-primary'].code = code;
      writeSynthRecord(outDir, record);
      await gate(outDir, ['div-8']);
      expect(sawMarker, String(code)).toBe(false);
    }
  });
  it('builds it again when the record is unreadable or missing', async () => {
    const outDir = await markedOutput('no-record');
    fs.writeFileSync(path.join(outDir, 'btyun-synth.json'), 'not json');
    await gate(outDir, ['div-8']);
    expect(sawMarker).toBe(false);
  });
});
