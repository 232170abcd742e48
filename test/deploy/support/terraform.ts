/**
 * Terraform in a throw-away working folder: its own HOME, TF_DATA_DIR and an empty CLI
 * configuration, none of the caller's TF_* / PG* / AWS_* variables (no TF_WORKSPACE, TF_CLI_ARGS,
 * TF_PLUGIN_CACHE_DIR, PG_CONN_STR of the developer), automation mode, no call-home.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { envWithout, run, type Run } from './processes';

export interface Workdir {
  dir: string;
  /** Runs `terraform args` in the folder with `extra` variables (e.g. PG_CONN_STR). */
  terraform(args: readonly string[], extra?: NodeJS.ProcessEnv): Promise<Run>;
}

/** A folder `root/name` holding `main.tf.json` = `config`. */
export function workdir(terraformBin: string, root: string, name: string, config: unknown): Workdir {
  const dir = path.join(root, name);
  const home = path.join(root, `${name}.home`);
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  fs.writeFileSync(path.join(dir, 'main.tf.json'), JSON.stringify(config, null, 2) + '\n');
  fs.writeFileSync(path.join(home, 'terraformrc'), '');
  const env = (extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv => ({
    ...envWithout(['TF_', 'PG', 'AWS_', 'CHECKPOINT_']),
    HOME: home,
    TF_IN_AUTOMATION: '1',
    CHECKPOINT_DISABLE: '1',
    TF_CLI_CONFIG_FILE: path.join(home, 'terraformrc'),
    TF_DATA_DIR: path.join(dir, '.terraform'),
    ...extra,
  });
  return {
    dir,
    terraform: (args, extra = {}) => run(terraformBin, [...args], { cwd: dir, env: env(extra), timeoutMs: 60_000 }),
  };
}

/** One line for an assertion message: the command's exit and the tail of what it printed. */
export function explain(r: Run): string {
  const tail = (r.stderr + r.stdout).trim().split('\n').slice(-12).join('\n');
  return `exit ${r.code}${r.signal ? ` (${r.signal})` : ''} after ${r.ms} ms:\n${tail}`;
}
