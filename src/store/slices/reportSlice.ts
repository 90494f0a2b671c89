import type { Position } from 'geojson';
import type { StateCreator } from 'zustand';
import { mergeReports, newestFirst, type FieldReport } from '../../data/fieldReports.ts';
import type { AppState } from '../appState.ts';

/** A report being recorded or edited: where, and how the place was found. */
export interface ReportDraft {
  at: Position;
  source: 'gps' | 'map' | 'saved';
  /** GPS accuracy, metres. */
  accuracyM?: number;
  /** The report being edited; absent for a new one. */
  editing?: FieldReport;
}

export interface ReportSlice {
  /** Field reports recorded here or imported, newest first (kept in IndexedDB: `persist/fieldReports.ts`). */
  fieldReports: FieldReport[];
  /** The last save to this browser failed (the reports are still in memory): what went wrong. */
  reportSaveError: string | null;
  /** The next map click chooses the place of a new report. */
  reportPick: boolean;
  reportDraft: ReportDraft | null;
  /** The report deleted last, until undone or another change. */
  deletedReport: FieldReport | null;
  /** Puts saved reports back (start-up); no undo. */
  restoreFieldReports(reports: FieldReport[]): void;
  /** Adds a report, or replaces the one with its id. */
  saveFieldReport(report: FieldReport): void;
  deleteFieldReport(id: string): void;
  undoDeleteReport(): void;
  /** Merges reports by id (import); returns how many were new and how many replaced one. */
  importFieldReports(reports: readonly FieldReport[]): { added: number; updated: number };
  setReportSaveError(message: string | null): void;
  setReportPick(on: boolean): void;
  setReportDraft(draft: ReportDraft | null): void;
}

export const createReportSlice: StateCreator<AppState, [], [], ReportSlice> = (set, get) => ({
  fieldReports: [],
  reportSaveError: null,
  reportPick: false,
  reportDraft: null,
  deletedReport: null,
  restoreFieldReports: (reports) => set({ fieldReports: newestFirst(reports) }),
  saveFieldReport: (report) =>
    set({ fieldReports: mergeReports(get().fieldReports, [report]).reports, deletedReport: null }),
  deleteFieldReport: (id) => {
    const gone = get().fieldReports.find((r) => r.properties.id === id);
    if (!gone) return;
    set({ fieldReports: get().fieldReports.filter((r) => r !== gone), deletedReport: gone });
  },
  undoDeleteReport: () => {
    const back = get().deletedReport;
    if (back) set({ fieldReports: mergeReports(get().fieldReports, [back]).reports, deletedReport: null });
  },
  importFieldReports: (reports) => {
    const merged = mergeReports(get().fieldReports, reports);
    set({ fieldReports: merged.reports, deletedReport: null });
    return { added: merged.added, updated: merged.updated };
  },
  setReportSaveError: (reportSaveError) => set({ reportSaveError }),
  setReportPick: (reportPick) => set(reportPick ? { reportPick, mobilePane: 'map' } : { reportPick }),
  setReportDraft: (reportDraft) => set({ reportDraft, reportPick: false }),
});
