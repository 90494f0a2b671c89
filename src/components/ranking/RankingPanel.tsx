import { useTranslation } from 'react-i18next';
import { listReady } from '../../store/slices/analysisSlice.ts';
import { useApp } from '../../store/store.ts';
import { PlanTag } from '../plan/PlanTag.tsx';
import { useFormat } from '../useFormat.ts';
import { LensListNote } from '../lens/LensListNote.tsx';
import { RankingFilters } from './RankingFilters.tsx';
import { RankingTable, useVisibleRows } from './RankingTable.tsx';

export function RankingPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { rows, total } = useVisibleRows();
  const hasResult = useApp(listReady);
  const selectedId = useApp((s) => s.selectedHamletId);
  const resetFilters = useApp((s) => s.resetFilters);
  const selectedHidden = selectedId !== null && hasResult && !rows.some((r) => r.id === selectedId);
  return (
    <section className="vt-ranking" aria-labelledby="vt-ranking-title" id="vt-ranking" tabIndex={-1}>
      <header className="vt-section-head">
        <h2 id="vt-ranking-title">{t('ranking.title')}</h2>
        <PlanTag testId="ranking-plan" />
        {hasResult && (
          <span className="vt-count" data-testid="ranking-count" aria-live="polite">
            {t('ranking.count', { shown: fmt.integer(rows.length), total: fmt.integer(total) })}
          </span>
        )}
      </header>
      <LensListNote />
      <RankingFilters />
      {selectedHidden && (
        <p className="vt-hint" role="status">
          {t('ranking.selectedHidden')}{' '}
          <button type="button" className="vt-link" onClick={resetFilters}>
            {t('filters.reset')}
          </button>
        </p>
      )}
      {hasResult ? <RankingTable rows={rows} /> : <p className="vt-empty">{t('ranking.waiting')}</p>}
    </section>
  );
}
