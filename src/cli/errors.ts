/**
 * A problem the user can fix (a bad flag, a bad file, an output directory that cannot be used). main()
 * prints its message alone, without a stack trace, and exits with its code.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = EXIT_INPUT) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Bad input: a file cannot be read or holds nothing usable; the message names the file and the fix. */
export const EXIT_INPUT = 1;
/** Usage error (unknown flag, missing or out-of-range value), as in BSD sysexits EX_USAGE. */
export const EXIT_USAGE = 64;
/** An internal error: a bug in vungtrang (sysexits EX_SOFTWARE). */
export const EXIT_BUG = 70;
/** --out cannot be used: not a directory, no permission, a link loop, or it holds an input (EX_CANTCREAT). */
export const EXIT_OUTPUT = 73;
/** Stopped by Ctrl-C (SIGINT) or SIGTERM, after removing this run's partial files: 128 + the signal. */
export const EXIT_SIGNAL = { SIGINT: 130, SIGTERM: 143 } as const;

/** The exit codes as `--help` and the README list them. */
export const EXIT_CODES_HELP = `Exit codes:
  0    done
  1    bad input: a file cannot be read or has no usable feature (the message names it and the fix)
  64   usage: unknown flag, missing value, or a value out of range
  70   internal error (a bug; set VUNGTRANG_DEBUG=1 for details and report it)
  73   --out cannot be written: not a directory, no permission, a link loop, or it holds an input
  130  interrupted by Ctrl-C (143: by SIGTERM); the partial files of the run are removed`;

/** Turns any thrown value into the one line (plus an optional fix) that the user sees. */
export function describeError(err: unknown): string {
  if (err instanceof CliError) return err.message;
  if (err instanceof Error) {
    // src/data's LoadError carries `fix`, a sentence saying what to do; its message already names the file.
    const fix = (err as { fix?: unknown }).fix;
    return typeof fix === 'string' && fix ? `${err.message}\n  What to do: ${fix}` : err.message;
  }
  return String(err);
}
