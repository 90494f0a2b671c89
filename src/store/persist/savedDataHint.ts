/**
 * Whether this browser holds imported data, readable at once (localStorage) before IndexedDB opens: the
 * page then skips fetching and analysing the shipped sample ahead (`src/boot.ts`), work a visit with the
 * user's data and its saved result would throw away. A wrong hint costs only that head start.
 */
const HINT_KEY = 'vungtrang:has-imported-data';

export function savedDataHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) === '1';
  } catch {
    // No localStorage (Node, blocked storage): assume the sample, the common case.
    return false;
  }
}

export function setSavedDataHint(saved: boolean): void {
  try {
    if (saved) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Without localStorage the page simply analyses the sample ahead, as for a first visit.
  }
}
