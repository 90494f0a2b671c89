import { createStore } from 'zustand/vanilla';
import type { SettingsProblem } from '../../analysis/validateSettings.ts';

/** What start-up could not bring back from this browser's storage; shown until the user dismisses it. */
export interface RestoreNotice {
  /** Saved data that could not be read back (the sample is shown instead). */
  problem: string | null;
  /** Saved settings the validator refused: dropped and deleted, the defaults are used. */
  settings: SettingsProblem[];
  show(problem: string | null, settings: SettingsProblem[]): void;
  dismiss(): void;
}

export const restoreNoticeStore = createStore<RestoreNotice>()((set) => ({
  problem: null,
  settings: [],
  show: (problem, settings) => set({ problem, settings }),
  dismiss: () => set({ problem: null, settings: [] }),
}));
