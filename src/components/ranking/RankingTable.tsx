import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import type { Rect, Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { shortAdminName } from '../../i18n/adminName.ts';
import { STATUS_COLOURS } from '../../map/palette.ts';
import { indexRows, listRows, type HamletRow, type SortKey } from '../../store/rows.ts';
import { whenIdle } from '../../store/persist/resultCache.ts';
import { listSource } from '../../store/lens.ts';
import { useLensColumnLabel } from '../lens/LensListNote.tsx';
import { useApp } from '../../store/store.ts';
import { activeUnitSystem } from '../../store/units.ts';
import { useUnitsTranslation } from '../units/i18n.ts';
import { useFormat } from '../useFormat.ts';

const ROW_HEIGHT = 44;
/** The name column holds the hamlet and, below it, its commune; each sorts on its own. */
const COLUMNS: { keys: { key: SortKey; label: string }[]; className: string }[] = [
  { keys: [{ key: 'rank', label: 'ranking.rank' }], className: 'rank' },
  {
    keys: [
      { key: 'name', label: 'ranking.name' },
      { key: 'commune', label: 'ranking.commune' },
    ],
    className: 'name',
  },
  { keys: [{ key: 'status', label: 'ranking.status' }], className: 'status' },
  { keys: [{ key: 'uncoveredHouseholds', label: 'ranking.uncovered' }], className: 'uncoveredHouseholds' },
  { keys: [{ key: 'costPerHousehold', label: 'ranking.costPerHousehold' }], className: 'costPerHousehold' },
  { keys: [{ key: 'score', label: 'ranking.score' }], className: 'score' },
];
/** Numbers sort biggest first on the first click; rank and text smallest first. */
const FIRST_DIR: Record<SortKey, 'asc' | 'desc'> = {
  rank: 'asc',
  name: 'asc',
  commune: 'asc',
  unit: 'asc',
  status: 'asc',
  uncoveredHouseholds: 'desc',
  costPerHousehold: 'asc',
  score: 'desc',
};
/** The name, commune and district of a row (its commune or ward of 2025 in the units system). */
const fullPlace = (row: HamletRow, byUnits: boolean): string =>
  byUnits ? `${row.name} — ${row.unitName}` : `${row.name} — ${row.commune}, ${row.district}`;

/** The columns in a unit system: the place column sorts by the commune or ward of 2025 in `units`. */
const UNIT_COLUMNS = COLUMNS.map((c) => ({
  ...c,
  keys: c.keys.map((k) => (k.key === 'commune' ? { key: 'unit' as const, label: 'ranking.commune' } : k)),
}));

/** Rows a Page Up / Page Down moves by. */
const PAGE = 10;

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
    useShallow((s) => ({ all: listSource(s), filters: s.filters, sort: s.sort })),
  );
  const rows = useMemo(() => listRows(all, filters, sort), [all, filters, sort]);
  // The rows' search index, built when the page is idle after the list is shown (a search before it is
  // done indexes the rest itself): 89,000 rows show without waiting for it.
  useEffect(() => {
    let stopped = false;
    void indexRows(
      all,
      () => new Promise<void>((resolve) => whenIdle(resolve)),
      () => stopped,
    );
    return () => {
      stopped = true;
    };
  }, [all]);
  return { rows, total: all.length };
}

/**
 * Moves keyboard focus to the hamlet details (Enter on a row, the skip link), or to the panel that holds
 * them when no hamlet is selected. They may render a frame or two later: try for a few frames.
 */
export function focusDetails(frames = 10): void {
  requestAnimationFrame(() => {
    const el =
      document.getElementById('vt-details') ??
      (frames <= 0 ? document.querySelector<HTMLElement>('#vt-details-tabs [role="tabpanel"]') : null);
    if (el) el.focus();
    else focusDetails(frames - 1);
  });
}

/** Moves keyboard focus to the list's row in the Tab order (the selected one, else the first). */
export function focusList(): void {
  requestAnimationFrame(() =>
    (
      document.querySelector<HTMLElement>('#vt-ranking [data-row-focus][tabindex="0"]') ??
      document.getElementById('vt-ranking')
    )?.focus(),
  );
}

/**
 * The ranked hamlet list, virtualised so thousands of rows scroll smoothly. One row at a time is in the
 * Tab order (the selected one, else the first): ↑/↓, Page Up/Down, Home/End move focus and selection
 * together and the map flies there; Enter opens the details. Click selects a row; a selection made on the
 * map scrolls its row into view. Hover or keyboard focus shows a row's full name, commune and district.
 */
