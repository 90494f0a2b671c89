import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { LegendItem } from '../../map/snapshot.ts';
import { getSnapshotMap } from '../../map/snapshotTarget.ts';
import { filterRows, sortRows } from '../../store/rows.ts';
import { useApp } from '../../store/store.ts';
import { useShareTranslation } from './i18n.ts';
import { areaName, legendFromPage } from './snapshotContent.ts';

const TOP = 15;

/**
 * What the browser prints (see styles/print.css): one A4 page with the map as it is on screen, the
 * legend and the top of the filtered list. Lives outside the app's layout (a portal on <body>) so the
 * print stylesheet can hide everything else without knowing the layout.
 */
export function PrintSheet() {
  const { t } = useShareTranslation();
  const { t: tApp } = useTranslation();
  const { rows, filters, sort, name, illustrative, lang } = useApp(
    useShallow((s) => ({
      rows: s.rows,
      filters: s.filters,
      sort: s.sort,
      name: areaName(s),
      illustrative: s.illustrativeLayers.length > 0,
      lang: s.lang,
    })),
  );
  const [mapUrl, setMapUrl] = useState('');
  const [legend, setLegend] = useState<{ title: string | null; items: LegendItem[] }>({
    title: null,
    items: [],
  });

  useEffect(() => {
    // beforeprint cannot wait for a promise: copy the drawn canvas synchronously (the app keeps its buffer).
    const onBeforePrint = () => {
      const canvas = getSnapshotMap()?.getCanvas();
      setMapUrl(canvas ? canvas.toDataURL('image/png') : '');
      setLegend(legendFromPage());
    };
    window.addEventListener('beforeprint', onBeforePrint);
    return () => window.removeEventListener('beforeprint', onBeforePrint);
  }, []);

  const top = sortRows(filterRows(rows, filters), sort).slice(0, TOP);
  return createPortal(
    <div className="vt-print" aria-hidden="true" data-testid="print-sheet">
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
    </div>,
    document.body,
  );
}
