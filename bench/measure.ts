/**
 * Runs one command as a child process and measures its wall time and peak memory. Peak memory is
 * the maximum resident set size of the largest single process of the run (the command or any
 * process it started), as GNU time reports it (`/usr/bin/time -f %M`); without GNU time, only the
 * wall time is measured.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Measurement {
  seconds: number;
  /** Peak RSS of the largest process, MiB; undefined when it cannot be measured. */
  peakMiB?: number;
  status: number;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

export function peakMemoryMethod(): string {
  return hasGnuTime ? 'GNU time maximum resident set size (largest single process)' : 'not measured (no GNU time)';
}

export interface RunSpec {
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd: string;
  /** Exit statuses that count as success (check exits 1 when it finds something). */
  okStatus?: number[];
}

export function measure(spec: RunSpec): Measurement {
  const report = path.join(os.tmpdir(), `btyun-bench-time-${process.pid}.txt`);
  const [command, args] = hasGnuTime ? [GNU_TIME, ['-f', '%e %M', '-o', report, spec.command, ...spec.args]] : [spec.command, spec.args];
  const started = process.hrtime.bigint();
  const run = spawnSync(command, args, { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const status = run.status ?? -1;
  if (!(spec.okStatus ?? [0]).includes(status)) {
    throw new Error(`${spec.command} ${spec.args.join(' ')} exited ${status}: ${(run.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  }
  if (!hasGnuTime) return { seconds: wall, status };
  const [, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ');
  fs.rmSync(report, { force: true });
  return { seconds: wall, peakMiB: Number(kb) / 1024, status };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `spec` `runs` times; medians of time and of peak memory. */
export function measureMedian(spec: RunSpec, runs: number, before?: () => void): Measurement {
  const all: Measurement[] = [];
  for (let i = 0; i < runs; i++) {
    before?.();
    all.push(measure(spec));
  }
  const peaks = all.map((m) => m.peakMiB).filter((p): p is number => p !== undefined);
  return { seconds: median(all.map((m) => m.seconds)), peakMiB: peaks.length > 0 ? median(peaks) : undefined, status: all[all.length - 1].status };
}
