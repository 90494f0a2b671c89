import { useEffect, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { registeredMap } from '../../map/mapRegistry.ts';
import { PRINT_PIXEL_RATIO, metresPerCssPixel, niceScaleBar } from '../../map/snapshotLayout.ts';
import { renderMapAt } from '../../map/snapshotRender.ts';
import { planLabel } from '../../store/scenario/plan.ts';
import { useApp } from '../../store/store.ts';
import { LegendView, useLegend } from '../Legend.tsx';
import { usePlan, usePlanTranslation } from '../plan/usePlan.ts';
import { useVisibleRows } from '../ranking/RankingTable.tsx';
import { useShareTranslation } from './i18n.ts';
import { areaName } from './snapshotContent.ts';

const TOP = 15;
/** The printed map is 277 × 100 mm: render it in that shape rather than stretch a portrait screen map. */
const PRINT_MAP_PX = { width: 1636, height: 590 };

/** The printed map image and what its scale bar and north arrow need. */
interface PrintMap {
  url: string;
  width: number;
  height: number;
  /** Ground metres per image pixel. */
  metresPerPx: number;
  bearing: number;
}

let preparedMap: PrintMap | null = null;

/**
 * Draws a page-shaped map at print resolution, then opens the browser's print dialog. Falls back to the
 * screen's map when the offscreen render fails.
 */
export async function printPage(): Promise<void> {
  const map = registeredMap();
  if (map) {
    try {
      const r = await renderMapAt(map, PRINT_MAP_PX.width, PRINT_MAP_PX.height, {
        pixelRatio: PRINT_PIXEL_RATIO,
      });
      preparedMap = {
        url: r.canvas.toDataURL('image/png'),
        width: r.canvas.width,
        height: r.canvas.height,
        metresPerPx: r.metresPerPx,
        bearing: r.bearing,
      };
    } catch {
      preparedMap = null;
    }
  }
  window.print();
}

/** The screen's map as it is (Ctrl+P): copied synchronously, since the app keeps its drawing buffer. */
function screenMap(): PrintMap | null {
  const map = registeredMap();
  if (!map) return null;
  const canvas = map.getCanvas();
  const ratio = canvas.width / (map.getContainer().clientWidth || canvas.width);
  return {
    url: canvas.toDataURL('image/png'),
    width: canvas.width,
    height: canvas.height,
    metresPerPx: metresPerCssPixel(map.getCenter().lat, map.getZoom()) / ratio,
    bearing: map.getBearing(),
  };
}

/**
 * What the browser prints (see styles/print.css): one A4 page with the map (scale bar and north arrow on
 * it, as on the PNG), the legend and the top of the filtered list. Lives outside the app's layout (a portal
 * on <body>) so the print stylesheet can hide everything else without knowing the layout. Its content is
 * only rendered from `beforeprint` to `afterprint`: kept up to date all the time, it re-sorted the whole
 * list on every change and cost the first render ~50 ms.
 */
export function PrintSheet() {
  const [sheet, setSheet] = useState<{ map: PrintMap | null } | null>(null);

  useEffect(() => {
    // The Print button has already drawn a page-shaped map, kept until the print ends (a PDF export may
    // fire beforeprint again); Ctrl+P gets the screen's canvas. flushSync: the sheet must be in the DOM
    // before the browser lays out the printed page, right after this handler.
    const onBeforePrint = () => {
      const map = preparedMap ?? screenMap();
      flushSync(() => setSheet({ map }));
    };
    const onAfterPrint = () => {
      preparedMap = null;
      setSheet(null);
    };
    window.addEventListener('beforeprint', onBeforePrint);
    window.addEventListener('afterprint', onAfterPrint);
    return () => {
      window.removeEventListener('beforeprint', onBeforePrint);
      window.removeEventListener('afterprint', onAfterPrint);
    };
  }, []);

  return createPortal(
    <div className="vt-print" aria-hidden="true" data-testid="print-sheet">
      {sheet && <PrintContent map={sheet.map} />}
    </div>,
    document.body,
  );
}

/** The map image with a scale bar of a round distance (bottom right) and a north arrow (top right). */
function PrintedMap({ map }: { map: PrintMap }) {
  const { t } = useShareTranslation();
  const bar = niceScaleBar(map.metresPerPx, map.width * 0.25);
  return (
    <div
      className="vt-print__mapbox"
      style={{
        aspectRatio: `${map.width} / ${map.height}`,
        width: `min(100%, ${(100 * map.width) / map.height}mm)`,
      }}
    >
      <img className="vt-print__map" src={map.url} alt="" />
      <svg className="vt-print__north" viewBox="-22 -22 44 44" data-testid="print-north">
        <circle r="20" fill="rgba(255,255,255,0.94)" stroke="#9aa5b1" />
        <g transform={`rotate(${-map.bearing})`}>
          <path d="M0 -10 L7 13.5 L0 8 Z" fill="#1f2933" />
          <path d="M0 -10 L-7 13.5 L0 8 Z" fill="#ffffff" stroke="#1f2933" strokeWidth="1" />
          <text
            y="-13"
            textAnchor="middle"
            dominantBaseline="middle"
            fontSize="9"
            fontWeight="bold"
            fill="#1f2933"
          >
            {t('png.north')}
          </text>
        </g>
      </svg>
      <div
        className="vt-print__scale"
        style={{ width: `${(100 * bar.px) / map.width}%` }}
        data-testid="print-scale"
        data-metres={bar.metres}
      >
        <span className="vt-print__scale-zero">0</span>
        <span className="vt-print__scale-label">{bar.label}</span>
        <span className="vt-print__scale-bar" />
      </div>
    </div>
  );
}

function PrintContent({ map }: { map: PrintMap | null }) {
  const { t } = useShareTranslation();
  const { t: tApp } = useTranslation();
  const legend = useLegend();
  const plan = usePlan();
  const { t: tPlan } = usePlanTranslation();
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
        <p className="vt-print__plan" data-testid="print-plan">
          {planLabel(plan.shown, tPlan)}
        </p>
        <p>
          {new Date().toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB')}{' '}
          {illustrative ? `· ${tApp('app.illustrative')}` : ''}
        </p>
      </header>
      {map && <PrintedMap map={map} />}
      <div className="vt-print__bottom">
        <LegendView
          legend={legend}
          t={(k, p) => tApp(k, p)}
          titleId="vt-print-legend-title"
          className="vt-legend vt-print__legend"
        />
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
