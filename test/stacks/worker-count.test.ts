/** How many synth worker processes (stacks/parallel/plan.ts): in process below the size threshold. */
import * as os from 'node:os';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../checks/core/errors';
import { POOL_MIN_SYSTEMS, workerCount } from '../../stacks/parallel/plan';

describe('workerCount', () => {
  it('synthesizes in process below POOL_MIN_SYSTEMS, one worker per core (at most one per stack) from it on', () => {
    expect(workerCount(17, POOL_MIN_SYSTEMS - 1, undefined)).toBe(1);
    expect(workerCount(17, POOL_MIN_SYSTEMS, undefined)).toBe(Math.min(os.availableParallelism(), 17));
    expect(workerCount(1, 10 * POOL_MIN_SYSTEMS, undefined)).toBe(1);
  });

  it('takes BTYUN_SYNTH_WORKERS at any size, never more than the stacks', () => {
    expect(workerCount(17, 40, '3')).toBe(3);
    expect(workerCount(2, 40, '8')).toBe(2);
    expect(workerCount(17, 10 * POOL_MIN_SYSTEMS, '1')).toBe(1);
    expect(workerCount(17, 40, '')).toBe(1);
  });

  it('refuses a value that is not a positive integer, whatever the size', () => {
    for (const bad of ['0', 'many', '-2', '1.5']) expect(() => workerCount(17, 40, bad)).toThrow(UsageError);
  });
});
