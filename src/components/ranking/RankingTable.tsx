import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Rect, Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { shortAdminName } from '../../i18n/adminName.ts';
import { STATUS_COLOURS } from '../../map/palette.ts';
import { listRows, type HamletRow, type SortKey } from '../../store/rows.ts';
import { useApp } from '../../store/store.ts';
import { useFormat } from '../useFormat.ts';

const ROW_HEIGHT = 40;
const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'rank', label: 'ranking.rank', numeric: true },
  { key: 'name', label: 'ranking.name' },
  { key: 'commune', label: 'ranking.commune' },
  { key: 'status', label: 'ranking.status' },
  { key: 'uncoveredHouseholds', label: 'ranking.uncovered', numeric: true },
  { key: 'costPerHousehold', label: 'ranking.costPerHousehold', numeric: true },
  { key: 'score', label: 'ranking.score', numeric: true },
];
/** Numbers sort biggest first on the first click; rank and text smallest first. */
const FIRST_DIR: Record<SortKey, 'asc' | 'desc'> = {
  rank: 'asc',
  name: 'asc',
  commune: 'asc',
  status: 'asc',
  uncoveredHouseholds: 'desc',
  costPerHousehold: 'asc',
  score: 'desc',
};

/**
 * TanStack's default measures the list at once, which forces a layout of the whole page inside the task
 * that mounts it (the one that shows the first list: ~50 ms on a slow machine). A ResizeObserver reports
 * the size after the browser's own layout instead; until then `initialRect` stands in.
 */
function observeRectAfterLayout(
  instance: Virtualizer<HTMLDivElement, Element>,
  cb: (rect: Rect) => void,
): (() => void) | undefined {
  const el = instance.scrollElement;
  if (!el || typeof ResizeObserver === 'undefined') return observeElementRect(instance, cb);
  const observer = new ResizeObserver(() => {
    const { width, height } = el.getBoundingClientRect();
    cb({ width: Math.round(width), height: Math.round(height) });
  });
  observer.observe(el, { box: 'content-box' });
  return () => observer.disconnect();
}

/** The filtered, sorted rows the table shows (exported for the count line and tests). */
export function useVisibleRows(): { rows: HamletRow[]; total: number } {
  const { all, filters, sort } = useApp(
    useShallow((s) => ({ all: s.rows, filters: s.filters, sort: s.sort })),
  );
  const rows = useMemo(() => listRows(all, filters, sort), [all, filters, sort]);
  return { rows, total: all.length };
}

/**
 * The ranked hamlet list, virtualised so thousands of rows scroll smoothly. Click or Enter selects a row
 * (the map flies there); ↑/↓ move the selection; a selection made on the map scrolls its row into view.
 */
export function RankingTable({ rows }: { rows: HamletRow[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { sort, setSort, selectedId, selectionSource, selectHamlet } = useApp(
    useShallow((s) => ({
      sort: s.sort,
      setSort: s.setSort,
      selectedId: s.selectedHamletId,
      selectionSource: s.selectionSource,
      selectHamlet: s.selectHamlet,
    })),
  );
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns fresh functions each render, so the React Compiler skips this component.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: { width: 600, height: 480 },
    observeElementRect: observeRectAfterLayout,
  });
  const selectedIndex = useMemo(() => rows.findIndex((r) => r.id === selectedId), [rows, selectedId]);

  useEffect(() => {
    if (selectedIndex >= 0 && selectionSource === 'map')
      virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
  }, [selectedIndex, selectionSource, virtualizer]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, selectedIndex + (e.key === 'ArrowDown' ? 1 : -1)));
    const row = rows[next];
    if (row) {
      selectHamlet(row.id, 'app');
      virtualizer.scrollToIndex(next, { align: 'auto' });
    }
  };

  const sortBy = (key: SortKey) =>
    setSort(
      sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: FIRST_DIR[key] },
    );

  return (
    <div className="vt-table" role="table" aria-label={t('ranking.title')} aria-rowcount={rows.length + 1}>
      <div role="rowgroup" className="vt-table__head">
        <div role="row" className="vt-table__row" aria-rowindex={1}>
          {COLUMNS.map((c) => (
            <div
              key={c.key}
              role="columnheader"
              className={`vt-cell vt-cell--${c.key}`}
              aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
            >
              <button
                type="button"
                className="vt-sort"
                onClick={() => sortBy(c.key)}
                title={t('ranking.sortBy', { column: t(c.label) })}
                data-sort={c.key}
              >
                {t(c.label)}
                <span aria-hidden="true">{sort.key === c.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </div>
          ))}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="vt-table__body"
        role="rowgroup"
        onKeyDown={onKeyDown}
        data-testid="ranking-body"
      >
        {rows.length === 0 && <p className="vt-empty">{t('ranking.empty')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const selected = row.id === selectedId;
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={`vt-table__row vt-table__row--body${selected ? ' is-selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => selectHamlet(row.id, 'app')}
                data-hamlet-id={row.id}
              >
                <div role="cell" className="vt-cell vt-cell--rank">
                  {row.rank === null ? '—' : fmt.integer(row.rank)}
                  {row.tier !== null && <span className="vt-tier">{t(`tierShort.${row.tier}`)}</span>}
                </div>
                <div role="cell" className="vt-cell vt-cell--name">
                  {/* Focusable target for keyboard users; its click bubbles to the row. */}
                  <button type="button" className="vt-rowbutton">
                    {row.name}
                  </button>
                </div>
                <div
                  role="cell"
                  className="vt-cell vt-cell--commune"
                  title={`${row.commune}, ${row.district}`}
                >
                  {shortAdminName(row.commune)}
                </div>
                <div role="cell" className="vt-cell vt-cell--status">
                  <span
                    className="vt-dot"
                    style={{ background: STATUS_COLOURS[row.status] }}
                    aria-hidden="true"
                  />
                  {t(`status.${row.status}`)}
                </div>
                <div role="cell" className="vt-cell vt-cell--uncoveredHouseholds">
                  {fmt.integer(row.uncoveredHouseholds)}
                </div>
                <div role="cell" className="vt-cell vt-cell--costPerHousehold">
                  {row.costPerHouseholdVnd === null ? '—' : fmt.vnd(row.costPerHouseholdVnd)}
                </div>
                <div role="cell" className="vt-cell vt-cell--score">
                  {row.score === null ? '—' : fmt.number(row.score, 2)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
