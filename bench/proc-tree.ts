/**
 * Memory of a whole process tree, sampled from Linux /proc while it runs: every descendant of the
 * root (found through /proc/<pid>/task/<tid>/children), its resident set now (VmRSS) and its own
 * peak (VmHWM, kept by the kernel, so a peak between two samples is not missed). The tree's peak is
 * the largest sum of VmRSS over one sample (a lower bound: processes peak at different moments).
 * Without /proc (not Linux) nothing is sampled.
 */
import * as fs from 'node:fs';

export interface TreeMemory {
  /** Largest single process: max VmHWM, MiB. */
  peakProcessMiB: number;
  /** Which process that was (its command line, shortened). */
  peakProcess: string;
  /** Largest sum of VmRSS over the tree in one sample, MiB. */
  peakTreeMiB: number;
  /** Processes seen in the tree (the root included). */
  processes: number;
  /** Every process's own peak, largest first: `command MiB`. */
  peaks: { command: string; MiB: number }[];
}

export const HAS_PROC = fs.existsSync('/proc/self/task');

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined; // the process has exited meanwhile
  }
}

function children(pid: number): number[] {
  const out: number[] = [];
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return out;
  }
  for (const tid of tasks) {
    const list = read(`/proc/${pid}/task/${tid}/children`);
    if (list) for (const c of list.trim().split(/\s+/)) if (c !== '') out.push(Number(c));
  }
  return out;
}

function kib(status: string, field: string): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return m ? Number(m[1]) : 0;
}

function commandOf(pid: number): string {
  const argv = (read(`/proc/${pid}/cmdline`) ?? '').split('\0').filter((a) => a !== '');
  // `node …/bin/btyun.js synth` → `btyun.js synth`; a worker → `worker.js`.
  const script = argv.findIndex((a, i) => i > 0 && !a.startsWith('-'));
  const shown = script < 0 ? argv.slice(0, 1) : argv.slice(script, script + 2);
  return shown.map((a) => a.split('/').pop()).join(' ');
}

/** Samples the tree under `root` every `everyMs` until `stop()`; returns what it saw. */
export function sampleTree(root: number, everyMs = 50): { stop(): TreeMemory } {
  const peaks = new Map<number, { hwm: number; command: string }>();
  let peakTree = 0;
  const sample = (): void => {
    let sum = 0;
    const todo = [root];
    while (todo.length > 0) {
      const pid = todo.pop()!;
      const status = read(`/proc/${pid}/status`);
      if (status === undefined) continue;
      sum += kib(status, 'VmRSS');
      const hwm = kib(status, 'VmHWM');
      const known = peaks.get(pid);
      // The command is read again as the process grows: a child first seen between fork and exec
      // still shows its parent's command line.
      if (!known) peaks.set(pid, { hwm, command: commandOf(pid) });
      else if (hwm > known.hwm) Object.assign(known, { hwm, command: commandOf(pid) });
      todo.push(...children(pid));
    }
    peakTree = Math.max(peakTree, sum);
  };
  const timer = HAS_PROC ? setInterval(sample, everyMs) : undefined;
  if (HAS_PROC) sample();
  return {
    stop(): TreeMemory {
      if (timer) clearInterval(timer);
      let top = { hwm: 0, command: '' };
      for (const p of peaks.values()) if (p.hwm > top.hwm) top = p;
      const all = [...peaks.values()].map((p) => ({ command: p.command, MiB: p.hwm / 1024 })).sort((a, b) => b.MiB - a.MiB);
      return { peakProcessMiB: top.hwm / 1024, peakProcess: top.command, peakTreeMiB: peakTree / 1024, processes: peaks.size, peaks: all };
    },
  };
}
