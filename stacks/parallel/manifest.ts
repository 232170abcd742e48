/**
 * cdktf's manifest.json for stacks synthesized in separate apps: the per-stack entries merged and
 * written exactly as cdktf writes it (json-stable-stringify, two-space indent), so the output is
 * byte-identical to a single app synthesizing every stack.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';

type Stringify = (value: unknown, options: { space: number }) => string;

/** cdktf's own stringify (a dependency of cdktf, not of this project: resolved from cdktf). */
const stringify = createRequire(require.resolve('cdktf'))('json-stable-stringify') as Stringify;

export interface ManifestEntry {
  /** cdktf version recorded in the manifest. */
  version: string;
  /** The stack's entry under `stacks`. */
  stack: unknown;
}

/** The entry of one stack in the manifest of an app that synthesized it. */
export function readManifestEntry(appOutDir: string, stackId: string): ManifestEntry {
  const manifest = JSON.parse(fs.readFileSync(path.join(appOutDir, 'manifest.json'), 'utf8')) as { version: string; stacks: Record<string, unknown> };
  return { version: manifest.version, stack: manifest.stacks[stackId] };
}

/** The manifest of an output folder. */
export function readManifest(outDir: string): { version: string; stacks: Record<string, unknown> } | undefined {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')) as { version?: unknown; stacks?: unknown };
    if (typeof m.version !== 'string' || typeof m.stacks !== 'object' || m.stacks === null) return undefined;
    return { version: m.version, stacks: m.stacks as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

/** Writes the merged manifest of `entries` (stack id → entry; key order does not matter, stringify sorts). */
export function writeManifest(outDir: string, entries: ReadonlyMap<string, ManifestEntry>): void {
  const all = [...entries.values()];
  const version = all.length > 0 ? all[0].version : '';
  const stacks = Object.fromEntries([...entries].map(([id, e]) => [id, e.stack]));
  fs.writeFileSync(path.join(outDir, 'manifest.json'), stringify({ version, stacks }, { space: 2 }));
}
