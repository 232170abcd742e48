/**
 * A synth worker process (forked by pool.ts). Gets the parsed environment from the parent (it is
 * not read again: model-transfer.ts), then builds and synthesizes the stacks it is handed, one app
 * per stack, each into the folder it is told; the parent merges the results. An error becomes one
 * message to the parent (never a stack trace).
 */
import { InputError, UsageError } from '../../checks/core/errors';
import { loadEnvironment } from '../../checks/core/load';
import type { Environment } from '../../checks/core/types';
import { StackRefusal } from '../refuse';
import { synthStackAlone } from '../synth';
import { unpackModel } from './model-transfer';
import { mergeStackParts } from './stack-parts';
import type { FromWorker, ToWorker } from './protocol';

let env: Environment | undefined;
let asOf = '';

/**
 * A message to the parent. The parent may be gone already (it failed, or another worker's error
 * settled the pool): then there is nobody to tell, and the worker ends quietly — never an EPIPE
 * trace on the shared stderr.
 */
function send(message: FromWorker): void {
  if (!process.connected) process.exit(0);
  process.send?.(message, undefined, {}, (e) => {
    if (e) process.exit(0);
  });
}

function failure(e: unknown, id?: string): FromWorker {
  if (e instanceof InputError) return { type: 'failed', id, problems: [...e.problems], ...(e instanceof StackRefusal ? { refusal: true } : {}) };
  if (e instanceof UsageError) return { type: 'failed', id, usage: e.message };
  return { type: 'failed', id, message: (e instanceof Error ? e.message : String(e)).split('\n')[0] };
}

/**
 * Heap in use above which a finished task's garbage is collected before the next task (the pool
 * forks workers with --expose-gc): a worker's peak is then its largest task, not that plus the
 * leftovers of the one before. Below it V8 is left to choose: a full collection after every task
 * cost ≈ 15 % of the synthesis's CPU at 2,000 systems.
 */
const COLLECT_ABOVE_BYTES = 384 * 1024 * 1024;

function collectIfLarge(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc && process.memoryUsage().heapUsed > COLLECT_ABOVE_BYTES) gc();
}

function handle(message: ToWorker): void {
  if (message.type === 'exit') {
    // Exit outright: cdktf or the provider bindings may leave handles open that would keep a
    // merely disconnected worker (and so its parent) alive.
    process.exit(0);
  }
  if (message.type === 'init') {
    try {
      const { envDir, cwd } = message;
      env = unpackModel(message.model, () => loadEnvironment(envDir, { cwd }));
      asOf = message.asOf;
      send({ type: 'ready' });
    } catch (e) {
      send(failure(e));
    }
    return;
  }
  const id = message.type === 'merge' ? message.merge.id : message.id;
  try {
    if (message.type === 'merge') {
      mergeStackParts(message.merge.parts, id, message.merge.outDir);
      send({ type: 'merged', id });
    } else {
      if (!env) throw new Error('synth worker got a stack before its environment');
      send({ type: 'done', id, manifest: synthStackAlone(env, id, asOf, message.outDir, message.part) });
    }
  } catch (e) {
    send(failure(e, id));
  } finally {
    collectIfLarge();
  }
}

process.on('message', (m) => handle(m as ToWorker));
// The parent is gone (it failed, or was killed): nothing left to do.
process.on('disconnect', () => process.exit(0));
