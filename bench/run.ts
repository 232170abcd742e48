/**
 * `npm run bench`: how fast the project synthesizes and checks a whole corps cloud.
 *
 * For each size (BENCH_SIZES, default 200,2000 systems) it generates an environment with
 * `btyun gen`, then measures — medians of BENCH_RUNS runs (default 3), each from a clean output —
 * full synth the project's way (`btyun synth`: compiled JavaScript, one worker process per core),
 * full synth the naive way (the same synthesis in one process from TypeScript through a
 * source-map loader), one division stack (`btyun synth --stack`), the check
 * (`btyun check --synth DIR --format json`) and its floor (a process that only reads and
 * JSON.parses the same files). Prints the machine, a Markdown table and the targets.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureMedian, peakMemoryMethod, type Measurement, type RunSpec } from './measure';
import { linearRows, linearTable } from './linear';

const ROOT = path.resolve(__dirname, '..', '..');
const BTYUN = path.join(ROOT, 'bin', 'btyun.js');
const VITE_NODE = path.join(ROOT, 'node_modules', '.bin', 'vite-node');
const FLOOR = path.join(__dirname, 'floor.js');
const SEED = '2017';
const AS_OF = '2026-11-01';
const SINGLE_STACK = 'div-1';

function sizes(): number[] {
  const raw = process.env.BENCH_SIZES ?? '200,2000';
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < 17)) throw new Error(`BENCH_SIZES '${raw}': integers of at least 17 (one system per center)`);
  return list;
}

function runs(): number {
  const n = Number(process.env.BENCH_RUNS ?? '3');
  if (!Number.isInteger(n) || n < 1) throw new Error(`BENCH_RUNS '${process.env.BENCH_RUNS}': a positive integer`);
  return n;
}

interface Row {
  systems: number;
  resources: number;
  workers: number;
  full: Measurement;
  naive: Measurement;
  single: Measurement;
  check: Measurement;
  floor: Measurement;
  identical: boolean;
}

const node = (args: string[], extra: Partial<RunSpec> = {}): RunSpec => ({ command: process.execPath, args, cwd: ROOT, env: {}, ...extra });
const clean = (dir: string) => () => fs.rmSync(dir, { recursive: true, force: true });

function sameTree(a: string, b: string): boolean {
  return spawnSync('diff', ['-rq', a, b], { stdio: 'ignore' }).status === 0;
}

function benchSize(work: string, systems: number, count: number): Row {
  const env = path.join(work, `env-${systems}`);
  const out = path.join(work, `out-${systems}`);
  const naiveOut = path.join(work, `naive-${systems}`);
  const one = path.join(work, `one-${systems}`);
  log(`${systems} systems: generating`);
  measureMedian(node([BTYUN, 'gen', '--systems', String(systems), '--seed', SEED, '--out', env]), 1);

  log(`${systems} systems: full synth, project's way ×${count}`);
  const full = measureMedian(node([BTYUN, 'synth', '--env', env, '--out', out]), count, clean(out));
  log(`${systems} systems: full synth, naive way ×${count}`);
  const naive = measureMedian({ command: VITE_NODE, args: [path.join(ROOT, 'bench', 'naive-synth.ts')], cwd: ROOT, env: { BTYUN_ENV: env, CDKTF_OUTDIR: naiveOut } }, count, clean(naiveOut));
  const identical = sameTree(out, naiveOut);
  log(`${systems} systems: one stack (${SINGLE_STACK}) ×${count}`);
  const single = measureMedian(node([BTYUN, 'synth', '--env', env, '--stack', SINGLE_STACK, '--out', one]), count, clean(one));
  log(`${systems} systems: check ×${count}`);
  const report = path.join(work, `check-${systems}.json`);
  const check = measureMedian(node([BTYUN, 'check', '--env', env, '--synth', out, '--format', 'json', '--as-of', AS_OF, '--output', report], { okStatus: [0, 1] }), count);
  const floor = measureMedian(node([FLOOR, out]), count);
  const summary = (JSON.parse(fs.readFileSync(report, 'utf8')) as { summary: { resources: number; critical: number; high: number } }).summary;
  if (summary.critical + summary.high > 0) log(`warning: the generated environment has ${summary.critical} critical and ${summary.high} high findings`);
  return { systems, resources: summary.resources, workers: os.availableParallelism(), full, naive, single, check, floor, identical };
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

const s = (m: Measurement) => `${m.seconds.toFixed(1)} s`;
const mib = (m: Measurement) => (m.peakMiB === undefined ? 'n/a' : `${Math.round(m.peakMiB)} MiB`);

function table(rows: readonly Row[]): string {
  const lines = [
    '| systems | resources | full synth, project (compiled, workers) | peak | full synth, naive (1 process, source-map loader) | peak | naive ÷ project | one stack (`--stack ' + SINGLE_STACK + '`) | one ÷ full | check (`--synth`, json) | peak | JSON.parse floor | check ÷ floor |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.systems} | ${r.resources} | ${s(r.full)} (${r.workers} workers) | ${mib(r.full)} | ${s(r.naive)} | ${mib(r.naive)} | ${(r.naive.seconds / r.full.seconds).toFixed(2)}× | ${s(r.single)} | ${((100 * r.single.seconds) / r.full.seconds).toFixed(0)} % | ${s(r.check)} | ${mib(r.check)} | ${s(r.floor)} | ${(r.check.seconds / r.floor.seconds).toFixed(2)}× |`,
    );
  }
  return lines.join('\n');
}

function targets(r: Row): string {
  const peak = Math.max(r.full.peakMiB ?? 0, r.single.peakMiB ?? 0, r.check.peakMiB ?? 0);
  const rows: [string, boolean, string][] = [
    ['full synth ≥ 2× faster than naive', r.naive.seconds / r.full.seconds >= 2, `${(r.naive.seconds / r.full.seconds).toFixed(2)}×`],
    ['one stack < 15 % of full synth', r.single.seconds / r.full.seconds < 0.15, `${((100 * r.single.seconds) / r.full.seconds).toFixed(1)} %`],
    ['check < 3× the JSON.parse floor', r.check.seconds / r.floor.seconds < 3, `${(r.check.seconds / r.floor.seconds).toFixed(2)}×`],
    ['peak memory < 1.5 GB in any one process (project)', peak < 1.5 * 1024, `${Math.round(peak)} MiB`],
  ];
  return [`Targets at ${r.systems} systems:`, ...rows.map(([what, ok, got]) => `- ${ok ? 'met' : 'MISSED'}: ${what} — ${got}`)].join('\n');
}

function main(): void {
  for (const f of [BTYUN, VITE_NODE, FLOOR]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run npm run build (npm run bench builds first)`);
  const count = runs();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-bench-'));
  try {
    log('linear-time rows (issue 12): YAML keys, HCL lines, URL and secret masking at 1× and 10×');
    const linear = linearTable(linearRows(count));
    const rows = sizes().map((n) => benchSize(work, n, count));
    const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
    const out = [
      `Machine: ${os.availableParallelism()} cores (${cpu}), ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}.`,
      `Medians of ${count} run(s) each; peak memory: ${peakMemoryMethod()}. Seed ${SEED}, as of ${AS_OF}.`,
      `Naive output byte-identical to the project's: ${rows.every((r) => r.identical) ? 'yes' : 'NO'}.`,
      '',
      table(rows),
      '',
      targets(rows[rows.length - 1]),
      '',
      linear,
      '',
    ].join('\n');
    process.stdout.write(out);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
