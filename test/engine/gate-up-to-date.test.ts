/**
 * A synthesis through the gate that would write nothing new is not run again
 * (checks/app/gate/up-to-date.ts): the output is vouched for stack by stack (this environment, this
 * build, today, through the gate, files and manifest as recorded); anything that cannot be vouched
 * for and the synthesis runs in full. Whether it ran is seen in the log line and in the files'
 * modification times (a real synthesis replaces the folder).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gatedSynthesis } from '../../checks/app/gate';
import { readSynthRecord, sha256Of, writeSynthRecord, type SynthRecord } from '../../checks/core/synth-record';
import { loadMiniEnv } from '../helpers/mini-env';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-gate-current-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const env = loadMiniEnv();
const AS_OF = '2018-07-01';
const ALL = env.topology.centers.map((c) => c.id);
let template: string;

interface Run {
  upToDate: boolean;
  rebuilt: boolean;
}

/** Gated synthesis of `stacks` into `outDir`: was it found up to date, and was the folder rewritten? */
async function synth(outDir: string, stacks: string[], opts: { asOf?: string; failOn?: 'critical' } = {}): Promise<Run> {
  const file = path.join(outDir, 'stacks', 'div-8', 'cdk.tf.json');
  const before = fs.existsSync(file) ? fs.statSync(file).ino : undefined;
  const log: string[] = [];
  await gatedSynthesis(env, { outDir, stacks, asOf: opts.asOf ?? AS_OF, ...(opts.failOn ? { failOn: opts.failOn } : {}), log: (s) => log.push(s) });
  return { upToDate: log.join('').includes('up to date'), rebuilt: fs.statSync(file).ino !== before };
}

/** A copy of the full gated output made in beforeAll. */
function copy(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(template, dir, { recursive: true });
  return dir;
}

function editRecord(dir: string, edit: (r: SynthRecord) => void): void {
  const record = readSynthRecord(dir);
  if (record === undefined || record === 'unreadable') throw new Error('no record');
  edit(record);
  writeSynthRecord(dir, record);
}

beforeAll(async () => {
  template = path.join(tmp, 'template');
  const first = await synth(template, ALL);
  expect(first).toEqual({ upToDate: false, rebuilt: true });
}, 60_000);

describe('an up-to-date output is not synthesized again', () => {
  it('skips one stack and the whole set when the output vouches for them, writing nothing', async () => {
    const dir = copy('current');
    const files = (d: string) => fs.readdirSync(d, { recursive: true }).map(String).sort();
    const listing = files(dir);
    expect(await synth(dir, ['div-8'])).toEqual({ upToDate: true, rebuilt: false });
    expect(await synth(dir, ALL)).toEqual({ upToDate: true, rebuilt: false });
    expect(files(dir)).toEqual(listing);
  });

  it('synthesizes again when a stack file was edited, or one added beside it', async () => {
    const edited = copy('edited');
    fs.appendFileSync(path.join(edited, 'stacks', 'div-8', 'cdk.tf.json'), ' ');
    expect(await synth(edited, ['div-8'])).toEqual({ upToDate: false, rebuilt: true });
    const added = copy('added');
    fs.writeFileSync(path.join(added, 'stacks', 'div-8', 'extra.tf.json'), '{}\n');
    expect(await synth(added, ['div-8'])).toEqual({ upToDate: false, rebuilt: true });
  });

  it('synthesizes again on another day, or for a fail-on the record was not gated at', async () => {
    expect(await synth(copy('day'), ['div-8'], { asOf: '2018-07-02' })).toEqual({ upToDate: false, rebuilt: true });
    expect(await synth(copy('fail-on'), ['div-8'], { failOn: 'critical' })).toEqual({ upToDate: false, rebuilt: true });
  });

  it('synthesizes again when the record says another environment, another build or no gate', async () => {
    const edits: [string, (r: SynthRecord) => void][] = [
      ['environment', (r) => (r.stacks['div-8'].environment.fingerprint = 'sha256:0')],
      ['build', (r) => (r.stacks['div-8'].code = 'sha256:0')],
      ['no-build', (r) => delete r.stacks['div-8'].code],
      ['ungated', (r) => (r.stacks['div-8'].gate.checkedBy = 'none')],
      ['blocking', (r) => (r.stacks['div-8'].gate.blocking = 1)],
    ];
    for (const [name, edit] of edits) {
      const dir = copy(name);
      editRecord(dir, edit);
      expect(await synth(dir, ['div-8']), name).toEqual({ upToDate: false, rebuilt: true });
    }
  });

  it('synthesizes again when the manifest cdktf deploys from is not the one recorded', async () => {
    const dir = copy('manifest');
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    manifest.stacks['div-8'].synthesizedStackPath = 'stacks/elsewhere/cdk.tf.json';
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
    expect(await synth(dir, ['div-8'])).toEqual({ upToDate: false, rebuilt: true });
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).stacks['div-8'].synthesizedStackPath).toBe('stacks/div-8/cdk.tf.json');
    // A record whose manifest hash matches an edited manifest is still checked for every stack named.
    const missing = copy('manifest-without-stack');
    const m2 = JSON.parse(fs.readFileSync(path.join(missing, 'manifest.json'), 'utf8'));
    delete m2.stacks['div-8'];
    const text = JSON.stringify(m2, null, 2);
    fs.writeFileSync(path.join(missing, 'manifest.json'), text);
    editRecord(missing, (r) => (r.manifest = sha256Of(text)));
    expect(await synth(missing, ['div-8'])).toEqual({ upToDate: false, rebuilt: true });
  });
});
