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
import { UsageError } from '../checks/core/errors';
import { swapFolder } from '../checks/core/folders';
import { hashStackFiles, readSynthRecord, sha256Of, writeSynthRecord, type GateVerdict, type StackRecord } from '../checks/core/synth-record';
import { VERSION } from '../checks/core/version';
import { codeFingerprint } from '../checks/core/code-fingerprint';
import { selectStacks } from './stack-ids';
import { refuseForeignOutDir } from './output-folder';
import { CenterStack } from './constructs/center-stack';
import { terraformSafeModel } from './terraform-safe-model';
import { readManifest, readManifestEntry, writeManifest, type ManifestEntry } from './parallel/manifest';
import { synthTasks } from './parallel/plan';
import { mergePartTree, mergeStackParts, StackAssembly, type StackPart, type StackTask } from './parallel/stack-parts';
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

export { selectStacks, stackIds } from './stack-ids';
export { refuseForeignOutDir } from './output-folder';

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
  /** Most system deployments per part of a heavy stack (stacks/parallel/stack-parts.ts); default PART_MAX_DEPLOYMENTS. */
  maxPartDeployments?: number;
}

export interface SynthResult {
  stacks: string[];
  outDir: string;
}

/**
 * Constructs the requested stacks of `env` in `app` (no synthesis), from the Terraform-safe model,
 * exactly as a plain CDKTF app would (the bench's baselines use this; everything else buildStacks).
 * `part`: only that part of each (stack-parts.ts).
 */
export function constructStacks(app: App, env: Environment, ids: readonly string[], asOf: string, part?: StackPart): CenterStack[] {
  const safe = terraformSafeModel(env);
  return ids.map((id) => {
    const center = safe.topology.centers.find((c) => c.id === id);
    if (!center) throw new UsageError(`unknown stack '${id}'`);
    return new CenterStack(app, id, { env: safe, center, asOf, part });
  });
}

/**
 * Builds the requested stacks of `env` into `app` (no synthesis): constructed without cdktf's
 * per-token trace capture (the tokens are created here), each resolving its tokens once when it is
 * synthesized or asked for `toTerraform()` (stacks/parallel/token-traces.ts, resolve-once.ts).
 */
export function buildStacks(app: App, env: Environment, ids: readonly string[], asOf: string, part?: StackPart): CenterStack[] {
  const stacks = withoutTokenTraces(() => constructStacks(app, env, ids, asOf, part));
  for (const stack of stacks) resolveOnce(stack);
  return stacks;
}

/** One task's `toTerraform()`, built alone in memory (nothing written), its tokens released afterwards. */
function taskTerraform(env: Environment, task: StackTask, asOf: string, outdir: string): Record<string, unknown> {
  const mark = tokenMark();
  try {
    const [stack] = buildStacks(createApp(outdir), env, [task.id], asOf, task.part);
    return withoutTokenTraces(() => stack.toTerraform());
  } finally {
    releaseTokensSince(mark);
  }
}

/**
 * The Terraform JSON of stacks `ids`, each built alone in memory (heavy ones in parts, merged),
 * nothing written (`outdir` is the apps', left empty): what the policy gate needs of the stacks it
 * judges but does not synthesize, one task at a time instead of every other stack held in one app.
 */
export function stacksTerraform(env: Environment, ids: readonly string[], asOf: string, outdir: string, maxPartDeployments?: number): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const task of synthTasks(env, ids, asOf, maxPartDeployments)) {
    const tree = taskTerraform(env, task, asOf, outdir);
    const merged = out.get(task.id);
    if (merged === undefined) out.set(task.id, tree);
    else mergePartTree(merged, tree);
  }
  return new Map(ids.map((id) => [id, out.get(id)!]));
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
 * `part`: only that part of the stack (stack-parts.ts; StackAssembly merges the parts).
 */
export function synthStackAlone(env: Environment, id: string, asOf: string, outDir: string, part?: StackPart): ManifestEntry {
  const mark = tokenMark();
  try {
    const app = createApp(outDir);
    buildStacks(app, env, [id], asOf, part);
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
 * The last step of every synthesis, serial or parallel: hand every stack's Terraform JSON to the
 * gate, record the synthesis, keep the previous output's other stacks, and move the finished folder
 * `tmp` into place. A refusing gate leaves the previous output as it was (the caller removes `tmp`).
 */
export function commitOutput(env: Environment, tmp: string, outDir: string, ids: readonly string[], gate: OutputGate): void {
  const json = new Map(ids.map((id) => [id, JSON.parse(fs.readFileSync(path.join(tmp, 'stacks', id, 'cdk.tf.json'), 'utf8')) as unknown] as const));
  const verdict = gate(json);
  const stacks: Record<string, StackRecord> = {};
  for (const id of ids) {
    stacks[id] = { environment: { name: env.name, fingerprint: env.fingerprint }, code: codeFingerprint(), files: hashStackFiles(path.join(tmp, 'stacks', id)), gate: verdict };
  }
  keepOtherStacks(outDir, tmp, ids, stacks);
  const manifest = sha256Of(fs.readFileSync(path.join(tmp, 'manifest.json')));
  writeSynthRecord(tmp, { tool: { name: 'btyun', version: VERSION }, manifest, stacks });
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
function startOutput(env: Environment, options: SynthOptions): { ids: string[]; asOf: string; outDir: string; tmp: string; work: string } {
  const ids = selectStacks(env, options.stacks);
  const asOf = options.asOf ?? todayUtc();
  const outDir = path.resolve(options.outDir);
  refuseForeignOutDir(outDir, options.outDir);
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const tmp = `${outDir}.tmp-${process.pid}`;
  const work = `${outDir}.work-${process.pid}`;
  for (const dir of [tmp, work]) fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  return { ids, asOf, outDir, tmp, work };
}

/**
 * Synthesizes in process, task after task (stacks/parallel/plan.ts synthTasks: heavy stacks in
 * parts), each in its own app, assembled into the output (StackAssembly), the merged manifest
 * written last, as the pool does. Yields after each task (the commands give the event loop a turn).
 */
function* synthSteps(env: Environment, options: SynthOptions): Generator<void, SynthResult> {
  const { ids, asOf, outDir, tmp, work } = startOutput(env, options);
  try {
    const assembly = new StackAssembly(work, tmp);
    for (const task of synthTasks(env, ids, asOf, options.maxPartDeployments)) {
      const merge = assembly.done(task, synthStackAlone(env, task.id, asOf, assembly.dirOf(task), task.part));
      if (merge) {
        mergeStackParts(merge.parts, merge.id, merge.outDir);
        assembly.merged(merge);
      }
      yield;
    }
    writeManifest(tmp, new Map(ids.map((id) => [id, assembly.entries.get(id)!])));
    commitOutput(env, tmp, outDir, ids, options.gate);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { stacks: ids, outDir };
}

/** Synthesizes in process (see synthSteps), synchronously. */
export function synthEnvironment(env: Environment, options: SynthOptions): SynthResult {
  const steps = synthSteps(env, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * synthEnvironment for the commands (through the pool below its threshold): the same bytes, but
 * the event loop gets a turn between tasks, so a SIGINT / SIGTERM during the synthesis is acted
 * on within one stack's time (its temporary folder removed, exit 130 / 143) instead of after the
 * whole synthesis has been written.
 */
export async function synthEnvironmentInProcess(env: Environment, options: SynthOptions): Promise<SynthResult> {
  const steps = synthSteps(env, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
