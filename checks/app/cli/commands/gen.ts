/**
 * `btyun gen --systems N --seed S --out DIR [--centers K]`: writes a large, valid and compliant
 * environment folder (the five YAML documents) for scale tests and benchmarks. Deterministic: the
 * same flags give byte-identical files.
 */
import * as path from 'node:path';
import { UsageError } from '../../../core/errors';
import { displayPath } from '../../../core/load';
import { DEFAULT_ASSESSED_BEFORE, DEFAULT_CENTERS, generateEnvironment } from '../../gen/generate';
import { MARKER_FILE, writeGenerated } from '../../gen/write';
import { boolFlag, isRealDate, parseArgs, stringFlag, type FlagSpec } from '../args';
import type { Command } from '../io';

const HELP = `usage: btyun gen --systems N --seed S --out DIR [--centers K] [--assessed-before DATE]

Generates a large environment (规模测试环境) of N kept systems (继续使用) spread over the corps
centers (兵团级中心) and division centers (师级数据中心), MLPS levels 2–4, with workloads,
dependencies, platform connections (大协同/大数据), migration waves inside the plan's deadlines and
capacities that fit. It loads, and the shipped rules find nothing at or above high.

  --systems N             number of systems (at least one per center)
  --seed S                PRNG seed (integer); the same seed gives byte-identical files
  --out DIR               output folder: created, or replaced if it was written by btyun gen
  --centers K             3 corps centers + K−3 division centers, 3..17 (default ${DEFAULT_CENTERS})
  --assessed-before DATE  MLPS assessments (测评) fall in the 150 days before it (default ${DEFAULT_ASSESSED_BEFORE})

A non-empty --out without ${MARKER_FILE} is never overwritten. Exit status: 0 written; 2 bad usage.
`;

const FLAGS: Record<string, FlagSpec> = {
  systems: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string' },
  centers: { type: 'string' },
  'assessed-before': { type: 'string' },
  help: { type: 'bool' },
};

function integerFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} '${value}' is not a non-negative integer`);
  return Number(value);
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new UsageError(`--${name} is required (see btyun gen --help)`);
  return value;
}

export const gen: Command = async (argv, io) => {
  const args = parseArgs(argv, FLAGS);
  if (boolFlag(args, 'help')) {
    io.stdout(HELP);
    return 0;
  }
  const systems = required(integerFlag(stringFlag(args, 'systems'), 'systems'), 'systems');
  const seed = required(integerFlag(stringFlag(args, 'seed'), 'seed'), 'seed');
  const out = required(stringFlag(args, 'out'), 'out');
  const centers = integerFlag(stringFlag(args, 'centers'), 'centers') ?? DEFAULT_CENTERS;
  const assessedBefore = stringFlag(args, 'assessed-before');
  if (assessedBefore !== undefined && !isRealDate(assessedBefore)) throw new UsageError(`--assessed-before '${assessedBefore}' is not a date (YYYY-MM-DD)`);

  const texts = generateEnvironment({ systems, seed, centers, assessedBefore });
  const outDir = path.resolve(io.cwd, out);
  // An absolute --out is shown as given, a relative one relative to the working folder.
  const shown = path.isAbsolute(out) ? out : displayPath(outDir, io.cwd);
  writeGenerated(outDir, texts, { generator: 'btyun gen', systems, seed, centers }, shown);
  const bytes = Object.values(texts).reduce((sum, t) => sum + Buffer.byteLength(t), 0);
  io.stdout(`${shown}: ${systems} systems over ${centers} centers (seed ${seed}), ${bytes} bytes of YAML\n`);
  return 0;
};