export function RankingTable({ rows }: { rows: HamletRow[] }) {
  const { t } = useTranslation();
  const { t: tu } = useUnitsTranslation();
  const fmt = useFormat();
  // Rows get their unit from a worker after the first list: until then the 2020–2024 commune shows.
  const byUnits = useApp((s) => activeUnitSystem(s) === 'units' && s.unitAssignment !== null);
  const columns = byUnits ? UNIT_COLUMNS : COLUMNS;
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
  /** The row to focus once it is rendered (it may be outside the virtualised window when asked for). */
  const pendingFocus = useRef<string | null>(null);
  /** The row whose full name shows in a tip while it has the keyboard focus. */
  const [tipId, setTipId] = useState<string | null>(null);
  const [, setScrolled] = useState(0);
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
  const activeIndex = selectedIndex >= 0 ? selectedIndex : 0;

  useEffect(() => {
    if (selectedIndex >= 0 && selectionSource === 'map')
      virtualizer.scrollToIndex(selectedIndex, { align: 'center' });
  }, [selectedIndex, selectionSource, virtualizer]);

  // After every render: focus the row asked for, once the virtualiser has drawn it.
  useEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    const el = [...(scrollRef.current?.querySelectorAll<HTMLElement>('[data-row-focus]') ?? [])].find(
      (e) => e.dataset.rowFocus === id,
    );
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  });

  const moveTo = (index: number) => {
    const next = Math.min(rows.length - 1, Math.max(0, index));
    const row = rows[next];
    if (!row) return;
    pendingFocus.current = row.id;
    selectHamlet(row.id, 'app');
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    // From the row that has the focus (a click may have put it elsewhere than the selection).
    const focused = (e.target as HTMLElement).dataset?.rowFocus;
    const at = focused === undefined ? activeIndex : rows.findIndex((r) => r.id === focused);
    const from = at >= 0 ? at : activeIndex;
    const moves: Record<string, number> = {
      ArrowDown: from + 1,
      ArrowUp: from - 1,
      PageDown: from + PAGE,
      PageUp: from - PAGE,
      Home: 0,
      End: rows.length - 1,
    };
    const to = moves[e.key];
    if (to === undefined) return;
    e.preventDefault();
    moveTo(to);
  };

  const tipIndex = tipId === null ? -1 : rows.findIndex((r) => r.id === tipId);
  const tipRow = rows[tipIndex];
  let tipTop = 0;
  if (tipRow) {
    const body = scrollRef.current;
    const y = (body?.offsetTop ?? 0) + tipIndex * ROW_HEIGHT - (body?.scrollTop ?? 0);
    // Below the row, or above it when the row is near the bottom of the list.
    tipTop =
      body && y + 2 * ROW_HEIGHT > body.offsetTop + body.clientHeight ? y - ROW_HEIGHT + 8 : y + ROW_HEIGHT;
  }

  // Under a lens ranking the households column is its target (the operator's gap, or no operator's).
  const lensLabel = useLensColumnLabel();
  const label = (k: { key: SortKey; label: string }) =>
    k.key === 'unit' ? tu('unit') : k.key === 'uncoveredHouseholds' && lensLabel ? lensLabel : t(k.label);
  const sortBy = (key: SortKey) =>
    setSort(
      sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: FIRST_DIR[key] },
    );

  return (
    <div className="vt-table" role="table" aria-label={t('ranking.title')} aria-rowcount={rows.length + 1}>
      {/* In the units system the place under a hamlet's name is its commune or ward of 2025. */}
      <div role="rowgroup" className="vt-table__head">
        <div role="row" className="vt-table__row" aria-rowindex={1}>
          {columns.map((c) => {
            const sorted = c.keys.find((k) => k.key === sort.key);
            return (
              <div
                key={c.className}
                role="columnheader"
                className={`vt-cell vt-cell--${c.className}`}
                aria-sort={sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
              >
                {c.keys.map((k) => (
                  <button
                    key={k.key}
                    type="button"
                    className="vt-sort"
                    onClick={() => sortBy(k.key)}
                    title={t('ranking.sortBy', { column: label(k) })}
                    data-sort={k.key}
                  >
                    {label(k)}
                    <span aria-hidden="true">
                      {sort.key === k.key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
                    </span>
                  </button>
                ))}
              </div>
            );
          })}
        </div>
      </div>
      <div
        ref={scrollRef}
        className="vt-table__body"
        role="rowgroup"
        onKeyDown={onKeyDown}
        onScroll={() => tipId !== null && setScrolled((n) => n + 1)}
        data-testid="ranking-body"
      >
        {rows.length === 0 && <p className="vt-empty">{t('ranking.empty')}</p>}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const selected = row.id === selectedId;
            const full = fullPlace(row, byUnits);
            return (
              <div
                key={row.id}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={selected}
                className={`vt-table__row vt-table__row--body${selected ? ' is-selected' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => selectHamlet(row.id, 'app')}
                title={full}
                data-hamlet-id={row.id}
              >
                <div role="cell" className="vt-cell vt-cell--rank">
                  {row.rank === null ? '—' : fmt.integer(row.rank)}
                  {row.tier !== null && <span className="vt-tier">{t(`tierShort.${row.tier}`)}</span>}
                </div>
                <div role="cell" className="vt-cell vt-cell--name">
                  {/* The row's one Tab stop (roving); Enter selects it and opens the details. */}
                  <button
                    type="button"
                    className="vt-rowbutton"
                    tabIndex={item.index === activeIndex ? 0 : -1}
                    data-row-focus={row.id}
                    aria-describedby={tipId === row.id ? 'vt-row-tip' : undefined}
                    onFocus={(e) => setTipId(e.currentTarget.matches(':focus-visible') ? row.id : null)}
                    onBlur={() => setTipId(null)}
                    onClick={(e) => {
                      // A click (or Enter) from the keyboard opens the details; a mouse click only selects.
                      if (e.detail === 0) focusDetails();
                    }}
                  >
                    <span className="vt-rowbutton__name">{row.name}</span>
                    <span className="vt-rowbutton__commune">
                      {shortAdminName(byUnits ? row.unitName : row.commune)}
                    </span>
                  </button>
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
                  {row.costPerHouseholdVnd === null ? '—' : fmt.vndAmount(row.costPerHouseholdVnd)}
                </div>
                <div role="cell" className="vt-cell vt-cell--score">
                  {row.score === null ? '—' : fmt.number(row.score, 2)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      {tipRow && (
        <div
          id="vt-row-tip"
          role="tooltip"
          className="vt-row-tip"
          style={{ top: tipTop }}
          data-testid="row-tip"
        >
          {fullPlace(tipRow, byUnits)}
        </div>
      )}
    </div>
  );
}
