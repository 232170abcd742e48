/**
 * Linear-time rows of `npm run bench` (issue 12): each hostile-input hot spot at 1× and 10× its
 * size, in this process (medians of BENCH_RUNS runs). Linear code costs ≈ 10× at 10×; the
 * quadratic code it replaced cost ≈ 100×.
 *
 * - YAML map keys: one map of N keys (the duplicate-key check: a Set per map);
 * - HCL line numbers: one `.tf` with N resource headers (a line-offset index, binary search);
 * - URL-credential masking: a value of N × `a` followed by `://` (a linear scan, no regex);
 * - secret masking: a text of N characters with a 40,000-character secret (no regex built from values).
 */
import { parseYaml } from '../checks/core/yaml';
import { hclResourceLines } from '../checks/engine/normalize/hcl';
import { makeMasker, MASK } from '../checks/engine/secrets';
import { maskUrlPasswords } from '../checks/core/credentials';

interface Case {
  what: string;
  unit: string;
  base: number;
  make(n: number): () => unknown;
}

const CASES: Case[] = [
  {
    what: 'YAML map keys (duplicate-key check)',
    unit: 'keys',
    base: 10_000,
    make: (n) => {
      const text = Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n') + '\n';
      return () => parseYaml(text, 'bench.yaml');
    },
  },
  {
    what: 'HCL line numbers of resource headers',
    unit: 'resources',
    base: 10_000,
    make: (n) => {
      const text = Array.from({ length: n }, (_, i) => `resource "kubernetes_namespace_v1" "ns${i}" {\n  metadata {\n    name = "ns${i}"\n  }\n}\n`).join('');
      return () => hclResourceLines(text);
    },
  },
  {
    what: 'URL-credential mask of `a…a://`',
    unit: 'characters',
    base: 200_000,
    make: (n) => {
      const text = `${'a'.repeat(n)}://`;
      return () => maskUrlPasswords(text, MASK);
    },
  },
  {
    what: 'secret mask (40,000-character secret)',
    unit: 'characters',
    base: 1_000_000,
    make: (n) => {
      const secret = 'YWFh'.repeat(10_000);
      const mask = makeMasker([secret, 'Sekret-4471', 'pw']);
      const text = `${'x y '.repeat(n / 4)}${secret}://`;
      return () => mask(text);
    },
  },
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(run: () => unknown, count: number): number {
  run(); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = process.hrtime.bigint();
    run();
    xs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(xs);
}

export interface LinearRow {
  what: string;
  small: string;
  large: string;
  smallMs: number;
  largeMs: number;
}

export function linearRows(count: number): LinearRow[] {
  return CASES.map((c) => {
    const smallMs = time(c.make(c.base), count);
    const largeMs = time(c.make(c.base * 10), count);
    return { what: c.what, small: `${c.base.toLocaleString('en-US')} ${c.unit}`, large: `${(c.base * 10).toLocaleString('en-US')} ${c.unit}`, smallMs, largeMs };
  });
}

export function linearTable(rows: readonly LinearRow[]): string {
  const ms = (x: number) => (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(0));
  return [
    '| hostile-input hot spot | 1× | time | 10× | time | 10× ÷ 1× (linear ≈ 10) |',
    '|---|---:|---:|---:|---:|---:|',
    ...rows.map((r) => `| ${r.what} | ${r.small} | ${ms(r.smallMs)} ms | ${r.large} | ${ms(r.largeMs)} ms | ${(r.largeMs / r.smallMs).toFixed(1)} |`),
  ].join('\n');
}

/** `node dist/bench/linear.js`: the rows alone (they need no generated environment). */
if (require.main === module) {
  process.stdout.write(`${linearTable(linearRows(Number(process.env.BENCH_RUNS ?? '3')))}\n`);
}
