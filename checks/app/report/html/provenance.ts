/**
 * Where a report came from, for its scope section: the SHA-256 of every input file (the
 * environment's five documents, then the configuration that was read) and the git commit of the
 * environment's folder. Read by `btyun report` before rendering; the renderer itself does no I/O.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareCodePoints } from '../../../core/order';
import { sha256Of } from '../../../core/synth-record';
import type { Environment } from '../../../core/types';
import type { ConfigurationSource } from '../../../engine/types';
import type { InputFile } from './context';

/** A folder of configuration is listed file by file up to this many (a report is not a manifest). */
const MAX_LISTED = 400;

const posix = (p: string): string => p.split(path.sep).join('/');

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  walk(dir);
  return out.sort(compareCodePoints);
}

function hashed(file: string, cwd: string): InputFile {
  return { file: posix(path.relative(cwd, file)) || posix(file), sha256: sha256Of(fs.readFileSync(file)).replace(/^sha256:/, '') };
}

function configurationFiles(source: ConfigurationSource, cwd: string): string[] {
  const at = (p: string): string => path.resolve(cwd, p);
  const paths: string[] = [];
  switch (source.kind) {
    case 'none':
      return [];
    case 'plan':
      return [at(source.file)];
    case 'manifests':
      paths.push(at(source.path));
      break;
    case 'tf':
    case 'synth':
      paths.push(at(source.dir), ...(source.varFiles ?? []).map(at));
  }
  return paths.flatMap((p) => (fs.statSync(p).isDirectory() ? filesUnder(p) : [p]));
}

export function inputFiles(env: Environment, source: ConfigurationSource, cwd: string): { files: InputFile[]; omitted: number } {
  const documents = Object.values(env.files).map((f) => hashed(path.resolve(cwd, f), cwd));
  const configuration = configurationFiles(source, cwd);
  return { files: [...documents, ...configuration.slice(0, MAX_LISTED).map((f) => hashed(f, cwd))], omitted: Math.max(0, configuration.length - MAX_LISTED) };
}

/** What configuration was checked, in words. */
export function configurationText(source: ConfigurationSource): string {
  switch (source.kind) {
    case 'none':
      return '由环境合成的栈 stacks synthesized from the environment';
    case 'synth':
      return `--synth ${source.dir}`;
    case 'tf':
      return `--tf ${source.dir}`;
    case 'plan':
      return `--plan ${source.file}`;
    case 'manifests':
      return `--manifests ${source.path}`;
  }
}

const git = (dir: string, args: readonly string[]): string => execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 });

/**
 * `git rev-parse HEAD` in the environment's folder, and whether that folder has changes the commit
 * does not hold (`git status --porcelain -- .`); absent outside a repository or without git.
 */
export function gitCommit(dir: string): { commit: string; dirty: boolean } | undefined {
  try {
    const commit = git(dir, ['rev-parse', 'HEAD']).trim();
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    return { commit, dirty: git(dir, ['status', '--porcelain', '--', '.']).trim() !== '' };
  } catch {
    return undefined;
  }
}
