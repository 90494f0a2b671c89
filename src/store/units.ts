import { computeUnitSummary } from '../analysis/rollups.ts';
import type { AnalysisResult, Summary } from '../analysis/types.ts';
import type { HamletUnit, UnitCollection } from '../analysis/units.ts';
import type { AssignUnits } from '../worker/unitsClient.ts';
import type { AdminLayers, AppState } from './appState.ts';
import type { AppStore } from './store.ts';
import type { UnitSystem } from './viewState.ts';

/**
 * The unit system in force: the one chosen, except `units` without a units layer (data of the user's that
 * has none) falls back to the districts and communes the hamlets carry.
 *
 * @example activeUnitSystem(appStore.getState()) // 'units'
 */
export function activeUnitSystem(s: Pick<AppState, 'unitSystem' | 'admin'>): UnitSystem {
  return s.unitSystem === 'units' && s.admin.units && s.admin.units.features.length > 0
    ? 'units'
    : 'districts';
}

/** The province of a units layer: its code and name, and the former province whose area it covers. */
export interface UnitsProvince {
  code: string;
  name: string;
  /** e.g. "Tỉnh Nam Định" for the units of Ninh Bình on the former Nam Định area; null when not given. */
  formerArea: string | null;
}

const textOf = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/**
 * The province the units name (`province`, `province_code`, `province_area_of` on every unit, as the
 * sample's do), else the province boundary's; null when neither says.
 */
export function unitsProvince(admin: AdminLayers): UnitsProvince | null {
  const first = admin.units?.features[0]?.properties;
  const name = textOf(first?.province);
  if (first && name) {
    const former = textOf(first.province_area_of);
    return {
      code: textOf(first.province_code) ?? name,
      name,
      formerArea: former && former !== name ? former : null,
    };
  }
  const p = admin.province?.features[0]?.properties;
  return p?.name ? { code: String(p.code ?? p.name), name: p.name, formerArea: null } : null;
}

/** The result rolled up by unit (province → unit), each hamlet in the unit `unitOf` gives it. */
export function unitSummaryOf(
  result: AnalysisResult,
  unitOf: ReadonlyMap<string, HamletUnit>,
  admin: AdminLayers,
): Summary {
  const province = unitsProvince(admin);
  return computeUnitSummary(
    result.hamlets,
    result.summary.settings,
    (id) => {
      const u = unitOf.get(id);
      return u && u.code !== '' ? { code: u.code, name: u.unitName } : undefined;
    },
    province
      ? { code: province.code, name: province.name }
      : { code: result.summary.province.code, name: result.summary.province.name },
  );
}

/**
 * Keeps the hamlets' units current: whenever the hamlets or the units layer change, assigns each hamlet to
 * the unit holding most of its area (`assign`, in a worker in the app), and rolls every new result up by
 * unit. Returns the unsubscribe.
 */
export function startUnits(store: AppStore, assign: AssignUnits): () => void {
  let seq = 0;
  let hamlets: unknown = undefined;
  let units: unknown = undefined;
  let result: unknown = undefined;
  const check = (s: AppState): void => {
    const h = s.input?.hamlets ?? null;
    const u = s.admin.units;
    if (h !== hamlets || u !== units) {
      hamlets = h;
      units = u;
      const id = ++seq;
      if (!h || !u || u.features.length === 0) {
        s.setUnitAssignment(null);
        return;
      }
      s.setUnitsPending();
      assign(h, u as UnitCollection).then(
        (a) => {
          if (id === seq) store.getState().setUnitAssignment(a);
        },
        (e: unknown) => {
          if (id === seq) store.getState().setUnitsError(e instanceof Error ? e.message : String(e));
        },
      );
    }
    if (s.result !== result) {
      result = s.result;
      if (s.result && s.unitAssignment)
        store.setState({ unitSummary: unitSummaryOf(s.result, s.unitOf, s.admin) });
    }
  };
  check(store.getState());
  return store.subscribe(check);
}
