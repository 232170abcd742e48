/**
 * `npm run bench`: how fast, and in how much memory, the project synthesizes and checks a whole
 * corps cloud — every figure of a whole process tree (bench/measure.ts: CPU of every waited
 * descendant, peak memory per process and per tree).
 *
 * For each size (BENCH_SIZES, default 200,2000,4000 systems) it generates an environment with
 * `btyun gen`, then runs BENCH_RUNS rounds (default 3) of, interleaved (so that a change in the
 * machine's load hits every command alike), each from a clean output:
 *
 *   full synth          `btyun synth` (compiled; the gate; a worker pool from POOL_MIN_SYSTEMS on)
 *   naive               bench/naive-synth.ts through vite-node: one app, cdktf as shipped, no gate
 *   one stack           `btyun synth --stack div-1` into the full synthesis's folder: as `cdktf deploy
 *                       div-1` right after `cdktf synth` (up to date: nothing to rebuild), and after
 *                       an edit of the environment (a comment added to inventory.yaml: every record
 *                       is stale, the gate builds every other center in memory)
 *   check / floor       `btyun check --synth` (json) / read + JSON.parse of the same files
 *   validate / floor    `btyun validate` / read + js-yaml load of the five documents
 *   manifests           `btyun check --manifests --packs k8s` / Monokle's local rules (bench/monokle.ts)
 *
 * and plain CDKTF (naive-synth with BENCH_BASELINE=plain: traces formatted) BENCH_PLAIN_RUNS times
 * (default 1) per size unless BENCH_SKIP_PLAIN=1 (at 4,000 systems it takes many minutes). Medians;
 * prints the machine and its load, Markdown tables and the targets.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measure, medianOf, methods, type Measurement, type RunSpec } from './measure';
import { linearRows, linearTable } from './linear';

const ROOT = path.resolve(__dirname, '..', '..');
const BTYUN = path.join(ROOT, 'bin', 'btyun.js');
const VITE_NODE = path.join(ROOT, 'node_modules', '.bin', 'vite-node');
const NAIVE = path.join(ROOT, 'bench', 'naive-synth.ts');
const script = (name: string) => path.join(__dirname, `${name}.js`);
const SEED = '2017';
const AS_OF = '2026-11-01';
const SINGLE_STACK = 'div-1';
const HAS_MONOKLE = fs.existsSync(path.join(ROOT, 'node_modules', '@monokle', 'validation', 'package.json'));

function intList(name: string, fallback: string, min: number): number[] {
  const raw = process.env[name] ?? fallback;
  const list = raw.split(',').map((s) => Number(s.trim()));
  if (list.some((n) => !Number.isInteger(n) || n < min)) throw new Error(`${name} '${raw}': integers of at least ${min}`);
  return list;
}

const sizes = () => intList('BENCH_SIZES', '200,2000,4000', 17); // one system per center at least
const runs = () => intList('BENCH_RUNS', '3', 1)[0];
const plainRuns = () => (process.env.BENCH_SKIP_PLAIN === '1' ? 0 : intList('BENCH_PLAIN_RUNS', '1', 0)[0]);

interface Row {
  systems: number;
  resources: number;
  documents: number;
  full: Measurement;
  naive: Measurement;
  plain?: Measurement;
  /** One stack into the folder of a full synthesis (as `cdktf deploy STACK` right after `cdktf synth`: up to date). */
  single: Measurement;
  /** The same after an edit of the environment: the gate builds every other center in memory. */
  singleChanged: Measurement;
  check: Measurement;
  floor: Measurement;
  validate: Measurement;
  yamlFloor: Measurement;
  manifests: Measurement;
  monokle?: Measurement;
  identical: boolean;
}

const node = (args: string[], extra: Partial<RunSpec> = {}): RunSpec => ({ command: process.execPath, args, cwd: ROOT, env: {}, ...extra });
const viteNode = (env: Record<string, string>): RunSpec => ({ command: VITE_NODE, args: [NAIVE], cwd: ROOT, env });

/** The synthesized Terraform of two outputs is the same bytes (manifest.json and stacks/). */
function sameSynthesis(a: string, b: string): boolean {
  const diff = (x: string) => spawnSync('diff', ['-rq', path.join(a, x), path.join(b, x)], { stdio: 'ignore' }).status === 0;
  return diff('manifest.json') && diff('stacks');
}

