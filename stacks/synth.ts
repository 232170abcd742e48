/**
 * Synthesize an environment's center stacks into a cdktf output folder (`cdktf.out` layout:
 * manifest.json + stacks/<center>/cdk.tf.json). Used by the cdktf app (stacks/main.ts) and by
 * `btyun synth`.
 *
 * - Only the requested stacks are constructed (one stack's synth does not pay for all).
 * - Output is written to a temporary sibling folder and renamed into place, so a failed synth (or a
 *   refusing `beforeWrite` gate) leaves the previous output intact.
 * - Terraform's working files in the previous output (`.terraform/`, `.terraform.lock.hcl`, local
 *   `*.tfstate*`) are carried over, so re-synthesizing never loses local state.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App } from 'cdktf';
import type { Environment } from '../checks/model/types';
import { InputError, UsageError } from '../checks/model/errors';
import { isRealDate } from '../checks/cli/args';
import { CenterStack } from './constructs/center-stack';
import { withoutTokenTraces } from './parallel/token-traces';

export interface SynthOptions {
  /** Output folder (created; replaced atomically on success). */
  outDir: string;
  /** Stack ids (= center ids) to build; default all, in topology order. */
  stacks?: readonly string[];
  /** Synth date `YYYY-MM-DD` for replacement deadlines; default BTYUN_AS_OF or today (UTC). */
  asOf?: string;
  /**
   * Policy-gate seam: called once per synthesized stack with its Terraform JSON, before anything is
   * written to `outDir`. Throw to refuse: the previous output stays as it was.
   */
  beforeWrite?: (stackId: string, tfJson: unknown) => void;
  /**
   * Called with the app once its stacks are built, before `app.synth()`: for aspects and
   * validations on the constructs themselves (the policy gate's error annotations).
   */
  prepareApp?: (app: App) => void;
}

export interface SynthResult {
  stacks: string[];
  outDir: string;
}

/** The synth date: BTYUN_AS_OF when set (must be a real date), else today in UTC. */
export function synthAsOf(envVar = process.env.BTYUN_AS_OF): string {
  if (envVar === undefined || envVar === '') return new Date().toISOString().slice(0, 10);
  if (!isRealDate(envVar)) throw new UsageError(`BTYUN_AS_OF '${envVar}' is not a date (YYYY-MM-DD)`);
  return envVar;
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

/** Build the requested stacks of `env` into `app` (no synthesis). */
export function buildStacks(app: App, env: Environment, ids: readonly string[], asOf: string): CenterStack[] {
  return ids.map((id) => {
    const center = env.topology.centers.find((c) => c.id === id);
    if (!center) throw new UsageError(`unknown stack '${id}'`);
    return new CenterStack(app, id, { env, center, asOf });
  });
}

/** The cdktf app every synthesis uses (serial here, one per stack in stacks/parallel/ workers). */
export function createApp(outdir: string): App {
  // stackTraces: false — no stack trace in every resource's metadata (size, speed, determinism).
  return new App({ outdir, stackTraces: false });
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
  if (!fs.existsSync(outDir)) {
    fs.renameSync(next, outDir);
    return;
  }
  const old = `${outDir}.old-${process.pid}`;
  fs.rmSync(old, { recursive: true, force: true });
  fs.renameSync(outDir, old);
  try {
    fs.renameSync(next, outDir);
  } catch (e) {
    fs.renameSync(old, outDir); // put the previous output back
    throw e;
  }
  carryOverWorkingFiles(old, outDir);
  fs.rmSync(old, { recursive: true, force: true });
}

/**
 * The output folder is replaced whole, so it must be a previous cdktf output (manifest.json or
 * stacks/), an empty folder, or absent. Anything else — `--out .`, `--out environments/x`, a
 * file, a folder of notes — would be deleted by the replace: refused before any work.
 */
function shownPath(p: string): string {
  const rel = path.relative(process.cwd(), p);
  return rel === '' ? '.' : rel.startsWith('..') ? p : rel.split(path.sep).join('/');
}

export function refuseForeignOutDir(outDir: string, shown = shownPath(outDir)): void {
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
  if (entries.length > 0 && !entries.includes('manifest.json') && !entries.includes('stacks')) refuse('it is not a cdktf output folder (no manifest.json, no stacks/)');
}

/**
 * The last step of every synthesis, serial or parallel: hand each stack's Terraform JSON to the
 * `beforeWrite` gate, then move the finished folder `tmp` into place. A throwing gate leaves the
 * previous output as it was (the caller removes `tmp`).
 */
export function commitOutput(tmp: string, outDir: string, ids: readonly string[], beforeWrite?: SynthOptions['beforeWrite']): void {
  if (beforeWrite) {
    for (const id of ids) beforeWrite(id, JSON.parse(fs.readFileSync(path.join(tmp, 'stacks', id, 'cdk.tf.json'), 'utf8')));
  }
  replaceOutput(tmp, outDir);
}

export function synthEnvironment(env: Environment, options: SynthOptions): SynthResult {
  const ids = selectStacks(env, options.stacks);
  const asOf = options.asOf ?? synthAsOf();
  const outDir = path.resolve(options.outDir);
  refuseForeignOutDir(outDir, options.outDir);
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  try {
    const app = createApp(tmp);
    withoutTokenTraces(() => {
      buildStacks(app, env, ids, asOf);
      options.prepareApp?.(app);
      app.synth();
    });
    commitOutput(tmp, outDir, ids, options.beforeWrite);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  }
  return { stacks: ids, outDir };
}
