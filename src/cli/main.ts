import { analyzeCommand } from './analyzeCommand.ts';
import { compareCommand } from './compare.ts';
import { suggestCommand } from './suggest.ts';
import type { CliIO, Command } from './command.ts';
import { CliError, describeError, EXIT_BUG, EXIT_CODES_HELP, EXIT_INPUT, EXIT_USAGE } from './errors.ts';

/** Subcommands by name. A new one (e.g. `suggest` from ./suggest.ts) is one more entry here. */
export const COMMANDS: Record<string, Command> = {
  analyze: analyzeCommand,
  suggest: suggestCommand,
  compare: compareCommand,
};

/**
 * Errors whose message is written for the user and names the file or feature (src/data's LoadError,
 * the engine's input and geometry errors): bad input, exit 1. Anything else is a bug.
 */
const USER_ERRORS = new Set(['LoadError', 'AnalysisInputError', 'GeometryError']);

function topUsage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;
  const list = Object.entries(COMMANDS)
    .map(([name, c]) => `  ${name.padEnd(width)}${c.summary}`)
    .join('\n');
  return `Vùng Trắng — rural broadband gaps per hamlet, ranked for investment.

Usage: vungtrang <command> [flags]

Commands:
${list}

Run "vungtrang <command> --help" for a command's flags.

${EXIT_CODES_HELP}`;
}

/**
 * Runs the command line and returns the exit code (listed in EXIT_CODES_HELP): 0 on success, 1 for bad
 * input (the message names the file, the feature and what to do), 64 for a usage error, 73 when --out
 * cannot be written, 70 for an internal error. Never prints a stack trace unless VUNGTRANG_DEBUG is set.
 *
 * @example
 * process.exitCode = await main(['analyze', '--hamlets', 'hamlets.geojson', '--out', 'out']);
 */
export async function main(
  argv: string[],
  io: CliIO = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const sub = name === 'help' ? rest[0] : undefined;
    const cmd = sub !== undefined ? COMMANDS[sub] : undefined;
    // No command at all is a usage error: the usage goes to stderr, as the output is not what was asked for.
    (name === undefined ? io.stderr : io.stdout).write(`${cmd ? cmd.usage : topUsage()}\n`);
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) {
      throw new CliError(
        `vungtrang: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}. Run "vungtrang --help".`,
        EXIT_USAGE,
      );
    }
    return await command.run(rest, io);
  } catch (err) {
    io.stderr.write(`error: ${describeError(err)}\n`);
    if (process.env.VUNGTRANG_DEBUG && err instanceof Error && err.stack) io.stderr.write(`${err.stack}\n`);
    if (err instanceof CliError) return err.exitCode;
    if (err instanceof Error && USER_ERRORS.has(err.name)) return EXIT_INPUT;
    io.stderr.write('This looks like a bug in vungtrang; set VUNGTRANG_DEBUG=1 for details and report it.\n');
    return EXIT_BUG;
  }
}
