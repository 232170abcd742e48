/**
 * Vitest global setup: compiles dist/ once, before any test file runs. Tests that spawn the built
 * CLI (`node bin/btyun.js`) read dist/; a test file rebuilding it while another file's CLI process
 * imports it would read half-written modules (a false "internal error"). `npm test` compiles
 * first already; this makes `npx vitest run` after an edit just as safe.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export default function setup(): void {
  const root = path.resolve(__dirname, '..', '..');
  // tsc emits despite type errors; the type check is `tsc -p tsconfig.test.json` in `npm test`.
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(root, 'tsconfig.json')], { cwd: root, encoding: 'utf8' });
  if (r.error) throw r.error;
}
