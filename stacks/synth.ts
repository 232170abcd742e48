/**
 * Synthesize an environment's center stacks into a cdktf output folder (`cdktf.out` layout:
 * manifest.json + stacks/<center>/cdk.tf.json, and btyun-synth.json, the synthesis record). Used by
 * the cdktf app (checks/app/cdktf-app.ts), `btyun synth` and `btyun check`.
 *
 * - Every synthesis goes through a gate (`SynthOptions.gate`): it sees every synthesized stack's
 *   Terraform JSON before anything is written, and throws to refuse. The application layer passes
 *   the policy gate for deployable output; `btyun check` passes `UNGATED_TEMPORARY_OUTPUT` for the
 *   temporary folder it reads back at once (recorded as such, so it is never mistaken for gated).
 * - Only the requested stacks are constructed (one stack's synth does not pay for all). A partial
 *   synthesis keeps the other stacks of the previous output as they were (folder, manifest entry
 *   and record entry), so the output stays one consistent cdktf output.
 * - Output is written to a temporary sibling folder and renamed into place, so a failed synth (or a
 *   refusing gate) leaves the previous output intact.
 * - Terraform's working files in the previous output (`.terraform/`, `.terraform.lock.hcl`, local
 *   `*.tfstate*`) are carried over, so re-synthesizing never loses local state.
 * - Each stack is synthesized alone in its own cdktf app (`synthStackAlone`), in process here and in
 *   the pool's workers (stacks/parallel/): each token resolved once, no token traces, one stack held
 *   at a time — the bytes of cdktf's own synthesis of every stack in one app.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdktf';
import type { Environment } from '../checks/core/types';
import { todayUtc } from '../checks/core/dates';
import { InputError, UsageError } from '../checks/core/errors';
import { swapFolder } from '../checks/core/folders';
import { hashStackFiles, readSynthRecord, SYNTH_RECORD_FILE, writeSynthRecord, type GateVerdict, type StackRecord } from '../checks/core/synth-record';
import { refuseInputFolderOutput, removeOnSignal, removeStaleLeftovers } from '../checks/core/output-guard';
import { VERSION } from '../checks/core/version';
import { CenterStack } from './constructs/center-stack';
import { terraformSafeModel } from './terraform-safe-model';
import { readManifest, readManifestEntry, writeManifest, type ManifestEntry } from './parallel/manifest';
import { releaseTokensSince, tokenMark } from './parallel/release-tokens';
import { resolveOnce } from './parallel/resolve-once';
import { withoutTokenTraces } from './parallel/token-traces';

/**
 * The gate every synthesis passes: called once with the Terraform JSON of every synthesized stack,
 * before anything is written to the output folder. Throw to refuse; the verdict is recorded.
 */
export type OutputGate = (stacks: ReadonlyMap<string, unknown>) => GateVerdict;

/** For `btyun check`'s own temporary synthesis, read back and deleted at once: recorded as not gated. */
export const UNGATED_TEMPORARY_OUTPUT: OutputGate = () => ({ checkedBy: 'none', asOf: todayUtc(), failOn: 'high', blocking: 0 });

export interface SynthOptions {
  /** Output folder (created; replaced atomically on success). */
  outDir: string;
  /** Stack ids (= center ids) to build; default all, in topology order. */
  stacks?: readonly string[];
  /**
   * Date `YYYY-MM-DD` the stacks are built for (replacement deadlines); default today (UTC). Only
   * `btyun check --as-of` builds for another day, into its temporary folder; no variable sets it.
   */
  asOf?: string;
  /** The gate (see OutputGate). */
  gate: OutputGate;
}

export interface SynthResult {
  stacks: string[];
  outDir: string;
}

/** Valid stack ids of an environment: its centers, in topology order. */
export function stackIds(env: Environment): string[] {
  return env.topology.centers.map((c) => c.id);
}

/** The requested stacks in topology order, or a UsageError naming the valid ids. */
export function selectStacks(env: Environment, requested?: readonly string[]): string[] {
  const valid = stackIds(env);
  if (requested === undefined || requested.length === 0) return valid;
  const unknown = requested.filter((id) => !valid.includes(id));
  if (unknown.length > 0) {
    throw new UsageError(`unknown stack ${unknown.map((u) => `'${u}'`).join(', ')}; valid stacks (center ids 中心): ${valid.join(', ')}`);
  }
  return valid.filter((id) => requested.includes(id));
}

/**
 * Constructs the requested stacks of `env` in `app` (no synthesis), from the Terraform-safe model,
 * exactly as a plain CDKTF app would (the bench's baselines use this; everything else buildStacks).
 */
export function constructStacks(app: App, env: Environment, ids: readonly string[], asOf: string): CenterStack[] {
  const safe = terraformSafeModel(env);
  return ids.map((id) => {
    const center = safe.topology.centers.find((c) => c.id === id);
    if (!center) throw new UsageError(`unknown stack '${id}'`);
    return new CenterStack(app, id, { env: safe, center, asOf });
  });
}

