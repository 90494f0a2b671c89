import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { unitSplitsCsv } from '../../analysis/exports.ts';
import { splitHamlets } from '../../analysis/units.ts';
import { downloadBlob } from '../share/download.ts';
import { useApp } from '../../store/store.ts';
import type { UnitSystem } from '../../store/viewState.ts';
import { useUnitsTranslation } from './i18n.ts';

const SYSTEMS: readonly UnitSystem[] = ['units', 'districts'];

/**
 * Chooses how hamlets are grouped into areas: the communes and wards since 1 July 2025 (or the user's
 * units layer) or the districts and communes of 2020–2024. Without a units layer only the latter exists.
 */
export function UnitSystemSwitch() {
  const { t } = useUnitsTranslation();
  const { unitSystem, setUnitSystem, hasUnits, status, error, assignment } = useApp(
    useShallow((s) => ({
      unitSystem: s.unitSystem,
      setUnitSystem: s.setUnitSystem,
      hasUnits: (s.admin.units?.features.length ?? 0) > 0,
      status: s.unitsStatus,
      error: s.unitsError,
      assignment: s.unitAssignment,
    })),
  );
  const counts = useMemo(
    () =>
      assignment && {
        split: splitHamlets(assignment).length,
        outside: assignment.hamlets.filter((h) => h.method === 'none').length,
      },
    [assignment],
  );
  return (
    <div className="vt-unit-system">
      <label className="vt-field">
        <span>{t('system')}</span>
        <select
          value={hasUnits ? unitSystem : 'districts'}
          disabled={!hasUnits}
          onChange={(e) => setUnitSystem(e.target.value as UnitSystem)}
          data-testid="unit-system"
        >
          {SYSTEMS.map((s) => (
            <option key={s} value={s}>
              {t(`systems.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {!hasUnits && <p className="vt-muted">{t('noUnits')}</p>}
      {hasUnits && unitSystem === 'units' && status === 'assigning' && (
        <p className="vt-muted" role="status">
          {t('assigning')}
        </p>
      )}
      {hasUnits && unitSystem === 'units' && counts && (
        <p className="vt-muted" data-testid="unit-splits">
          {t('splitNote', { count: counts.split })}{' '}
          {counts.outside > 0 && `${t('outsideNote', { count: counts.outside })} `}
          <button
            type="button"
            className="vt-link"
            onClick={() =>
              assignment &&
              downloadBlob(
                'vungtrang-unit-splits.csv',
                new Blob([unitSplitsCsv(assignment)], { type: 'text/csv;charset=utf-8' }),
              )
            }
            data-testid="unit-splits-csv"
          >
            {t('splitCsv')}
          </button>
        </p>
      )}
      {hasUnits && status === 'error' && (
        <p className="vt-error" role="alert">
          {t('error', { message: error ?? '' })}
        </p>
      )}
    </div>
  );
}
