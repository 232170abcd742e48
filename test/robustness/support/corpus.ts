/**
 * The malformed-input corpus (test/fixtures/bad/<case>/): each case folder holds an `expect.yaml`
 * and the files that differ from a good setup. `<doc>.yaml` files (or folders) replace the mini
 * environment's documents; everything else (synth/, plan.json, tf/) is copied beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { load } from 'js-yaml';
import { PACKAGE_ROOT } from '../../../checks/core/version';
import { DOCUMENT_NAMES } from '../../../checks/core/types';
import { MINI_ENV_DIR } from '../../helpers/mini-env';

export const CORPUS_DIR = path.join(PACKAGE_ROOT, 'test', 'fixtures', 'bad');

/** The check date of every corpus run: the plan's deadlines are past, so results do not age. */
export const AS_OF = '2018-07-01';

export interface CaseExpectation {
  description: string;
  command: 'validate' | 'check --synth' | 'check --plan' | 'check --tf';
  /** `--env` value instead of the case's environment copy (`env`). */
  envArg?: string;
  /** Input flag value instead of the default (synth, plan.json, tf). */
  inputArg?: string;
  /** Extra arguments. */
  args?: string[];
  /** Documents deleted from the environment copy. */
  remove?: string[];
  exit: number;
  /** A rule that must be among the findings (JSON output). */
  finding?: string;
  /** Substrings of stderr; the first one starts a line (the file). */
  stderr: string[];
  stdout?: string[];
  /** Substrings that must appear in no output. */
  notContains?: string[];
}

export interface CorpusCase {
  name: string;
  dir: string;
  expect: CaseExpectation;
}

const COMMANDS = ['validate', 'check --synth', 'check --plan', 'check --tf'];

export function corpusCases(): CorpusCase[] {
  return fs
    .readdirSync(CORPUS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = path.join(CORPUS_DIR, name);
      const expect = load(fs.readFileSync(path.join(dir, 'expect.yaml'), 'utf8')) as CaseExpectation;
      if (!COMMANDS.includes(expect.command)) throw new Error(`${name}/expect.yaml: command must be one of ${COMMANDS.join(', ')}`);
      if (typeof expect.exit !== 'number' || !Array.isArray(expect.stderr)) throw new Error(`${name}/expect.yaml: needs exit and stderr`);
      return { name, dir, expect };
    });
}

const DOC_FILES = new Set(DOCUMENT_NAMES.map((d) => `${d}.yaml`));

/** Lays the case out in `work` (env/ + inputs); returns the CLI arguments. */
export function prepareCase(c: CorpusCase, work: string): string[] {
  const env = path.join(work, 'env');
  fs.mkdirSync(env, { recursive: true });
  for (const d of DOCUMENT_NAMES) fs.copyFileSync(path.join(MINI_ENV_DIR, `${d}.yaml`), path.join(env, `${d}.yaml`));
  for (const d of c.expect.remove ?? []) fs.rmSync(path.join(env, `${d}.yaml`), { recursive: true, force: true });
  for (const entry of fs.readdirSync(c.dir)) {
    if (entry === 'expect.yaml') continue;
    const target = DOC_FILES.has(entry) ? path.join(env, entry) : path.join(work, entry);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(path.join(c.dir, entry), target, { recursive: true });
  }
  const envArg = c.expect.envArg ?? 'env';
  const extra = c.expect.args ?? [];
  if (c.expect.command === 'validate') return ['validate', '--env', envArg, ...extra];
  const flag = c.expect.command.split(' ')[1];
  const input = c.expect.inputArg ?? { '--synth': 'synth', '--plan': 'plan.json', '--tf': 'tf' }[flag]!;
  return ['check', '--env', envArg, flag, input, '--as-of', AS_OF, ...extra];
}
