/**
 * Monokle (@monokle/validation, a dev dependency) on a folder of manifests, for the comparison row
 * of `npm run bench`: every `.yaml` file split into documents (with the `yaml` package Monokle
 * itself uses), handed to a MonokleValidator with its LOCAL plugins only — yaml-syntax,
 * pod-security-standards, practices, resource-links, metadata. `kubernetes-schema` (fetches JSON
 * schemas) and `open-policy-agent` (fetches a WASM bundle) need the network and are off; the plain
 * DefaultPluginLoader loads no remote plugin. Prints `<resources> <results>`.
 * Usage: node dist/bench/monokle.js MANIFESTS_DIR
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';

interface MonokleModule {
  MonokleValidator: new (init: Record<string, unknown>, config?: unknown) => {
    preload(config: unknown): Promise<void>;
    validate(args: { resources: unknown[] }): Promise<{ runs: { results: unknown[] }[] }>;
  };
  DefaultPluginLoader: new () => unknown;
  ResourceParser: new () => unknown;
  DisabledFixer: new () => unknown;
}

export const MONOKLE_PLUGINS = {
  'yaml-syntax': true,
  'pod-security-standards': true,
  practices: true,
  'resource-links': true,
  metadata: true,
  'kubernetes-schema': false,
  'open-policy-agent': false,
};

/** Monokle is an ES module; this project compiles to CommonJS: a real dynamic import. */
const importModule = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<MonokleModule>;

interface MonokleResource {
  id: string;
  fileId: string;
  filePath: string;
  fileOffset: number;
  name: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  content: Record<string, unknown>;
  text: string;
}

function resourcesOf(dir: string): MonokleResource[] {
  const out: MonokleResource[] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    parseAllDocuments(text).forEach((doc, i) => {
      const content = doc.toJS() as Record<string, unknown> | null;
      if (!content || typeof content !== 'object') return;
      const metadata = (content.metadata ?? {}) as { name?: string; namespace?: string };
      const [start, , end] = doc.range;
      out.push({
        id: `${file}#${i}`,
        fileId: file,
        filePath: file,
        fileOffset: start,
        name: metadata.name ?? '',
        apiVersion: String(content.apiVersion ?? ''),
        kind: String(content.kind ?? ''),
        ...(metadata.namespace !== undefined ? { namespace: metadata.namespace } : {}),
        content,
        text: text.slice(start, end),
      });
    });
  }
  return out;
}

async function main(dir: string): Promise<void> {
  const m = await importModule('@monokle/validation');
  const validator = new m.MonokleValidator({ loader: new m.DefaultPluginLoader(), parser: new m.ResourceParser(), fixer: new m.DisabledFixer() });
  await validator.preload({ plugins: MONOKLE_PLUGINS });
  const resources = resourcesOf(dir);
  const response = await validator.validate({ resources });
  const results = response.runs.reduce((n, run) => n + run.results.length, 0);
  process.stdout.write(`${resources.length} ${results}\n`);
}

if (require.main === module) {
  main(process.argv[2]).catch((e: unknown) => {
    process.stderr.write(`monokle: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}
