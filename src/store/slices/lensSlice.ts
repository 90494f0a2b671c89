import type { StateCreator } from 'zustand';
import type { AppState, LensSlice } from '../appState.ts';
import type { LensRanking } from '../viewState.ts';

export const createLensSlice: StateCreator<AppState, [], [], LensSlice> = (set, get) => ({
  setOperator: (operator) => {
    const { lens, colourBy } = get();
    let ranking: LensRanking = lens.ranking;
    if (operator !== null && ranking === 'pooled') ranking = 'operator-commercial';
    if (operator === null && ranking === 'operator-commercial') ranking = 'pooled';
    set({
      lens: { operator, ranking },
      // Its view on the map: its coverage, where only competitors cover, where no operator does.
      ...(operator !== null && operator !== lens.operator ? { colourBy: 'market' as const } : { colourBy }),
    });
  },
  setLensRanking: (ranking) => {
    const { lens } = get();
    // The operator's ranking needs an operator.
    if (ranking === 'operator-commercial' && lens.operator === null) return;
    set({ lens: { ...lens, ranking } });
  },
});
