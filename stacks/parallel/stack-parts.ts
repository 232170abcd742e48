/**
 * Heavy stacks synthesized in parts (issue 18: "no worker holds every DR copy"). A center that
 * hosts many systems — the remote DR center holds a standby of most of the corps' systems — would
 * otherwise be one cdktf construct tree in one process: 1.1 GiB at 4,000 systems. Split, each part
 * is its own cdktf app holding the center's shared elements (provider, backend, zone and platform
 * namespaces, roles, audit, storage: what the systems refer to) and one contiguous slice of its
 * system deployments; parts go to whichever worker is free, like whole stacks.
 *
 * The parts' Terraform JSON trees are merged the way cdktf merges its elements' fragments
 * (objects recursively, everything else assigned) and written the way cdktf writes a stack
 * (json-stable-stringify's form, two-space indent: keys sorted, so the order of the parts does not
 * matter; streamed, stable-json-file.ts).
 * The shared elements are in every part; the merge requires them to agree, so the result is the
 * bytes of the whole stack synthesized in one app (test/stacks/stack-parts.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ManifestEntry } from './manifest';
import { writeStableJsonFile } from './stable-json-file';

/** Part `index` (0-based) of `count` parts of one stack. */
export interface StackPart {
  index: number;
  count: number;
}

/**
 * Most system deployments one part holds. A deployment costs ≈ 0.5 MiB of construct tree in a
 * worker (measured at 4,000 systems: 1,892 deployments, 1,119 MiB; a worker with cdktf loaded
 * ≈ 150 MiB); 600 keeps every worker near 450 MiB at any size, and splits no stack below ≈ 1,300
 * systems, where a whole stack's tree is small and the merge would only cost time.
 */
export const PART_MAX_DEPLOYMENTS = 600;

/** How many parts a stack of `deployments` system deployments is synthesized in. */
export function partCount(deployments: number, max = PART_MAX_DEPLOYMENTS): number {
  return Math.max(1, Math.ceil(deployments / max));
}

/** The deployments of `part`: a contiguous slice, sizes differing by at most one. */
export function partSlice<T>(items: readonly T[], part: StackPart | undefined): readonly T[] {
  if (!part || part.count <= 1) return items;
  const from = Math.floor((part.index * items.length) / part.count);
  const to = Math.floor(((part.index + 1) * items.length) / part.count);
  return items.slice(from, to);
}

/** Where a part is synthesized: `<work>/<stack id>.part-<index>` (an app output folder of its own). */
export function partDir(work: string, id: string, index: number): string {
  return path.join(work, `${id}.part-${index}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Merges `from` into `into` as cdktf's deepMerge does for element fragments, except that a value
 * both hold must be the same: parts share only the center's elements, built from the same model, so
 * a difference is a bug, and is refused rather than written.
 */
export function mergePartTree(into: Record<string, unknown>, from: Record<string, unknown>, at = ''): void {
  for (const key of Object.keys(from)) {
    const value = from[key];
    const here = Object.prototype.hasOwnProperty.call(into, key) ? into[key] : undefined;
    if (here === undefined) into[key] = value;
    else if (isObject(here) && isObject(value)) mergePartTree(here, value, `${at}/${key}`);
    else if (JSON.stringify(here) !== JSON.stringify(value)) throw new Error(`stack parts disagree at ${at}/${key}`);
  }
}

/**
 * Merges the stack `id` of every part folder (in `parts`, each a cdktf app output) into
 * `<outDir>/stacks/<id>/cdk.tf.json`. The manifest entry is part 0's: every part is the same stack.
 */
export function mergeStackParts(parts: readonly string[], id: string, outDir: string): void {
  const file = (dir: string): string => path.join(dir, 'stacks', id, 'cdk.tf.json');
  const tree = JSON.parse(fs.readFileSync(file(parts[0]), 'utf8')) as Record<string, unknown>;
  for (const dir of parts.slice(1)) mergePartTree(tree, JSON.parse(fs.readFileSync(file(dir), 'utf8')) as Record<string, unknown>, '');
  fs.mkdirSync(path.dirname(file(outDir)), { recursive: true });
  writeStableJsonFile(file(outDir), tree);
}

/** What a synthesis task builds (plan.ts SynthTask, without its weight). */
export interface StackTask {
  id: string;
  part?: StackPart;
}

/** A stack whose parts are all written: to be merged (mergeStackParts) by whoever is free. */
export interface StackMerge {
  id: string;
  /** The parts' app output folders, in part order. */
  parts: string[];
  /** The output folder the merged stack goes to (`<outDir>/stacks/<id>/cdk.tf.json`). */
  outDir: string;
}

/**
 * Collects the outputs of a synthesis's tasks into its output folder: each task is synthesized into
 * a folder of its own under `work` (`dirOf`); when it is done, a whole stack's folder is moved into
 * `<out>/stacks/`, and a heavy stack's last part returns the merge to run (in process, or by a pool
 * worker: the parent holds no stack's tree until the gate), after which `merged` files its entry.
 * `entries` holds each finished stack's manifest entry (a split stack's is its first part's).
 */
export class StackAssembly {
  readonly entries = new Map<string, ManifestEntry>();
  private readonly partsDone = new Map<string, number>();
  private readonly firstParts = new Map<string, ManifestEntry>();

  constructor(
    private readonly work: string,
    private readonly out: string,
  ) {
    fs.mkdirSync(path.join(out, 'stacks'), { recursive: true });
    fs.mkdirSync(work, { recursive: true });
  }

  /** The cdktf app output folder task `t` is synthesized into. */
  dirOf(t: StackTask): string {
    return t.part ? partDir(this.work, t.id, t.part.index) : path.join(this.work, t.id);
  }

  /** Task `t` is written, with its manifest entry; returns the merge its stack now needs, if any. */
  done(t: StackTask, entry: ManifestEntry): StackMerge | undefined {
    if (!t.part || t.part.count <= 1) {
      fs.renameSync(path.join(this.dirOf(t), 'stacks', t.id), path.join(this.out, 'stacks', t.id));
      this.entries.set(t.id, entry);
      return undefined;
    }
    if (t.part.index === 0) this.firstParts.set(t.id, entry);
    const finished = (this.partsDone.get(t.id) ?? 0) + 1;
    this.partsDone.set(t.id, finished);
    if (finished < t.part.count) return undefined;
    return { id: t.id, parts: Array.from({ length: t.part.count }, (_, i) => partDir(this.work, t.id, i)), outDir: this.out };
  }

  /** The merge of `m` is written: its parts are removed and the stack's entry filed. */
  merged(m: StackMerge): void {
    for (const dir of m.parts) fs.rmSync(dir, { recursive: true, force: true });
    this.entries.set(m.id, this.firstParts.get(m.id)!);
  }
}
