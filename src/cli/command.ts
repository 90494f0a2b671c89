import type { ProgressStream } from './progress.ts';

/** Where a command writes; process.stdout/stderr in real use, buffers in tests. */
export interface CliIO {
  stdout: ProgressStream;
  stderr: ProgressStream;
}

/** One subcommand. main() dispatches on its name through the table in main.ts. */
export interface Command {
  /** One line for the top-level help. */
  summary: string;
  usage: string;
  /** Returns the exit code; throws CliError for problems the user can fix. */
  run(argv: string[], io: CliIO): Promise<number>;
}
