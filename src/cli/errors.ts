/**
 * A problem the user can fix (a bad flag, a bad file, an occupied output directory). main() prints
 * its message alone, without a stack trace, and exits non-zero.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** Exit code for usage errors (unknown flag, missing argument), as in BSD sysexits EX_USAGE. */
export const EXIT_USAGE = 64;

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
