import { createStore } from 'zustand/vanilla';

/** A save to this browser's storage that failed: what, and whether the storage is full. */
export interface SaveFailure {
  what: 'data' | 'settings';
  /** The browser refused for lack of space (QuotaExceededError). */
  full: boolean;
  /** The browser's own words, for the curious; the page says what to do in its own. */
  detail: string;
}

/** The last failed save, shown until a save works again or the user dismisses it. */
export interface SaveProblem {
  failed: SaveFailure | null;
  /** Writes the current data and settings again. */
  retry: (() => void) | null;
  report(failed: SaveFailure | null, retry: () => void): void;
  dismiss(): void;
}

export const saveProblemStore = createStore<SaveProblem>()((set) => ({
  failed: null,
  retry: null,
  report: (failed, retry) => set({ failed, retry }),
  dismiss: () => set({ failed: null }),
}));

/** True when a storage error means "no space left" (IndexedDB's QuotaExceededError, in any browser). */
export function isQuotaError(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { name, message } = e as { name?: unknown; message?: unknown };
  return name === 'QuotaExceededError' || (typeof message === 'string' && /quota/i.test(message));
}
