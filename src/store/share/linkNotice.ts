import { createStore } from 'zustand/vanilla';
import type { LinkProblem } from './codec.ts';

/** What an opened link could not restore; shown until the planner dismisses it. */
export interface LinkNotice {
  problems: LinkProblem[];
  setProblems(problems: LinkProblem[]): void;
  dismiss(): void;
}

export const linkNoticeStore = createStore<LinkNotice>()((set) => ({
  problems: [],
  setProblems: (problems) => set({ problems }),
  dismiss: () => set({ problems: [] }),
}));
