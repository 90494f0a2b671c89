import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { LegendItem } from '../../map/snapshot.ts';
import { PRINT_PIXEL_RATIO } from '../../map/snapshotLayout.ts';
import { renderMapAt } from '../../map/snapshotRender.ts';
import { getSnapshotMap } from '../../map/snapshotTarget.ts';
import { useVisibleRows } from '../ranking/RankingTable.tsx';
import { useApp } from '../../store/store.ts';
import { useShareTranslation } from './i18n.ts';
import { areaName, legendFromPage } from './snapshotContent.ts';

const TOP = 15;
/** The printed map is 277 × 100 mm: render it in that shape rather than stretch a portrait screen map. */
const PRINT_MAP_PX = { width: 1636, height: 590 };

let preparedMap: string | null = null;

/**
 * Draws a page-shaped map at print resolution, then opens the browser's print dialog. Falls back to the
 * screen's map when the offscreen render fails.
 */
export async function printPage(): Promise<void> {
  const map = getSnapshotMap();
  if (map) {
    try {
      const r = await renderMapAt(map, PRINT_MAP_PX.width, PRINT_MAP_PX.height, {
        pixelRatio: PRINT_PIXEL_RATIO,
      });
      preparedMap = r.canvas.toDataURL('image/png');
    } catch {
      preparedMap = null;
    }
  }
  window.print();
}

/**
 * What the browser prints (see styles/print.css): one A4 page with the map as it is on screen, the
 * legend and the top of the filtered list. Lives outside the app's layout (a portal on <body>) so the
 * print stylesheet can hide everything else without knowing the layout. Its content is only rendered
 * from `beforeprint` to `afterprint`: kept up to date all the time, it re-sorted the whole list on every
 * change and cost the first render ~50 ms.
 */
export function PrintSheet() {
  const [sheet, setSheet] = useState<{ mapUrl: string; legend: Legend } | null>(null);

  useEffect(() => {
    // The Print button has already drawn a page-shaped map; Ctrl+P gets the screen's canvas, copied
    // synchronously because beforeprint cannot wait (the app keeps its drawing buffer). flushSync: the
    // sheet must be in the DOM before the browser lays out the printed page, right after this handler.
    const onBeforePrint = () => {
      const prepared = preparedMap;
      preparedMap = null;
      const canvas = getSnapshotMap()?.getCanvas();
      const mapUrl = prepared ?? (canvas ? canvas.toDataURL('image/png') : '');
      flushSync(() => setSheet({ mapUrl, legend: legendFromPage() }));
    };
    const onAfterPrint = () => setSheet(null);
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    return () => {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    };
  }, []);

  return createPortal(
    <div className="vt-print" aria-hidden="true" data-testid="print-sheet">
      {sheet && <PrintContent mapUrl={sheet.mapUrl} legend={sheet.legend} />}
    </div>,
    document.body,
  );
}

type Legend = { title: string | null; items: LegendItem[] };

function PrintContent({ mapUrl, legend }: { mapUrl: string; legend: Legend }) {
  const { t } = useShareTranslation();
  const { t: tApp } = useTranslation();
  const { name, illustrative, lang } = useApp(
    useShallow((s) => ({
      name: areaName(s),
      illustrative: s.illustrativeLayers.length > 0,
      lang: s.lang,
    })),
  );
  // The list as the ranking panel shows it (filtered and sorted), its first rows.
  const top = useVisibleRows().rows.slice(0, TOP);
  return (
    <>
      <header>
        <h1>{name}</h1>
        <p>
          {new Date().toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB')}{' '}
          {illustrative ? `· ${tApp('app.illustrative')}` : ''}
        </p>
      </header>
      {mapUrl && <img className="vt-print__map" src={mapUrl} alt="" />}
      <div className="vt-print__bottom">
        <section className="vt-print__legend">
          <h2>{legend.title ?? t('png.legendFallback')}</h2>
          <ul>
            {legend.items.map((item) => (
              <li key={item.label}>
                <span
                  className={`vt-print__swatch vt-print__swatch--${item.kind ?? 'fill'}`}
                  style={{ background: item.colour, borderColor: item.outline ?? item.colour }}
                />
                {item.label}
              </li>
            ))}
          </ul>
        </section>
        <table className="vt-print__list">
          <thead>
            <tr>
              <th>{tApp('ranking.rank')}</th>
              <th>{tApp('ranking.name')}</th>
              <th>{tApp('ranking.commune')}</th>
              <th>{tApp('ranking.uncovered')}</th>
            </tr>
          </thead>
          <tbody>
            {top.map((r) => (
              <tr key={r.id}>
                <td>{r.rank ?? '—'}</td>
                <td>{r.name}</td>
                <td>{r.commune}</td>
                <td>{Math.round(r.uncoveredHouseholds)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="vt-print__foot">{t('png.attribution')}</p>
    </>
  );
}
