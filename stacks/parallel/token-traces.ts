/**
 * cdktf records, for every token it creates (several per resource), the full stack trace of its
 * creation (`captureStackTrace` in cdktf/lib/tokens/private/stack-trace.js: `Error.captureStackTrace`
 * with an unlimited depth), only to name where a token came from if resolving it fails. At 2,000
 * systems walking those frames was 9–12 % of a synth worker's CPU, and formatting them another
 * ~17 % (issue 12 stopped the formatting with `Error.prepareStackTrace`; the walk stayed).
 *
 * While `run` executes, cdktf's capture function is replaced by one that captures nothing (the
 * empty trace cdktf itself records when a trace is empty). Callers look the function up on the
 * module at each call (`(0, stack_trace_1.captureStackTrace)()`), so the swap reaches every token
 * class (Intrinsic, Lazy, dynamic blocks, computed lists) and nothing else in the process.
 * Synthesized output does not change (traces are never in it: stackTraces: false). BTYUN_DEBUG=1
 * keeps full traces for developers.
 */
import { createRequire } from 'node:module';

interface StackTraceModule {
  captureStackTrace: (below?: unknown) => string[];
}

/** cdktf's own module, resolved from cdktf (its internal path, not part of its public API). */
const traces = createRequire(require.resolve('cdktf'))('./tokens/private/stack-trace') as StackTraceModule;

const NO_TRACE = (): string[] => [];

export function withoutTokenTraces<T>(run: () => T): T {
  if (process.env.BTYUN_DEBUG === '1') return run();
  const previous = traces.captureStackTrace;
  traces.captureStackTrace = NO_TRACE;
  try {
    return run();
  } finally {
    traces.captureStackTrace = previous;
  }
}
