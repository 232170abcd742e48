/**
 * Parallel synthesis: ONE pool of worker processes sized to the cores; each worker receives the
 * parsed environment from the parent (model-transfer.ts: never read twice) and builds and
 * synthesizes the stacks it is handed, one cdktf app per stack (heaviest first, the next stack
 * going to whichever worker is free). The parent merges the stack folders and cdktf's manifest into
 * the same layout — byte for byte — as a serial synthesis, runs the gate, renames the result into
 * place atomically, like `synthEnvironment`, and waits for its workers to exit.
 *
 * Falls back to the serial `synthEnvironmentInProcess` when one worker is enough (one stack, one core, an
 * environment below POOL_MIN_SYSTEMS, BTYUN_SYNTH_WORKERS=1) or when running from TypeScript
 * sources (no compiled worker to fork).
 * A failure in a worker stops the pool and surfaces as one clean error (InputError/UsageError as
 * the worker raised it; anything else as one line naming the stack).
 */
import { fork, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Environment } from '../../checks/core/types';
import { InputError, UsageError } from '../../checks/core/errors';
import { todayUtc } from '../../checks/core/dates';
import { commitOutput, refuseForeignOutDir, selectStacks, synthEnvironmentInProcess, type SynthOptions, type SynthResult } from '../synth';
import { StackRefusal } from '../refuse';
import { writeManifest, type ManifestEntry } from './manifest';
import { packModel } from './model-transfer';
import { heaviestFirst, workerCount } from './plan';
import type { FromWorker, ToWorker } from './protocol';

export interface ParallelSynthOptions extends SynthOptions {
  /**
   * The folder `env` was loaded from (read by a worker only for a source position the transferred
   * model lacks: model-transfer.ts), and the workers' cwd.
   */
  source: { envDir: string; cwd: string };
  /** Worker processes; default BTYUN_SYNTH_WORKERS, else one per core from POOL_MIN_SYSTEMS systems on. */
  workers?: number;
}

/** The compiled worker next to this file, or undefined when running from sources. */
function workerScript(): string | undefined {
  if (!__filename.endsWith('.js')) return undefined;
  const script = path.join(__dirname, 'worker.js');
  return fs.existsSync(script) ? script : undefined;
}

export async function synthEnvironmentParallel(env: Environment, options: ParallelSynthOptions): Promise<SynthResult> {
  const ids = selectStacks(env, options.stacks);
  const asOf = options.asOf ?? todayUtc();
  const workers = options.workers ?? workerCount(ids.length, env.inventory.systems.length);
  const script = workerScript();
  if (workers < 2 || ids.length < 2 || script === undefined) return synthEnvironmentInProcess(env, { ...options, stacks: ids, asOf });

  const outDir = path.resolve(options.outDir);
  // Refuse a folder that is not a cdktf output before any worker starts.
  refuseForeignOutDir(outDir, options.outDir);
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const tmp = `${outDir}.tmp-${process.pid}`;
  const work = `${outDir}.work-${process.pid}`;
  for (const d of [tmp, work]) fs.rmSync(d, { recursive: true, force: true });
  fs.mkdirSync(path.join(tmp, 'stacks'), { recursive: true });
  fs.mkdirSync(work);
  try {
    const entries = await runPool(script, Math.min(workers, ids.length), heaviestFirst(env, ids, asOf), {
      init: { type: 'init', model: packModel(env), envDir: options.source.envDir, cwd: options.source.cwd, asOf },
      work,
      onDone: (id) => fs.renameSync(path.join(work, id, 'stacks', id), path.join(tmp, 'stacks', id)),
    });
    // Manifest entries in topology order; the stringify sorts keys anyway.
    writeManifest(tmp, new Map(ids.map((id) => [id, entries.get(id)!])));
    commitOutput(env, tmp, outDir, ids, options.gate);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return { stacks: ids, outDir };
}

interface PoolJob {
  init: Extract<ToWorker, { type: 'init' }>;
  /** Each stack is synthesized into `<work>/<id>`. */
  work: string;
  /** Called in the parent when a stack is written (moves it into the output). */
  onDone: (id: string) => void;
}

function errorOf(message: Extract<FromWorker, { type: 'failed' }>): Error {
  if (message.problems) return message.refusal ? new StackRefusal(message.problems) : new InputError(message.problems);
  if (message.usage !== undefined) return new UsageError(message.usage);
  return new Error(`${message.id ? `stack ${message.id}: ` : ''}${message.message ?? 'synth worker failed'}`);
}

/**
 * Tells a worker whose work is done to exit and resolves once it has (killed if it is still there
 * after a few seconds). The child stays referenced until then, so its exit is seen and it is reaped.
 */
function finish(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    if (child.connected) child.send({ type: 'exit' } satisfies ToWorker, () => child.connected && child.disconnect());
    else child.kill('SIGTERM');
  });
}

function runPool(script: string, size: number, queue: readonly string[], job: PoolJob): Promise<Map<string, ManifestEntry>> {
  return new Promise((resolve, reject) => {
    const pending = [...queue];
    const entries = new Map<string, ManifestEntry>();
    const children: ChildProcess[] = [];
    const busy = new Map<ChildProcess, string>();
    let settled = false;

    /**
     * Never let a worker keep the parent alive: close its channel, ask it to stop, and kill it
     * outright if it is still there a few seconds later (the timer does not hold the parent).
     */
    const release = (c: ChildProcess, signal?: NodeJS.Signals): void => {
      if (c.exitCode !== null || c.signalCode !== null) return;
      if (signal) c.kill(signal);
      if (c.connected) c.disconnect();
      setTimeout(() => {
        if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      }, 5000).unref();
      c.unref();
    };
    const stopAll = (): void => {
      for (const c of children) release(c, 'SIGTERM');
    };
    const fail = (e: Error): void => {
      if (settled) return;
      settled = true;
      stopAll();
      reject(e);
    };
    const next = (child: ChildProcess): void => {
      const id = pending.shift();
      if (id === undefined) {
        busy.delete(child);
        if (entries.size === queue.length && !settled) {
          settled = true;
          // Every worker goes, including one still starting up that never got a stack; the pool is
          // done when all have exited (reaped: their CPU and memory count in this process's
          // children's resource usage, and none outlives the synthesis).
          void Promise.all(children.map(finish)).then(() => resolve(entries));
        } else child.send({ type: 'exit' } satisfies ToWorker, () => release(child));
        return;
      }
      busy.set(child, id);
      child.send({ type: 'stack', id, outDir: path.join(job.work, id) } satisfies ToWorker);
    };

    for (let i = 0; i < size; i++) {
      const child = fork(script, [], { cwd: job.init.cwd, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
      children.push(child);
      child.on('message', (raw) => {
        if (settled) return release(child);
        const message = raw as FromWorker;
        if (message.type === 'failed') return fail(errorOf(message));
        if (message.type === 'done') {
          try {
            job.onDone(message.id);
          } catch (e) {
            return fail(e as Error);
          }
          entries.set(message.id, message.manifest);
        }
        next(child);
      });
      child.on('error', (e) => fail(new Error(`synth worker: ${e.message}`)));
      child.on('exit', (code, signal) => {
        const id = busy.get(child);
        if (id !== undefined || (!settled && code !== 0)) {
          fail(new Error(`synth worker exited (${signal ?? `code ${code}`})${id ? ` while building stack ${id}` : ''}`));
        }
      });
      child.send(job.init);
    }
  });
}