function log(line: string): void {
  process.stderr.write(`[bench] ${line}\n`);
}

async function benchSize(work: string, systems: number, count: number): Promise<Row> {
  const at = (name: string) => path.join(work, `${name}-${systems}`);
  const [env, edited, out, naiveOut, one, manifests] = ['env', 'edited', 'out', 'naive', 'one', 'manifests'].map(at);
  log(`${systems} systems: generating the environment and its manifests`);
  await measure(node([BTYUN, 'gen', '--systems', String(systems), '--seed', SEED, '--out', env]));
  // The same environment after an edit (a comment: a new fingerprint, the same stacks).
  fs.cpSync(env, edited, { recursive: true });
  fs.appendFileSync(path.join(edited, 'inventory.yaml'), '# edited\n');
  const documents = Number(spawnSync(process.execPath, [script('manifests'), env, manifests], { encoding: 'utf8' }).stdout.trim());
  const report = path.join(work, `check-${systems}.json`);

  /** `before`: a folder removed before each run; `copyFrom`: a folder copied there first. */
  type Step = { name: string; spec: RunSpec; before?: string; copyFrom?: string };
  const steps: Step[] = [
    { name: 'full', spec: node([BTYUN, 'synth', '--env', env, '--out', out]), before: out },
    { name: 'naive', spec: viteNode({ BTYUN_ENV: env, CDKTF_OUTDIR: naiveOut }), before: naiveOut },
    { name: 'single', spec: node([BTYUN, 'synth', '--env', env, '--stack', SINGLE_STACK, '--out', one]), before: one, copyFrom: out },
    { name: 'singleChanged', spec: node([BTYUN, 'synth', '--env', edited, '--stack', SINGLE_STACK, '--out', one]), before: one, copyFrom: out },
    { name: 'check', spec: node([BTYUN, 'check', '--env', env, '--synth', out, '--format', 'json', '--as-of', AS_OF, '--output', report], { okStatus: [0, 1] }) },
    { name: 'floor', spec: node([script('floor'), out]) },
    { name: 'validate', spec: node([BTYUN, 'validate', '--env', env]) },
    { name: 'yamlFloor', spec: node([script('floor-yaml'), env]) },
    { name: 'manifests', spec: node([BTYUN, 'check', '--env', env, '--manifests', manifests, '--packs', 'k8s', '--format', 'json', '--as-of', AS_OF, '--output', path.join(work, `manifests-${systems}.json`)], { okStatus: [0, 1] }) },
    ...(HAS_MONOKLE ? [{ name: 'monokle', spec: node([script('monokle'), manifests]) }] : []),
  ];
  const all = new Map<string, Measurement[]>(steps.map((s) => [s.name, []]));
  for (let round = 1; round <= count; round++) {
    for (const step of steps) {
      log(`${systems} systems: ${step.name} (${round}/${count})`);
      if (step.before) fs.rmSync(step.before, { recursive: true, force: true });
      if (step.before && step.copyFrom) fs.cpSync(step.copyFrom, step.before, { recursive: true });
      all.get(step.name)!.push(await measure(step.spec));
    }
  }
  const identical = sameSynthesis(out, naiveOut);
  const plain: Measurement[] = [];
  for (let i = 1; i <= plainRuns(); i++) {
    log(`${systems} systems: plain CDKTF (${i}/${plainRuns()})`);
    fs.rmSync(naiveOut, { recursive: true, force: true });
    plain.push(await measure(viteNode({ BTYUN_ENV: env, CDKTF_OUTDIR: naiveOut, BENCH_BASELINE: 'plain' })));
  }
  const m = (name: string) => medianOf(all.get(name)!);
  const summary = (JSON.parse(fs.readFileSync(report, 'utf8')) as { summary: { resources: number; critical: number; high: number } }).summary;
  if (summary.critical + summary.high > 0) log(`warning: the generated environment has ${summary.critical} critical and ${summary.high} high findings`);
  for (const d of [out, naiveOut, one, manifests, env, edited]) fs.rmSync(d, { recursive: true, force: true });
  return {
    systems,
    resources: summary.resources,
    documents,
    full: m('full'),
    naive: m('naive'),
    ...(plain.length > 0 ? { plain: medianOf(plain) } : {}),
    single: m('single'),
    singleChanged: m('singleChanged'),
    check: m('check'),
    floor: m('floor'),
    validate: m('validate'),
    yamlFloor: m('yamlFloor'),
    manifests: m('manifests'),
    ...(HAS_MONOKLE ? { monokle: m('monokle') } : {}),
    identical,
  };
}

