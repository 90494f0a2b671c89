import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { SnapshotSize } from '../../map/snapshot.ts';
import { snapshotPng } from '../../map/snapshotRender.ts';
import { planFromState } from '../../map/connectMap.ts';
import { legendRows, legendText } from '../../map/legend.ts';
import { registeredMap } from '../../map/mapRegistry.ts';
import { exportPlan, planLabel, shownPlan } from '../../store/scenario/plan.ts';
import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { exportFileName } from '../../store/share/fileName.ts';
import { appStore, useApp } from '../../store/store.ts';
import { usePlanTranslation } from '../plan/usePlan.ts';
import { downloadBlob } from './download.ts';
import { useShareTranslation } from './i18n.ts';
import { areaName, currentLegend } from './snapshotContent.ts';

const SIZES: readonly SnapshotSize[] = ['screen', 'a4', 'a3'];
const OSM = '© OpenStreetMap contributors';

/** The names the screen shows now: same levels (the overlay picks them by zoom), drawn on the image. */
function visibleLabels() {
  const levels = new Set(
    [...document.querySelectorAll('.vt-label')].flatMap((n) =>
      [...n.classList].filter((c) => c.startsWith('vt-label--')).map((c) => c.slice('vt-label--'.length)),
    ),
  );
  if (levels.size === 0) return [];
  return planFromState(appStore.getState()).labels.filter((l) => levels.has(l.level));
}

/** PNG of the map for a report: editable title (default: the area's name), screen, A4 or A3 size. */
export function SnapshotSection() {
  const { t } = useShareTranslation();
  const { t: tApp } = useTranslation();
  const { t: tPlan } = usePlanTranslation();
  const { name, lang, basemap, illustrative } = useApp(
    useShallow((s) => ({
      name: areaName(s),
      lang: s.lang,
      basemap: s.basemap,
      illustrative: s.illustrativeLayers.length > 0,
    })),
  );
  const [title, setTitle] = useState<string | null>(null);
  const [busy, setBusy] = useState<SnapshotSize | null>(null);
  const [status, setStatus] = useState('');

  async function make(size: SnapshotSize) {
    const map = registeredMap();
    if (!map) {
      setStatus(t('png.noMap'));
      return;
    }
    setBusy(size);
    setStatus(t('png.busy', { size: t(`png.${size}`) }));
    try {
      const legend = currentLegend();
      const translate = (key: string, params?: Record<string, string>) => tApp(key, params);
      const now = new Date();
      const shownTitle = (title ?? name).trim() || name;
      // The plan of the map being drawn, read with it: the image and its name say which it is.
      const shown = shownPlan(appStore.getState(), scenarioStore.getState());
      const { blob, width, height } = await snapshotPng(
        map,
        size,
        {
          title: shownTitle,
          legendTitle: legendText(legend.title, translate),
          legend: legendRows(legend, translate),
          date: new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'long' }).format(now),
          note: illustrative ? tApp('app.illustrative') : '',
          plan: planLabel(shown, tPlan),
          attribution: basemap === 'osm' ? `${t('png.attribution')}; ${OSM}` : t('png.attribution'),
          northLabel: t('png.north'),
        },
        { labels: visibleLabels() },
      );
      const fileName = exportFileName(
        `map-${size}`,
        shownTitle,
        now,
        'png',
        exportPlan(shown, tPlan('untitled')),
      );
      downloadBlob(fileName, blob);
      setStatus(t('png.done', { name: fileName, width, height }));
    } catch (e) {
      setStatus(t('png.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="vt-share__section" aria-labelledby="vt-share-png">
      <h3 id="vt-share-png">{t('png.heading')}</h3>
      <label className="vt-share__field">
        <span>{t('png.title')}</span>
        <input
          type="text"
          value={title ?? name}
          maxLength={120}
          onChange={(e) => setTitle(e.target.value)}
          data-testid="snapshot-title"
        />
      </label>
      <div className="vt-share__buttons">
        {SIZES.map((size) => (
          <button
            key={size}
            type="button"
            disabled={busy !== null}
            onClick={() => void make(size)}
            data-testid={`snapshot-${size}`}
          >
            {t(`png.${size}`)}
          </button>
        ))}
      </div>
      <p className="vt-share__status" role="status" aria-live="polite" data-testid="snapshot-status">
        {status}
      </p>
    </section>
  );
}