/**
 * Builds the requested stacks of `env` into `app` (no synthesis): constructed without cdktf's
 * per-token trace capture (the tokens are created here), each resolving its tokens once when it is
 * synthesized or asked for `toTerraform()` (stacks/parallel/token-traces.ts, resolve-once.ts).
 */
export function buildStacks(app: App, env: Environment, ids: readonly string[], asOf: string): CenterStack[] {
  const stacks = withoutTokenTraces(() => constructStacks(app, env, ids, asOf));
  for (const stack of stacks) resolveOnce(stack);
  return stacks;
}

/**
 * One stack's `toTerraform()`, built alone in memory (nothing written; `outdir` is the app's, left
 * empty) and its tokens released afterwards: what the policy gate needs of the stacks it judges but
 * does not synthesize, one at a time, instead of every other stack held in one app at once.
 */
export function stackTerraform(env: Environment, id: string, asOf: string, outdir: string): unknown {
  const mark = tokenMark();
  try {
    const [stack] = buildStacks(createApp(outdir), env, [id], asOf);
    return withoutTokenTraces(() => stack.toTerraform() as unknown);
  } finally {
    releaseTokensSince(mark);
  }
}

/** The cdktf app every synthesis uses: one per stack (synthStackAlone). */
export function createApp(outdir: string): App {
  // stackTraces: false — no stack trace in every resource's metadata (size, speed, determinism).
  return new App({ outdir, stackTraces: false });
}

/**
 * Builds and synthesizes stack `id` alone in its own app, into `outDir` (stacks/<id>/cdk.tf.json;
 * its manifest.json names this stack only): each token resolved once and no token trace captured
 * (stacks/parallel/resolve-once.ts, token-traces.ts), and the stack's tokens released afterwards,
 * so a process that builds several stacks holds one at a time (release-tokens.ts). The bytes are
 * those of cdktf's own synthesis of every stack in one app (test/stacks/resolve-once.test.ts).
 * Returns the stack's manifest entry. Used in process (synthEnvironment) and by the pool's workers.
 */
export function synthStackAlone(env: Environment, id: string, asOf: string, outDir: string): ManifestEntry {
  const mark = tokenMark();
  try {
    const app = createApp(outDir);
    buildStacks(app, env, [id], asOf);
    withoutTokenTraces(() => app.synth());
    return readManifestEntry(outDir, id);
  } finally {
    releaseTokensSince(mark);
  }
}

const WORKING_FILES = /^(\.terraform|\.terraform\.lock\.hcl|.*\.tfstate(\..*)?)$/;

function carryOverWorkingFiles(previous: string, next: string): void {
  const stacksDir = path.join(previous, 'stacks');
  if (!fs.existsSync(stacksDir)) return;
  for (const stack of fs.readdirSync(stacksDir)) {
    const from = path.join(stacksDir, stack);
    if (!fs.statSync(from).isDirectory()) continue;
    for (const entry of fs.readdirSync(from)) {
      if (!WORKING_FILES.test(entry)) continue;
      const to = path.join(next, 'stacks', stack);
      fs.mkdirSync(to, { recursive: true });
      fs.renameSync(path.join(from, entry), path.join(to, entry));
    }
  }
}

/** Move `next` into place as `outDir`, keeping Terraform's working files of the previous output. */
export function replaceOutput(next: string, outDir: string): void {
  // The one place that deletes a folder: never one that is not a cdktf output.
  refuseForeignOutDir(outDir);
  swapFolder(next, outDir, (old) => carryOverWorkingFiles(old, outDir));
}

/**
 * The output folder is replaced whole, so it must be a previous output btyun itself wrote (it
 * holds btyun's synthesis record, btyun-synth.json), an empty folder, or absent. Anything else —
 * `--out .`, a clone of this repository (its `stacks/` is source code), a folder of notes, a file —
 * would be deleted by the replace: refused before any work. Nothing is ever written into the
 * shipped environments/ or an environment folder that was read (by real path), and leftovers of
 * interrupted runs beside it (`X.tmp-PID`, `X.work-PID`, `X.old-PID` of a dead PID) are removed;
 * this run's own are removed on SIGINT / SIGTERM.
 */
function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel.split(path.sep).join('/');
}

function hasSynthRecord(outDir: string): boolean {
  try {
    return fs.lstatSync(path.join(outDir, SYNTH_RECORD_FILE)).isFile();
  } catch {
    return false;
  }
}

export function refuseForeignOutDir(outDir: string, shown = shownPath(outDir)): void {
  checkForeignOutDir(outDir, shown);
  // Never into the shipped environments/ or an environment that was read (by real path).
  refuseInputFolderOutput(outDir, shown, { folder: true });
  removeStaleLeftovers(outDir);
  removeOnSignal(`${outDir}.tmp-${process.pid}`, `${outDir}.work-${process.pid}`);
}