const s = (m?: Measurement) => (m === undefined ? '—' : `${m.seconds.toFixed(1)} s`);
const cpu = (m?: Measurement) => (m?.cpuSeconds === undefined ? '—' : `${m.cpuSeconds.toFixed(1)} s`);
const mib = (x?: number) => (x === undefined ? '—' : `${Math.round(x).toLocaleString('en-US')} MiB`);
const ratio = (a?: number, b?: number) => (a === undefined || b === undefined ? '—' : `${(a / b).toFixed(2)}×`);
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)} %`;
const n = (x: number) => x.toLocaleString('en-US');

function synthTable(rows: readonly Row[]): string {
  return [
    '| systems | resources | full synth: wall | CPU | largest process | largest worker | tree (processes) | naive: wall | CPU | peak | naive ÷ full, wall | CPU | plain CDKTF: wall | CPU | peak | plain ÷ full, wall | one stack, up to date: wall | CPU | ÷ full, wall | one stack after an edit: wall | ÷ full |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${n(r.systems)} | ${n(r.resources)} | ${s(r.full)} | ${cpu(r.full)} | ${mib(r.full.peakMiB)} (${r.full.peakProcess ?? '?'}) | ${mib(r.full.workerMiB)} | ${mib(r.full.treeMiB)} (${r.full.processes ?? '?'}) | ${s(r.naive)} | ${cpu(r.naive)} | ${mib(r.naive.peakMiB)} | ${ratio(r.naive.seconds, r.full.seconds)} | ${ratio(r.naive.cpuSeconds, r.full.cpuSeconds)} | ${s(r.plain)} | ${cpu(r.plain)} | ${mib(r.plain?.peakMiB)} | ${ratio(r.plain?.seconds, r.full.seconds)} | ${s(r.single)} | ${cpu(r.single)} | ${pct(r.single.seconds, r.full.seconds)} | ${s(r.singleChanged)} | ${pct(r.singleChanged.seconds, r.full.seconds)} |`,
    ),
  ].join('\n');
}

function checkTable(rows: readonly Row[]): string {
  return [
    '| systems | check `--synth`: wall | CPU | peak | JSON.parse floor | check ÷ floor | validate: wall | CPU | peak | YAML floor | validate ÷ floor |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${n(r.systems)} | ${s(r.check)} | ${cpu(r.check)} | ${mib(r.check.peakMiB)} | ${s(r.floor)} | ${ratio(r.check.seconds, r.floor.seconds)} | ${s(r.validate)} | ${cpu(r.validate)} | ${mib(r.validate.peakMiB)} | ${s(r.yamlFloor)} | ${ratio(r.validate.seconds, r.yamlFloor.seconds)} |`,
    ),
  ].join('\n');
}

function manifestsTable(rows: readonly Row[]): string {
  return [
    '| systems | manifest documents | btyun `check --manifests --packs k8s`: wall | CPU | peak | Monokle, local rules: wall | CPU | peak | btyun ÷ Monokle, wall |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${n(r.systems)} | ${n(r.documents)} | ${s(r.manifests)} | ${cpu(r.manifests)} | ${mib(r.manifests.peakMiB)} | ${s(r.monokle)} | ${cpu(r.monokle)} | ${mib(r.monokle?.peakMiB)} | ${ratio(r.manifests.seconds, r.monokle?.seconds)} |`),
  ].join('\n');
}

