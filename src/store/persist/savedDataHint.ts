/**
 * Whether this browser holds imported data, readable at once (localStorage) before IndexedDB opens: the
 * page then skips fetching and analysing the shipped sample ahead (`src/boot.ts`), work a visit with the
 * user's data and its saved result would throw away. The hint is the saved data's SHA-256 (`inputDigest`)
 * when it is known, so the saved result can be opened before the data (`restorePersisted`). A wrong hint
 * costs only that head start: the result shown is replaced once the data is read.
 */
const HINT_KEY = 'vungtrang:has-imported-data';
const DIGEST = /^[0-9a-f]{64}$/;

export function savedDataHint(): boolean {
  return hint() !== null;
}

/** The digest of the saved data, if the hint carries one. */
export function savedDataDigest(): string | null {
  const value = hint();
  return value !== null && DIGEST.test(value) ? value : null;
}

/** `saved`: false when the browser holds no imported data; the data's digest when it is known. */
export function setSavedDataHint(saved: boolean | string): void {
  try {
    if (saved === false) localStorage.removeItem(HINT_KEY);
    else localStorage.setItem(HINT_KEY, saved === true ? '1' : saved);
  } catch {
    // Without localStorage the page simply analyses the sample ahead, as for a first visit.
  }
}

function hint(): string | null {
  try {
    return localStorage.getItem(HINT_KEY);
  } catch {
    // No localStorage (Node, blocked storage): assume the sample, the common case.
    return null;
  }
}