function checkForeignOutDir(outDir: string, shown: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(outDir);
  } catch {
    return; // absent: created by the rename
  }
  const refuse = (why: string): never => {
    throw new InputError([{ file: shown, message: `refusing to replace the output folder: ${why}; its content would be lost (choose another --out / CDKTF_OUTDIR, or remove it)` }]);
  };
  if (!st.isDirectory()) refuse('it is a file, not a cdktf output folder');
  if (path.relative(outDir, process.cwd()) === '' || !path.relative(outDir, process.cwd()).startsWith('..')) refuse('it is the current folder or contains it');
  const entries = fs.readdirSync(outDir);
  if (entries.length > 0 && !hasSynthRecord(outDir)) refuse(`it is not empty and holds no ${SYNTH_RECORD_FILE} (btyun's mark on a folder it synthesized)`);
}

/**
 * The last step of every synthesis, serial or parallel: hand every stack's Terraform JSON to the
 * gate, record the synthesis, keep the previous output's other stacks, and move the finished folder
 * `tmp` into place. A refusing gate leaves the previous output as it was (the caller removes `tmp`).
 */
export function commitOutput(env: Environment, tmp: string, outDir: string, ids: readonly string[], gate: OutputGate): void {
  const json = new Map(ids.map((id) => [id, JSON.parse(fs.readFileSync(path.join(tmp, 'stacks', id, 'cdk.tf.json'), 'utf8')) as unknown] as const));
  const verdict = gate(json);
  const stacks: Record<string, StackRecord> = {};
  for (const id of ids) {
    stacks[id] = { environment: { name: env.name, fingerprint: env.fingerprint }, files: hashStackFiles(path.join(tmp, 'stacks', id)), gate: verdict };
  }
  keepOtherStacks(outDir, tmp, ids, stacks);
  writeSynthRecord(tmp, { tool: { name: 'btyun', version: VERSION }, stacks });
  replaceOutput(tmp, outDir);
}

/**
 * A partial synthesis (`--stack`, BTYUN_STACKS) replaces only its stacks: every other stack of the
 * previous output is copied into `tmp` as it was, with its manifest and record entries. (cdktf's
 * CLI deletes stack folders the new manifest does not name, and crashed on those already gone.)
 */
function keepOtherStacks(outDir: string, tmp: string, ids: readonly string[], stacks: Record<string, StackRecord>): void {
  const previous = fs.existsSync(path.join(outDir, 'manifest.json')) ? readManifest(outDir) : undefined;
  if (!previous) return;
  const record = readSynthRecord(outDir);
  const current = readManifest(tmp)!;
  const entries = new Map<string, ManifestEntry>([...Object.entries(current.stacks)].map(([id, stack]) => [id, { version: current.version, stack }]));
  for (const [id, stack] of Object.entries(previous.stacks)) {
    if (ids.includes(id) || !fs.existsSync(path.join(outDir, 'stacks', id))) continue;
    fs.cpSync(path.join(outDir, 'stacks', id), path.join(tmp, 'stacks', id), { recursive: true, filter: (src) => !WORKING_FILES.test(path.basename(src)) });
    entries.set(id, { version: previous.version, stack });
    const kept = typeof record === 'object' ? record.stacks[id] : undefined;
    if (kept) stacks[id] = kept;
  }
  writeManifest(tmp, entries);
}

/** The temporary output of one synthesis, created beside `outDir` (after the checks of refuseForeignOutDir). */
function startOutput(env: Environment, options: SynthOptions): { ids: string[]; asOf: string; outDir: string; tmp: string } {
  const ids = selectStacks(env, options.stacks);
  const asOf = options.asOf ?? todayUtc();
  const outDir = path.resolve(options.outDir);
  refuseForeignOutDir(outDir, options.outDir);
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  return { ids, asOf, outDir, tmp };
}

/**
 * Synthesizes in process: one app per stack, one after another, into the same folder (each app's
 * manifest.json names its stack only, so the merged manifest is written last, as the pool does).
 */
export function synthEnvironment(env: Environment, options: SynthOptions): SynthResult {
  const { ids, asOf, outDir, tmp } = startOutput(env, options);
  try {
    const entries = new Map(ids.map((id) => [id, synthStackAlone(env, id, asOf, tmp)] as const));
    writeManifest(tmp, entries);
    commitOutput(env, tmp, outDir, ids, options.gate);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return { stacks: ids, outDir };
}

/**
 * synthEnvironment for the commands (through the pool below its threshold): the same bytes, but
 * the event loop gets a turn between stacks, so a SIGINT / SIGTERM during the synthesis is acted
 * on within one stack's time (its temporary folder removed, exit 130 / 143) instead of after the
 * whole synthesis has been written.
 */
export async function synthEnvironmentInProcess(env: Environment, options: SynthOptions): Promise<SynthResult> {
  const { ids, asOf, outDir, tmp } = startOutput(env, options);
  try {
    const entries = new Map<string, ManifestEntry>();
    for (const id of ids) {
      entries.set(id, synthStackAlone(env, id, asOf, tmp));
      await new Promise((resolve) => setImmediate(resolve));
    }
    writeManifest(tmp, entries);
    commitOutput(env, tmp, outDir, ids, options.gate);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return { stacks: ids, outDir };
}
