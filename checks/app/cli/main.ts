/**
 * `btyun` entry point. Dispatches to one module per command (loaded lazily, so `btyun rules`
 * does not pay for cdktf). Any InputError/UsageError becomes one line per problem on stderr and
 * exit 2; any other error is reported in one line too, never as a stack trace.
 */
import { InputError, UsageError } from '../../core/errors';
import type { Command, CommandIO } from './io';
import { VERSION } from '../../core/version';
import { didYouMean } from './args';
import { defaultLimitsText, parseSize, setMaxInputSize } from '../../core/input-file';

const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  validate: { summary: 'schema and cross-reference validation of an environment', load: async () => (await import('./commands/validate.js')).validate },
  synth: { summary: "synthesize the environment's stacks (all or --stack ID …)", load: async () => (await import('./commands/synth.js')).synth },
  check: { summary: 'run the rules on the environment and its Terraform configuration', load: async () => (await import('./commands/check.js')).check },
  migration: { summary: 'the migration plan: waves, capacity, what is late and left', load: async () => (await import('./commands/migration.js')).migration },
  rules: { summary: 'the rule catalogue', load: async () => (await import('./commands/rules.js')).rules },
  report: { summary: 'self-contained HTML report for reviewers', load: async () => (await import('./commands/report.js')).report },
  gen: { summary: 'generate a large, valid environment (for scale tests and benchmarks)', load: async () => (await import('./commands/gen.js')).gen },
  preflight: { summary: "before cdktf deploy: each stack's state backend finds its variables", load: async () => (await import('./commands/preflight.js')).preflight },
  lists: { summary: "the plan's lists: clean-up, platform connections, resource catalogue, filing", load: async () => (await import('./commands/lists.js')).lists },
  scorecard: { summary: "the plan's evaluation: 整合数, 共享信息数, 协同应用数, 系统联通率, 重点任务进展", load: async () => (await import('./commands/scorecard.js')).scorecard },
  import: { summary: 'import filing FILE.xlsx|csv: a filing spreadsheet into inventory systems', load: async () => (await import('./commands/import.js')).importCommand },
};

export function usage(): string {
  const lines = ['usage: btyun <command> [flags]', '', 'commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(10)} ${c.summary}`);
  lines.push('', 'Run `btyun <command> --help` for its flags. Exit status: 0 ok, 1 findings at or above --fail-on, 2 bad usage or input.');
  lines.push(`Every command: --max-input-size SIZE — one size limit for every input file (defaults: ${defaultLimitsText()}).`);
  return lines.join('\n') + '\n';
}

/**
 * `--max-input-size SIZE` (every command): one size limit for every input file (YAML, JSON, plan,
 * HCL) instead of the defaults per kind (checks/core/input-file.ts). Taken out before the command
 * parses its flags.
 */
function takeInputSizeFlag(rest: string[]): string[] {
  setMaxInputSize(undefined);
  const out: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a !== '--max-input-size' && !a.startsWith('--max-input-size=')) {
      out.push(a);
      continue;
    }
    const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
    const bytes = value === undefined ? undefined : parseSize(value);
    if (bytes === undefined) throw new UsageError(`--max-input-size needs a size such as 64MiB, 512KiB or 1000000 (bytes); defaults: ${defaultLimitsText()}`);
    setMaxInputSize(bytes);
  }
  return out;
}

export async function runCli(argv: string[], io: CommandIO): Promise<number> {
  const [name, ...given] = argv;
  let rest: string[];
  try {
    rest = takeInputSizeFlag(given);
  } catch (e) {
    return reportError(e, io, name ?? 'btyun');
  }
  // `btyun help COMMAND`: that command's help.
  if (name === 'help' && rest.length > 0) {
    const target = COMMANDS[rest[0]];
    if (!target) {
      io.stderr(`btyun: unknown command '${rest[0]}'${didYouMean(rest[0], Object.keys(COMMANDS))}\n${usage()}`);
      return 2;
    }
    return await (await target.load())(['--help'], io);
  }
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr(`btyun: unknown command '${name}'${didYouMean(name, Object.keys(COMMANDS))}\n${usage()}`);
    return 2;
  }
  try {
    return await (await cmd.load())(rest, io);
  } catch (e) {
    return reportError(e, io, name);
  }
}

export function reportError(e: unknown, io: CommandIO, name: string): number {
  if (e instanceof InputError) {
    io.stderr(e.message + '\n');
    return 2;
  }
  // The deploy gate refused: findings at or above fail-on (already printed) — exit 1, as `check`.
  if (e instanceof Error && e.name === 'PolicyGateError') {
    io.stderr(`btyun ${name}: ${e.message}\n`);
    return 1;
  }
  if (e instanceof UsageError) {
    io.stderr(`btyun ${name}: ${e.message}\n`);
    return 2;
  }
  const err = e as NodeJS.ErrnoException;
  // A full disk or a file-size limit while writing output: one clear line, never "internal error".
  const WRITE_FAILURES: Record<string, string> = {
    ENOSPC: 'no space left on the device (ENOSPC)',
    EDQUOT: 'disk quota exceeded (EDQUOT)',
    EFBIG: 'file too large for this file system or limit (EFBIG)',
    EROFS: 'read-only file system (EROFS)',
    EIO: 'input/output error (EIO)',
  };
  if (err && typeof err.code === 'string' && WRITE_FAILURES[err.code] !== undefined) {
    io.stderr(`btyun ${name}: cannot write${typeof err.path === 'string' ? ` ${err.path}` : ''}: ${WRITE_FAILURES[err.code]}\n`);
    return 2;
  }
  // The same from a synth worker process, which reports the error as text (`stack X: EFBIG: …`).
  const workerCode = e instanceof Error ? /\b(ENOSPC|EDQUOT|EFBIG|EROFS)\b/.exec(e.message)?.[1] : undefined;
  if (workerCode !== undefined) {
    io.stderr(`btyun ${name}: cannot write: ${WRITE_FAILURES[workerCode]}\n`);
    return 2;
  }
  if (err && typeof err.code === 'string' && typeof err.path === 'string') {
    io.stderr(`${err.path}: ${err.code === 'ENOENT' ? 'no such file or directory' : err.code === 'EACCES' ? 'permission denied' : err.message}\n`);
    return 2;
  }
  // An internal error: one line, no trace (BTYUN_DEBUG=1 shows the trace for developers).
  const msg = e instanceof Error ? e.message : String(e);
  io.stderr(`btyun ${name}: internal error: ${msg.split('\n')[0]}\n`);
  if (process.env.BTYUN_DEBUG === '1' && e instanceof Error && e.stack) io.stderr(e.stack + '\n');
  return 2;
}

/** Process entry: real streams, exit code set on the process. */
export function main(): void {
  // A reader that closes the pipe early (`btyun rules | head`) is not an error of ours: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      // A full disk or a file-size limit behind a redirection: one line on stderr (if it still writes), exit 2.
      if (stream === process.stdout) {
        try {
          require('node:fs').writeSync(2, `btyun: cannot write to standard output (${e.code ?? 'error'})\n`);
        } catch {
          /* stderr is gone too */
        }
      }
      process.exit(2);
    });
  }
  const io: CommandIO = {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
  runCli(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.exitCode = reportError(e, io, 'btyun');
    },
  );
}