/** Growth from the smallest to the largest size, per system: 1.00× = linear. */
function growth(rows: readonly Row[]): string {
  if (rows.length < 2) return 'Linearity: one size only.';
  const [a, b] = [rows[0], rows[rows.length - 1]];
  const per = (x: number | undefined, r: Row) => (x === undefined ? undefined : x / r.systems);
  const g = (pick: (r: Row) => number | undefined) => ratio(per(pick(b), b), per(pick(a), a));
  return `Growth per system from ${n(a.systems)} to ${n(b.systems)} systems (1.00× = linear): full synth wall ${g((r) => r.full.seconds)}, CPU ${g((r) => r.full.cpuSeconds)}, largest process ${g((r) => r.full.peakMiB)}, tree ${g((r) => r.full.treeMiB)}; check wall ${g((r) => r.check.seconds)}, peak ${g((r) => r.check.peakMiB)}.`;
}

function targets(rows: readonly Row[]): string {
  const at2000 = rows.filter((r) => r.systems <= 2000).pop() ?? rows[0];
  const largest = rows[rows.length - 1];
  const peakOf = (r: Row) => Math.max(r.full.peakMiB ?? 0, r.single.peakMiB ?? 0, r.singleChanged.peakMiB ?? 0, r.check.peakMiB ?? 0, r.validate.peakMiB ?? 0, r.manifests.peakMiB ?? 0);
  const list: [string, boolean | undefined, string][] = [
    [`full synth ≥ 2× the naive way (wall, ${n(at2000.systems)} systems)`, at2000.naive.seconds / at2000.full.seconds >= 2, ratio(at2000.naive.seconds, at2000.full.seconds)],
    [`full synth ≥ 7× plain CDKTF (wall, ${n(at2000.systems)} systems)`, at2000.plain ? at2000.plain.seconds / at2000.full.seconds >= 7 : undefined, ratio(at2000.plain?.seconds, at2000.full.seconds)],
    [`one stack ≤ 10 % of full synth, up to date (${n(at2000.systems)} systems)`, at2000.single.seconds / at2000.full.seconds <= 0.1, pct(at2000.single.seconds, at2000.full.seconds)],
    [`one stack ≤ 10 % of full synth, after an edit of the environment (${n(at2000.systems)} systems)`, at2000.singleChanged.seconds / at2000.full.seconds <= 0.1, pct(at2000.singleChanged.seconds, at2000.full.seconds)],
    [`no process over 1 GB (${n(largest.systems)} systems; any btyun command)`, peakOf(largest) <= 1024, mib(peakOf(largest))],
  ];
  const verdict = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? 'met' : 'MISSED');
  return ['Targets:', ...list.map(([what, ok, got]) => `- ${verdict(ok)}: ${what} — ${got}`)].join('\n');
}

async function main(): Promise<void> {
  for (const f of [BTYUN, VITE_NODE, script('floor')]) if (!fs.existsSync(f)) throw new Error(`${f} is missing: run npm run build (npm run bench builds first)`);
  const count = runs();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-bench-'));
  const loadBefore = os.loadavg();
  try {
    log('linear-time rows (issue 12): YAML keys, HCL lines, URL and secret masking at 1× and 10×');
    const linear = linearTable(linearRows(count));
    const rows: Row[] = [];
    for (const size of sizes()) rows.push(await benchSize(work, size, count));
    const loadAfter = os.loadavg();
    const cpuModel = os.cpus()[0]?.model ?? 'unknown CPU';
    const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' / ');
    const out = [
      `Machine: ${os.availableParallelism()} cores (${cpuModel}), ${Math.round(os.totalmem() / 1024 ** 3)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; load average (1/5/15 min) ${load(loadBefore)} before, ${load(loadAfter)} after.`,
      `Medians of ${count} interleaved round(s); plain CDKTF ${plainRuns()} run(s) per size. ${methods()}. Seed ${SEED}, check as of ${AS_OF}.`,
      `Naive output byte-identical to the project's (manifest.json, stacks/): ${rows.every((r) => r.identical) ? 'yes' : 'NO'}.`,
      '',
      synthTable(rows),
      '',
      checkTable(rows),
      '',
      HAS_MONOKLE ? manifestsTable(rows) : 'Monokle (@monokle/validation) is not installed: no comparison row.',
      '',
      growth(rows),
      '',
      targets(rows),
      '',
      linear,
      '',
    ].join('\n');
    process.stdout.write(out);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
