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
import { writeManifest } from './manifest';
import { packModel } from './model-transfer';
import { synthTasks, workerCount, type SynthTask } from './plan';
import { StackAssembly, type StackMerge } from './stack-parts';
import type { FromWorker, ToWorker } from './protocol';

export interface ParallelSynthOptions extends SynthOptions {
  /**
   * The folder `env` was loaded from (read by a worker only for a source position the transferred
   * model lacks: model-transfer.ts), and the workers' cwd.
   */
  source: { envDir: string; cwd: string };
  /** Worker processes; default BTYUN_SYNTH_WORKERS, else one per core from POOL_MIN_SYSTEMS systems on. */
  workers?: number;
  /**
   * Build in worker processes even a single task (at least one worker; still in process when there
   * is no compiled worker): for a caller already holding other stacks' trees, whose own heap should
   * not hold a construct tree as well (the gate of a partial synthesis: checks/app/gate/output-gate.ts).
   */
  evenOne?: boolean;
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
  const tasks = synthTasks(env, ids, asOf, options.maxPartDeployments);
  const workers = Math.max(options.evenOne ? 1 : 0, options.workers ?? workerCount(tasks.length, env.inventory.systems.length));
  const script = workerScript();
  if (script === undefined || (!options.evenOne && (workers < 2 || tasks.length < 2))) return synthEnvironmentInProcess(env, { ...options, stacks: ids, asOf });

  const outDir = path.resolve(options.outDir);
  // Refuse a folder that is not a cdktf output before any worker starts.
  refuseForeignOutDir(outDir, options.outDir);
  fs.mkdirSync(path.dirname(outDir), { recursive: true });
  const tmp = `${outDir}.tmp-${process.pid}`;
  const work = `${outDir}.work-${process.pid}`;
  for (const d of [tmp, work]) fs.rmSync(d, { recursive: true, force: true });
  try {
    const assembly = new StackAssembly(work, tmp);
    await runPool(script, Math.min(workers, tasks.length), tasks, {
      init: { type: 'init', model: packModel(env), envDir: options.source.envDir, cwd: options.source.cwd, asOf },
      assembly,
    });
    // Manifest entries in topology order; the stringify sorts keys anyway.
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

interface PoolJob {
  init: Extract<ToWorker, { type: 'init' }>;
  /** Where each task is synthesized, and what becomes of it when it is done (in the parent). */
  assembly: StackAssembly;
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

/** A worker's unit of work: a task of the plan, or the merge of a split stack whose parts are in. */
type Job = { task: SynthTask } | { merge: StackMerge };

const jobStack = (j: Job): string => ('task' in j ? j.task.id : j.merge.id);

/**
 * Runs `queue` (heaviest first) on `size` workers, each task going to whichever worker is free; a
 * split stack's merge goes, first in line, to the worker that wrote its last part.
 */
function runPool(script: string, size: number, queue: readonly SynthTask[], job: PoolJob): Promise<void> {
  return new Promise((resolve, reject) => {
    const pending: Job[] = queue.map((task) => ({ task }));
    const jobs = queue.length + new Set(queue.filter((t) => t.part && t.part.count > 1).map((t) => t.id)).size;
    let finished = 0;
    const children: ChildProcess[] = [];
    const busy = new Map<ChildProcess, Job>();
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
      const work = pending.shift();
      if (work === undefined) {
        busy.delete(child);
        if (finished === jobs && !settled) {
          settled = true;
          // Every worker goes, including one still starting up that never got a stack; the pool is
          // done when all have exited (reaped: their CPU and memory count in this process's
          // children's resource usage, and none outlives the synthesis).
          void Promise.all(children.map(finish)).then(() => resolve());
        } else child.send({ type: 'exit' } satisfies ToWorker, () => release(child));
        return;
      }
      busy.set(child, work);
      if ('merge' in work) child.send({ type: 'merge', merge: work.merge } satisfies ToWorker);
      else child.send({ type: 'stack', id: work.task.id, part: work.task.part, outDir: job.assembly.dirOf(work.task) } satisfies ToWorker);
    };

    for (let i = 0; i < size; i++) {
      // --expose-gc: a worker collects what a task built before the next one (worker.ts).
      const child = fork(script, [], { cwd: job.init.cwd, execArgv: [...process.execArgv, '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
      children.push(child);
      child.on('message', (raw) => {
        if (settled) return release(child);
        const message = raw as FromWorker;
        if (message.type === 'failed') return fail(errorOf(message));
        if (message.type === 'done' || message.type === 'merged') {
          const work = busy.get(child);
          try {
            if (!work || jobStack(work) !== message.id || ('merge' in work) !== (message.type === 'merged')) {
              throw new Error(`synth worker reported stack ${message.id}, which it was not building`);
            }
            if ('merge' in work) job.assembly.merged(work.merge);
            else {
              const merge = job.assembly.done(work.task, (message as Extract<FromWorker, { type: 'done' }>).manifest);
              if (merge) pending.unshift({ merge });
            }
          } catch (e) {
            return fail(e as Error);
          }
          finished++;
          busy.delete(child);
        }
        next(child);
      });
      child.on('error', (e) => fail(new Error(`synth worker: ${e.message}`)));
      child.on('exit', (code, signal) => {
        const work = busy.get(child);
        if (work !== undefined || (!settled && code !== 0)) {
          fail(new Error(`synth worker exited (${signal ?? `code ${code}`})${work ? ` while building stack ${jobStack(work)}` : ''}`));
        }
      });
      child.send(job.init);
    }
  });
}
