import { createStore } from 'zustand/vanilla';

/** What an opened link could not restore; shown until the planner dismisses it. */
export interface LinkNotice {
  problems: string[];
  setProblems(problems: string[]): void;
  dismiss(): void;
}

export const linkNoticeStore = createStore<LinkNotice>()((set) => ({
  problems: [],
  setProblems: (problems) => set({ problems }),
  dismiss: () => set({ problems: [] }),
}));
