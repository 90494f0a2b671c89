import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store/store.ts';
import { useUnitsTranslation } from './i18n.ts';

const collator = new Intl.Collator('vi');

/** The ranked list's area filter in the units system: one commune or ward. */
export function UnitFilter() {
  const { t } = useTranslation();
  const { t: tu } = useUnitsTranslation();
  const { unit, setFilters, units } = useApp(
    useShallow((s) => ({
      unit: s.filters.unit,
      setFilters: s.setFilters,
      units: s.unitAssignment?.units,
    })),
  );
  const sorted = useMemo(() => [...(units ?? [])].sort((a, b) => collator.compare(a.name, b.name)), [units]);
  return (
    <label className="vt-field">
      <span>{tu('unit')}</span>
      <select
        value={unit ?? ''}
        onChange={(e) => setFilters({ unit: e.target.value || null })}
        data-testid="filter-unit"
      >
        <option value="">{t('filters.all')}</option>
        {sorted.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
        ))}
      </select>
    </label>
  );
}
