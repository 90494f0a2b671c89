import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { HamletStatus, MarketClass } from '../../analysis/types.ts';
import { useApp } from '../../store/store.ts';
import { shownSummary } from '../../store/slices/analysisSlice.ts';
import { activeUnitSystem } from '../../store/units.ts';
import { UnitFilter } from '../units/UnitFilter.tsx';
import { useUnitsTranslation } from '../units/i18n.ts';
import type { Filters, TechGap } from '../../store/viewState.ts';

const STATUSES: HamletStatus[] = ['unserved', 'partial', 'served'];
const GAPS: TechGap[] = ['any', 'noFibre', 'noMbb', 'both'];
const MARKETS: MarketClass[] = ['white', 'grey', 'black'];
const collator = new Intl.Collator('vi');

export function RankingFilters() {
  const { t } = useTranslation();
  const { t: tu } = useUnitsTranslation();
  const system = useApp(activeUnitSystem);
  const { filters, setFilters, resetFilters, summary } = useApp(
    useShallow((s) => ({
      filters: s.filters,
      setFilters: s.setFilters,
      resetFilters: s.resetFilters,
      summary: shownSummary(s),
    })),
  );
  const districts = useMemo(
    () => [...(summary?.districts ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [summary],
  );
  const communes = useMemo(
    () => [...(summary?.communes ?? [])].sort((a, b) => collator.compare(a.name, b.name)),
    [summary],
  );
  const rows = useApp((s) => s.rows);
  // Roll-ups carry no parent code, so a commune's district comes from its hamlets.
  const communesInDistrict = useMemo(() => {
    if (!filters.district) return communes;
    const codes = new Set(rows.filter((r) => r.districtCode === filters.district).map((r) => r.communeCode));
    return communes.filter((c) => codes.has(c.code));
  }, [communes, rows, filters.district]);
  const set = (patch: Partial<Filters>) => setFilters(patch);
  // On a phone the filters fold away under one button, so the list keeps the screen.
  const [open, setOpen] = useState(false);
  const gridId = useId();
  const active =
    [filters.district, filters.commune, filters.unit, filters.status, filters.tier, filters.market].filter(
      (f) => f !== null,
    ).length + (filters.gap === 'any' ? 0 : 1);
  return (
    <div className={`vt-filters${open ? '' : ' is-collapsed'}`} role="search">
      <label className="vt-field vt-field--search">
        <span>{system === 'units' ? tu('search') : t('filters.search')}</span>
        <input
          type="search"
          value={filters.search}
          placeholder={t('filters.searchPlaceholder')}
          onChange={(e) => set({ search: e.target.value })}
          data-testid="ranking-search"
        />
      </label>
      <button
        type="button"
        className="vt-button vt-button--quiet vt-phone-only vt-filters__toggle"
        aria-expanded={open}
        aria-controls={gridId}
        onClick={() => setOpen(!open)}
        data-testid="filters-toggle"
      >
        {t('filters.toggle')}
        {active > 0 && ` (${t('filters.active', { count: active })})`} {open ? '▴' : '▾'}
      </button>
      <div className="vt-filters__grid" id={gridId}>
        {system === 'units' ? (
          <UnitFilter />
        ) : (
          <>
            <label className="vt-field">
              <span>{t('filters.district')}</span>
              <select
                value={filters.district ?? ''}
                onChange={(e) => set({ district: e.target.value || null })}
                data-testid="filter-district"
              >
                <option value="">{t('filters.all')}</option>
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="vt-field">
              <span>{t('filters.commune')}</span>
              <select
                value={filters.commune ?? ''}
                onChange={(e) => set({ commune: e.target.value || null })}
                data-testid="filter-commune"
              >
                <option value="">{t('filters.all')}</option>
                {communesInDistrict.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        <label className="vt-field">
          <span>{t('filters.status')}</span>
          <select
            value={filters.status ?? ''}
            onChange={(e) => set({ status: (e.target.value || null) as HamletStatus | null })}
            data-testid="filter-status"
          >
            <option value="">{t('filters.all')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="vt-field">
          <span>{t('filters.tier')}</span>
          <select
            value={filters.tier ?? ''}
            onChange={(e) => set({ tier: e.target.value ? (Number(e.target.value) as 1 | 2 | 3) : null })}
            data-testid="filter-tier"
          >
            <option value="">{t('filters.all')}</option>
            {([1, 2, 3] as const).map((tier) => (
              <option key={tier} value={tier}>
                {t(`tier.${tier}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="vt-field">
          <span>{t('filters.gap')}</span>
          <select
            value={filters.gap}
            onChange={(e) => set({ gap: e.target.value as TechGap })}
            data-testid="filter-gap"
          >
            {GAPS.map((g) => (
              <option key={g} value={g}>
                {t(`gap.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="vt-field">
          <span>{t('filters.market')}</span>
          <select
            value={filters.market ?? ''}
            onChange={(e) => set({ market: (e.target.value || null) as MarketClass | null })}
            data-testid="filter-market"
          >
            <option value="">{t('filters.all')}</option>
            {MARKETS.map((m) => (
              <option key={m} value={m}>
                {t(`market.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="vt-button vt-button--quiet" onClick={resetFilters}>
          {t('filters.reset')}
        </button>
      </div>
    </div>
  );
}
