/**
 * Runs one command as a child process and measures its whole process tree:
 *
 * - wall time;
 * - CPU time (user + system) of the command and every descendant it waited for — `btyun synth`
 *   waits for its workers — from GNU time (`/usr/bin/time`, the rusage of the waited child, which
 *   includes its waited children); not reported without GNU time;
 * - peak memory of the largest single process (the larger of GNU time's maximum resident set size
 *   and the VmHWM sampled from /proc) and of the whole tree (bench/proc-tree.ts).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sampleTree, HAS_PROC } from './proc-tree';

export interface Measurement {
  seconds: number;
  /** User + system CPU of the tree, seconds; undefined without GNU time. */
  cpuSeconds?: number;
  /** Peak RSS of the largest single process, MiB; undefined when it cannot be measured. */
  peakMiB?: number;
  /** Which process had that peak. */
  peakProcess?: string;
  /** Peak of the tree's summed RSS, MiB (sampled; undefined without /proc). */
  treeMiB?: number;
  /** Processes in the tree. */
  processes?: number;
  /** The largest peak of a synth worker process (stacks/parallel/worker.js), MiB. */
  workerMiB?: number;
  status: number;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = fs.existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;

export function methods(): string {
  return [
    hasGnuTime ? 'CPU = user + system of the waited process tree (GNU time rusage)' : 'CPU not measured (no GNU time)',
    HAS_PROC ? 'per-process peak = VmHWM (/proc) and GNU time max RSS; tree peak = largest sum of VmRSS of every descendant in one 50 ms sample' : 'memory: GNU time max RSS of the largest process only (no /proc)',
  ].join('; ');
}

export interface RunSpec {
  command: string;
  args: string[];
  env?: Record<string, string>;
  cwd: string;
  /** Exit statuses that count as success (check exits 1 when it finds something). */
  okStatus?: number[];
}

export async function measure(spec: RunSpec): Promise<Measurement> {
  const report = path.join(os.tmpdir(), `btyun-bench-time-${process.pid}.txt`);
  const [command, args] = hasGnuTime ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', report, spec.command, ...spec.args]] : [spec.command, spec.args];
  const started = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: spec.cwd, env: { ...process.env, ...spec.env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const tree = child.pid !== undefined ? sampleTree(child.pid) : undefined;
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4096)));
  const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  const memory = tree?.stop();
  if (!(spec.okStatus ?? [0]).includes(status)) {
    throw new Error(`${spec.command} ${spec.args.join(' ')} exited ${status}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  }
  const worker = memory?.peaks.find((p) => p.command.startsWith('worker.js'));
  const m: Measurement = {
    seconds: wall,
    status,
    ...(memory ? { peakMiB: memory.peakProcessMiB, peakProcess: memory.peakProcess, treeMiB: memory.peakTreeMiB, processes: memory.processes } : {}),
    ...(worker ? { workerMiB: worker.MiB } : {}),
  };
  if (!hasGnuTime) return m;
  const [, user, system, kb] = fs.readFileSync(report, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  fs.rmSync(report, { force: true });
  const rusagePeak = kb / 1024;
  return { ...m, cpuSeconds: user + system, peakMiB: Math.max(m.peakMiB ?? 0, rusagePeak) };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of each figure over several measurements of the same command. */
export function medianOf(all: readonly Measurement[]): Measurement {
  const of = (pick: (m: Measurement) => number | undefined): number | undefined => {
    const xs = all.map(pick).filter((x): x is number => x !== undefined);
    return xs.length > 0 ? median(xs) : undefined;
  };
  const last = all[all.length - 1];
  return {
    seconds: of((m) => m.seconds)!,
    cpuSeconds: of((m) => m.cpuSeconds),
    peakMiB: of((m) => m.peakMiB),
    peakProcess: last.peakProcess,
    treeMiB: of((m) => m.treeMiB),
    processes: last.processes,
    workerMiB: of((m) => m.workerMiB),
    status: last.status,
  };
}
