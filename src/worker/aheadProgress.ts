import { withDefaults } from '../analysis/settings.ts';
import type { ProgressCallback, Settings } from '../analysis/types.ts';

/**
 * The settings most first visits use: the worker analyses the sample with them before it is asked, and the
 * build computes the sample's shipped result with them (`tools/shippedResult.ts`).
 */
export function aheadSettings(): Settings {
  return withDefaults({});
}

/**
 * The progress of a run the worker makes ahead on the sample (`prefetchSample(..., true)`), relayed to the
 * page's first run with the same settings, which waits for it. Messages are [done, total, phase], then null.
 */
export class AheadProgress {
  private last: [number, number, string] | null = null;
  private listener: ProgressCallback | null = null;
  private ended = false;

  constructor(readonly settingsKey: string) {}

  /** One message from the worker's progress port. */
  receive(data: [number, number, string] | null): void {
    if (data === null) {
      this.ended = true;
      this.listener = null;
      return;
    }
    this.last = data;
    this.listener?.(...data);
  }

  /**
   * Relays the run ahead's progress to `onProgress` (at once, the latest) if it is still going and was made
   * with these settings. Returns a function that stops relaying.
   */
  attach(settings: Settings, onProgress: ProgressCallback): () => void {
    if (this.ended || JSON.stringify(settings) !== this.settingsKey) return () => undefined;
    this.listener = onProgress;
    if (this.last) onProgress(...this.last);
    return () => {
      if (this.listener === onProgress) this.listener = null;
    };
  }
}
