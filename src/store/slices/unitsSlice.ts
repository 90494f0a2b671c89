import type { StateCreator } from 'zustand';
import type { AppState, UnitsSlice } from '../appState.ts';
import { buildRows } from '../rows.ts';
import { unitSummaryOf } from '../units.ts';

export const createUnitsSlice: StateCreator<AppState, [], [], UnitsSlice> = (set, get) => ({
  unitAssignment: null,
  unitOf: new Map(),
  unitSummary: null,
  unitsStatus: 'none',
  unitsError: null,
  setUnitsPending: () => set({ unitsStatus: 'assigning', unitsError: null }),
  setUnitsError: (message) => set({ unitsStatus: 'error', unitsError: message }),
  setUnitAssignment: (assignment) => {
    const unitOf = new Map(assignment?.hamlets.map((h) => [h.id, h]) ?? []);
    const { result, admin } = get();
    set({
      unitAssignment: assignment,
      unitOf,
      unitsStatus: assignment ? 'ready' : 'none',
      unitsError: null,
      // The list's rows carry each hamlet's unit (filter, search, columns).
      ...(result ? { rows: buildRows(result, unitOf) } : {}),
      unitSummary: result && assignment ? unitSummaryOf(result, unitOf, admin) : null,
    });
  },
});
