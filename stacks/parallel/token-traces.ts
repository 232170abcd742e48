/**
 * cdktf records, for every token it creates (there are several per resource), the full stack trace
 * of its creation (`captureStackTrace` with an unlimited depth, formatted at once), only to name
 * where a token came from if resolving it fails. Measured at 2,000 systems, formatting those traces
 * costs ~17 % of a stack's synth time and keeps millions of strings alive (memory, GC).
 *
 * While `run` executes, stack traces are not formatted (`Error.prepareStackTrace` returns ''), so
 * cdktf stores an empty trace. Synthesized output does not change (traces are not in it:
 * stackTraces: false). Errors raised meanwhile are reported in one line anyway; BTYUN_DEBUG=1 keeps
 * full traces for developers.
 */
export function withoutTokenTraces<T>(run: () => T): T {
  if (process.env.BTYUN_DEBUG === '1') return run();
  const previous = Error.prepareStackTrace;
  Error.prepareStackTrace = () => '';
  try {
    return run();
  } finally {
    Error.prepareStackTrace = previous;
  }
}
