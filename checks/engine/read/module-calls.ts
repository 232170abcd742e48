/**
 * `module "m" { source = "./m" … }` calls of a module, and where their source is.
 *
 * Only local sources are read: a path starting with `./` or `../` (Terraform's own definition of
 * a local source), resolved against the calling module's folder. A local source may lead outside
 * the folder given to the command (`../../modules/app`, the usual monorepo layout): it is read —
 * only `.tf` / `.tf.json` files, as data — and shown relative to the working directory. Registry,
 * Git, HTTP, S3 … sources are never fetched: such a call cannot be checked (CFG-004).
 */
import { lineIndex } from '../../core/line-index';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { printable } from '../../core/printable';
import type { LocalizedText } from '../types';
import { bodiesOf, isMap } from './literal';
import type { ConfigFile } from './terraform-files';

export interface ModuleCall {
  readonly name: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly file: string;
  readonly line?: number;
}

/** Arguments of a module block that are not input variables. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on', '//']);

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function hclModuleLine(text: string, name: string): number | undefined {
  const m = new RegExp(`^[ \\t]*module[ \\t]+(?:"${escapeRegExp(name)}"|${escapeRegExp(name)})[ \\t]*\\{`, 'm').exec(text);
  return m ? lineIndex(text)(m.index) : undefined;
}

/** The module calls of one file, in the file's order of names. */
export function moduleCalls(f: ConfigFile): ModuleCall[] {
  const out: ModuleCall[] = [];
  for (const group of Array.isArray(f.doc.module) ? f.doc.module : [f.doc.module]) {
    if (!isMap(group)) continue;
    for (const [name, raw] of Object.entries(group)) {
      const line = f.format === 'json' ? f.keyLines.line('module', name) : hclModuleLine(f.text, name);
      out.push({ name, body: bodiesOf(raw)[0] ?? {}, file: f.file, ...(line !== undefined ? { line } : {}) });
    }
  }
  return out;
}

/** The input-variable arguments of a call: name → raw value. */
export function callArguments(call: ModuleCall): Map<string, unknown> {
  return new Map(Object.entries(call.body).filter(([k]) => !META_ARGUMENTS.has(k)));
}

export type ModuleSource = { kind: 'local'; dir: string } | { kind: 'unreadable'; why: LocalizedText };

/** Where a call's module is, relative to cwd, or why it cannot be read. */
export function moduleSource(call: ModuleCall, callerDir: string, cwd: string): ModuleSource {
  const source = call.body.source;
  if (typeof source !== 'string' || source.trim() === '') {
    return { kind: 'unreadable', why: { zh: '没有字面的 source', en: 'has no literal source' } };
  }
  const shown = printable(source);
  if (!source.startsWith('./') && !source.startsWith('../')) {
    return {
      kind: 'unreadable',
      why: {
        zh: `的 source "${shown}" 不是本地路径（./ 或 ../）：不会下载 registry、Git、HTTP 等远程模块`,
        en: `has source "${shown}", which is not a local path (./ or ../): registry, Git, HTTP and other remote modules are not fetched`,
      },
    };
  }
  const dir = path.join(callerDir, source);
  let st: fs.Stats | undefined;
  try {
    st = fs.statSync(path.resolve(cwd, dir));
  } catch {
    st = undefined;
  }
  if (!st?.isDirectory()) {
    return { kind: 'unreadable', why: { zh: `的 source "${shown}" 不是存在的目录`, en: `has source "${shown}", which is not an existing folder` } };
  }
  return { kind: 'local', dir };
}
