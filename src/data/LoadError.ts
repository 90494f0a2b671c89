/**
 * A whole-file failure: the file cannot be read at all. `message` says what is wrong and where,
 * `fix` says what the user can do. Per-feature problems go in the validation report instead.
 */
export class LoadError extends Error {
  readonly file: string;
  readonly fix: string;

  constructor(file: string, message: string, fix: string) {
    super(`${file}: ${message}`);
    this.name = 'LoadError';
    this.file = file;
    this.fix = fix;
  }
}

/** Throws the signal's reason when the caller has cancelled. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new DOMException('Load cancelled', 'AbortError');
  }
}
