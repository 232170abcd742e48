/**
 * The layers, read from the imports (docs/ARCHITECTURE.md): core → plan → engine → policies /
 * stacks → application. A file imports only its own layer or those below; policies/ and stacks/ never
 * import each other. Type-only imports count too: a type points the same way as the code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';

interface Layer {
  name: string;
  rank: number;
  folders: string[];
}

export const LAYERS: readonly Layer[] = [
  { name: 'core', rank: 0, folders: ['checks/core'] },
  { name: 'plan', rank: 1, folders: ['checks/plan'] },
  { name: 'engine', rank: 2, folders: ['checks/engine'] },
  { name: 'policies', rank: 3, folders: ['policies'] },
  { name: 'stacks', rank: 3, folders: ['stacks'] },
  { name: 'app', rank: 4, folders: ['checks/app'] },
];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(PACKAGE_ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${e.name}`;
    if (e.isDirectory()) out.push(...sourceFiles(rel));
    else if (e.name.endsWith('.ts')) out.push(rel);
  }
  return out;
}

function layerOf(file: string): Layer | undefined {
  return LAYERS.find((l) => l.folders.some((f) => file === f || file.startsWith(`${f}/`)));
}

/** Relative specifiers of `import … from`, `export … from`, `import(…)` and `require(…)`. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(PACKAGE_ROOT, file), 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\(\s*|^import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm)) out.push(m[1]);
  return out;
}

/** The repository file a relative specifier names (`x`, `x.js` → `x.ts`, a folder → its index.ts). */
function resolveImport(from: string, spec: string): string | undefined {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec.replace(/\.js$/, '')));
  for (const candidate of [`${base}.ts`, `${base}/index.ts`]) if (fs.existsSync(path.join(PACKAGE_ROOT, candidate))) return candidate;
  return undefined;
}

const FILES = ['checks', 'policies', 'stacks'].flatMap(sourceFiles);

describe('architecture: one-way layers', () => {
  it('every source file belongs to a layer', () => {
    expect(FILES.filter((f) => layerOf(f) === undefined)).toEqual([]);
    expect(FILES.length).toBeGreaterThan(100);
  });

  it('no import points up, or sideways between policies/ and stacks/', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const file of FILES) {
      const from = layerOf(file)!;
      for (const spec of importsOf(file)) {
        const target = resolveImport(file, spec);
        if (target === undefined) continue; // a package or a generated file
        const to = layerOf(target);
        seen++;
        if (to === undefined) wrong.push(`${file} → ${target} (outside every layer)`);
        else if (to.name !== from.name && to.rank >= from.rank) wrong.push(`${file} (${from.name}) → ${target} (${to.name})`);
      }
    }
    expect(seen).toBeGreaterThan(300); // the scan found the imports
    expect(wrong).toEqual([]);
  });

  it('the scan catches an upward import (the test can fail)', () => {
    expect(layerOf('checks/core/x.ts')!.rank).toBeLessThan(layerOf('checks/engine/y.ts')!.rank);
    expect(resolveImport('checks/engine/run.ts', '../core/types')).toBe('checks/core/types.ts');
    expect(importsOf('checks/engine/run.ts')).toContain('../core/types');
  });
});
